import { describe, expect, it } from "vitest";
import { CallerResolver, identityOf, type IdentityOptions } from "../../src/agent/identity";
import type { DirectoryPerson, PersonDirectory } from "../../src/agent/directory-cache";

const FIRM = "7d1c8e6a-3f0b-4d1e-9a51-0c0f1a2b3c4d";
const CLIENT_OID = "c1c1c1c1-0000-4000-8000-000000000001";

const OPTIONS: IdentityOptions = {
  deps: {
    repos: {
      contacts: {
        findIdByGuest: (tenantId: string, oid: string) =>
          Promise.resolve(tenantId === FIRM && oid === CLIENT_OID ? "contact-1" : null),
      },
    },
  } as unknown as IdentityOptions["deps"],
  firmTenantId: FIRM,
};

/** A directory that answers from `people` (or throws `failure`), counting the questions per person. */
function fakeDirectory(people: Record<string, DirectoryPerson>) {
  const asked: string[] = [];
  const state: { failure: Error | null } = { failure: null };
  const directory: PersonDirectory = {
    person(oid) {
      asked.push(oid);
      if (state.failure) return Promise.reject(state.failure);
      return Promise.resolve(people[oid] ?? null);
    },
  };
  return { directory, asked, state, people };
}

const member = (...appRoles: string[]): DirectoryPerson => ({ userType: "Member", appRoles });
const guest = (...appRoles: string[]): DirectoryPerson => ({ userType: "Guest", appRoles });

const activity = (oid: string | undefined, tenant: string | undefined, conversationTenant = tenant) => ({
  from: { id: "29:1x", name: "Someone", ...(oid ? { aadObjectId: oid } : {}) },
  conversation: { ...(conversationTenant ? { tenantId: conversationTenant } : {}) },
  channelData: tenant ? { tenant: { id: tenant } } : {},
});

/** A resolver on a silent clock; `now.t` moves time. */
function resolverOver(people: Record<string, DirectoryPerson>, cache: { maxEntries?: number; ttlMs?: number } = {}) {
  const fake = fakeDirectory(people);
  const now = { t: 0 };
  const failures: string[] = [];
  const resolver = new CallerResolver(fake.directory, {
    now: () => now.t,
    onFailure: (oid) => failures.push(oid),
    ...cache,
  });
  const resolve = (oid: string | undefined, tenant: string | undefined = FIRM) =>
    resolver.resolve(identityOf(activity(oid, tenant)), OPTIONS);
  return { ...fake, now, failures, resolve };
}

describe("identityOf", () => {
  it("reads the tenant from channelData or the conversation, and refuses when they disagree", () => {
    expect(identityOf(activity("o", FIRM))).toEqual({ tenantId: FIRM, oid: "o", name: "Someone" });
    expect(identityOf(activity("o", undefined, FIRM)).tenantId).toBe(FIRM);
    expect(identityOf(activity("o", FIRM, "another-tenant")).tenantId).toBeNull();
    expect(identityOf(activity(undefined, FIRM)).oid).toBeNull();
  });
});

describe("CallerResolver: the five kinds", () => {
  it("makes a member holding Firm.Staff or Firm.Admin staff, with exactly Comptoir's roles", async () => {
    const { resolve } = resolverOver({
      camille: member("Firm.Staff"),
      aurelie: member("Firm.Admin"),
      both: member("Firm.Admin", "Firm.Staff", "Other.Role"),
    });
    expect(await resolve("camille")).toEqual({
      kind: "staff",
      tenantId: FIRM,
      oid: "camille",
      name: "Someone",
      roles: ["Firm.Staff"],
    });
    expect(await resolve("aurelie")).toMatchObject({ kind: "staff", roles: ["Firm.Admin"] });
    expect(await resolve("both")).toMatchObject({ kind: "staff", roles: ["Firm.Admin", "Firm.Staff"] });
  });

  it("makes a member without either role a member, whatever other roles of the app they hold", async () => {
    const { resolve } = resolverOver({ paul: member(), other: member("Other.Role", "firm.staff") });
    expect(await resolve("paul")).toEqual({ kind: "member", tenantId: FIRM, oid: "paul", name: "Someone" });
    expect((await resolve("other")).kind).toBe("member");
  });

  it("makes a bound guest a client without asking the directory, with a client principal for the access rule", async () => {
    const { resolve, asked } = resolverOver({ [CLIENT_OID]: guest() });
    expect(await resolve(CLIENT_OID)).toMatchObject({
      kind: "client",
      contactId: "contact-1",
      principal: { tenantId: FIRM, oid: CLIENT_OID, kind: "client", roles: [] },
    });
    expect(asked).toEqual([]);
  });

  it("makes an unbound guest a guest, even one holding a Comptoir role (staff must be members)", async () => {
    const { resolve } = resolverOver({ g: guest(), roleGuest: guest("Firm.Staff") });
    expect(await resolve("g")).toEqual({ kind: "guest", tenantId: FIRM, oid: "g", name: "Someone" });
    expect((await resolve("roleGuest")).kind).toBe("guest");
  });

  it("makes a stranger of whoever the directory does not know, or knows with no user type", async () => {
    const { resolve } = resolverOver({ odd: { userType: null, appRoles: ["Firm.Staff"] } });
    expect(await resolve("nobody")).toEqual({ kind: "stranger", tenantId: FIRM, oid: "nobody" });
    expect((await resolve("odd")).kind).toBe("stranger");
  });

  it("gives nothing to another tenant or to an activity without an object id, without asking", async () => {
    const { resolve, asked } = resolverOver({ m: member("Firm.Staff") });
    expect((await resolve("m", "another-tenant")).kind).toBe("stranger");
    expect((await resolve(CLIENT_OID, "another-tenant")).kind).toBe("stranger");
    expect((await resolve(undefined)).kind).toBe("stranger");
    expect(asked).toEqual([]);
  });
});

describe("CallerResolver: the directory cache", () => {
  it("asks once per person, keeps the answer at most 5 minutes, then sees a removed role", async () => {
    const { resolve, asked, now, people } = resolverOver({ camille: member("Firm.Staff") });
    expect((await resolve("camille")).kind).toBe("staff");
    now.t += 4 * 60_000;
    expect((await resolve("camille")).kind).toBe("staff");
    expect(asked).toEqual(["camille"]);
    people.camille = member();
    now.t += 60_000;
    expect((await resolve("camille")).kind).toBe("member");
    expect(asked).toEqual(["camille", "camille"]);
  });

  it("never keeps an answer longer than 5 minutes, whatever it is told", async () => {
    const { resolve, asked, now } = resolverOver({ camille: member("Firm.Staff") }, { ttlMs: 60 * 60_000 });
    await resolve("camille");
    now.t += 5 * 60_000;
    await resolve("camille");
    expect(asked).toHaveLength(2);
  });

  it("fails closed: a failed lookup makes nobody staff, is reported, and is asked again soon", async () => {
    const { resolve, asked, now, state, failures } = resolverOver({ camille: member("Firm.Staff") });
    state.failure = new Error("Graph unavailable");
    expect((await resolve("camille")).kind).toBe("stranger");
    expect(failures).toEqual(["camille"]);
    // Not asked again at every message of an outage…
    now.t += 5_000;
    expect((await resolve("camille")).kind).toBe("stranger");
    expect(asked).toHaveLength(1);
    // …but not remembered for long either.
    state.failure = null;
    now.t += 15_000;
    expect((await resolve("camille")).kind).toBe("staff");
    expect(asked).toHaveLength(2);
  });

  it("shares one lookup between concurrent messages of one person", async () => {
    const { resolve, asked } = resolverOver({ camille: member("Firm.Staff") });
    const callers = await Promise.all([resolve("camille"), resolve("camille"), resolve("camille")]);
    expect(callers.map((c) => c.kind)).toEqual(["staff", "staff", "staff"]);
    expect(asked).toEqual(["camille"]);
  });

  it("is bounded: past its size, the oldest answer is forgotten first", async () => {
    const { resolve, asked } = resolverOver({ a: member("Firm.Staff"), b: member(), c: guest() }, { maxEntries: 2 });
    await resolve("a");
    await resolve("b");
    await resolve("c");
    await resolve("c");
    await resolve("b");
    expect(asked).toEqual(["a", "b", "c"]);
    await resolve("a");
    expect(asked).toEqual(["a", "b", "c", "a"]);
  });
});
