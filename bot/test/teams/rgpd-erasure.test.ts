import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ContactDetail, RgpdErasurePreview } from "@comptoir/shared";
import { call, eventually, proposeToNewContact } from "./fixtures";
import { PEOPLE, startTeamsApp, type TeamsApp } from "./harness";

let app: TeamsApp;
beforeAll(async () => {
  app = await startTeamsApp();
});
afterAll(() => app.close());

/** How many `DELETE /users/{id}` the Graph stand-in answered, by status. */
async function userDeletes(): Promise<Record<string, number>> {
  const stats = (await (await fetch(`${app.graph.url}/_control/stats`)).json()) as {
    requests: Record<string, Record<string, number>>;
  };
  const out: Record<string, number> = {};
  for (const [route, byStatus] of Object.entries(stats.requests))
    if (route.startsWith("DELETE ") && route.includes("/users/"))
      for (const [status, n] of Object.entries(byStatus)) out[status] = (out[status] ?? 0) + n;
  return out;
}

describe("RGPD erasure, in teams mode", () => {
  it("deletes the guest account Comptoir invited through Graph, once, and only for a Firm.Admin", async () => {
    const { contact } = await proposeToNewContact(app);
    const oid = await eventually(async () => {
      const detail = await call<ContactDetail>(app, "GET", `/contacts/${contact.id}`);
      const id = detail.body.contact.guest?.objectId;
      if (!id) throw new Error("not invited yet");
      return id;
    });
    // The invitation row records the guest once the pipeline's invitation step is stored.
    const preview = await eventually(async () => {
      const res = await call<RgpdErasurePreview>(app, "GET", `/contacts/${contact.id}/rgpd/erasure-preview`, {
        as: PEOPLE.admin,
      });
      expect(res.status).toBe(200);
      expect(res.body.deleteGuest).toBe(true);
      return res;
    });
    expect(preview.body.keepGuestReason).toBeNull();

    const asStaff = await call<{ code: string }>(app, "POST", `/contacts/${contact.id}/rgpd/erasure`, {
      etag: preview.etag,
    });
    expect([asStaff.status, asStaff.body.code]).toEqual([403, "FORBIDDEN"]);
    expect(await userDeletes()).toEqual({});

    const erased = await call<RgpdErasurePreview>(app, "POST", `/contacts/${contact.id}/rgpd/erasure`, {
      as: PEOPLE.admin,
      etag: preview.etag,
    });
    expect(erased.status).toBe(200);
    expect(erased.body.deleteGuest).toBe(true);
    expect(await userDeletes()).toEqual({ 204: 1 });
    expect((await call(app, "GET", `/contacts/${contact.id}`)).status).toBe(404);
    expect(oid).not.toBe("");
  });
});
