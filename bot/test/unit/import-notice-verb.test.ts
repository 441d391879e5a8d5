import { describe, expect, it } from "vitest";
import { VERBS, type Contact, type Principal } from "@comptoir/shared";
import { runAction, type ActionKit } from "../../src/agent/actions";
import type { Caller } from "../../src/agent/identity";
import type { ServiceDeps } from "../../src/core/services/context";

/** The `notices.set` handler over a fake store: what it writes, and the card it answers with. */
function kit() {
  const writes: { tenantId: string; contactId: string; enabled: boolean }[] = [];
  const deps = {
    now: () => new Date("2026-01-05T10:00:00.000Z"),
    repos: {
      contacts: {
        get: (_tenant: string, id: string) =>
          Promise.resolve(id === "ct-1" ? { value: { id } as Contact, etag: "e" } : null),
      },
      importNotices: {
        setEnabled: (tenantId: string, contactId: string, enabled: boolean) => {
          writes.push({ tenantId, contactId, enabled });
          return Promise.resolve();
        },
      },
    },
  } as unknown as ServiceDeps;
  const actionKit: ActionKit = { deps, links: { webUrl: "https://comptoir.example.fr" } };
  return { actionKit, writes };
}

const principal: Principal = {
  tenantId: "t1",
  oid: "g1",
  name: "Client",
  username: "c@x.fr",
  roles: [],
  kind: "client",
};
const client: Caller = { kind: "client", tenantId: "t1", oid: "g1", name: "Client", contactId: "ct-1", principal };
const text = (card: unknown) => JSON.stringify(card);

describe("notices.set", () => {
  it("turns the calling client's own notices off and answers with the way back on", async () => {
    const { actionKit, writes } = kit();
    // A contactId in the data is ignored: the caller's own contact is the one written.
    const data = { dossierId: "dos-1", enabled: false, contactId: "someone-else" };
    const { card, replaceForAll } = await runAction(actionKit, VERBS.importNotices, data, client, "fr", "29:1");
    expect(writes).toEqual([{ tenantId: "t1", contactId: "ct-1", enabled: false }]);
    expect(replaceForAll).toBe(false);
    expect(text(card)).toContain("Vous ne serez plus prévenu");
    expect(card.actions?.[0]).toMatchObject({ verb: VERBS.importNotices, data: { dossierId: "dos-1", enabled: true } });
  });

  it("turns them back on", async () => {
    const { actionKit, writes } = kit();
    const { card } = await runAction(
      actionKit,
      VERBS.importNotices,
      { dossierId: "dos-1", enabled: true },
      client,
      "en",
      "",
    );
    expect(writes).toEqual([{ tenantId: "t1", contactId: "ct-1", enabled: true }]);
    expect(text(card)).toContain("You will be notified");
  });

  it("answers bad data with the VALIDATION_FAILED card and writes nothing", async () => {
    const { actionKit, writes } = kit();
    const { card } = await runAction(actionKit, VERBS.importNotices, { dossierId: "dos-1" }, client, "fr", "");
    expect(text(card)).toContain("VALIDATION_FAILED");
    expect(writes).toEqual([]);
  });

  it("refuses staff and strangers: only a client has a preference of their own", async () => {
    const { actionKit, writes } = kit();
    const staff: Caller = { kind: "staff", tenantId: "t1", oid: "s1", name: "Camille", roles: ["Firm.Staff"] };
    const stranger: Caller = { kind: "stranger", tenantId: null, oid: null };
    for (const caller of [staff, stranger]) {
      const { card } = await runAction(
        actionKit,
        VERBS.importNotices,
        { dossierId: "d", enabled: false },
        caller,
        "fr",
        "",
      );
      expect(text(card)).toContain("FORBIDDEN");
    }
    expect(writes).toEqual([]);
  });
});
