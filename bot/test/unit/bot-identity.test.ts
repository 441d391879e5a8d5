import { describe, expect, it } from "vitest";
import { CallerResolver, identityOf, type IdentityOptions } from "../../src/agent/identity";

const FIRM = "7d1c8e6a-3f0b-4d1e-9a51-0c0f1a2b3c4d";
const CLIENT_OID = "c1c1c1c1-0000-4000-8000-000000000001";

function options(over: Partial<IdentityOptions> & { role?: string | null; lookups?: { count: number } } = {}) {
  const lookups = over.lookups ?? { count: 0 };
  const opts: IdentityOptions = {
    deps: {
      repos: {
        contacts: {
          findIdByGuest: (tenantId: string, oid: string) =>
            Promise.resolve(tenantId === FIRM && oid === CLIENT_OID ? "contact-1" : null),
        },
      },
    } as unknown as IdentityOptions["deps"],
    firmTenantId: FIRM,
    localStaffOids: new Set(),
    memberRole: () => {
      lookups.count++;
      return Promise.resolve(over.role === undefined ? "user" : over.role);
    },
    ...over,
  };
  return { opts, lookups };
}

const activity = (oid: string | undefined, tenant: string | undefined, conversationTenant = tenant) => ({
  from: { id: "29:1x", name: "Someone", ...(oid ? { aadObjectId: oid } : {}) },
  conversation: { ...(conversationTenant ? { tenantId: conversationTenant } : {}) },
  channelData: tenant ? { tenant: { id: tenant } } : {},
});

describe("identityOf", () => {
  it("reads the tenant from channelData or the conversation, and refuses when they disagree", () => {
    expect(identityOf(activity("o", FIRM))).toEqual({ tenantId: FIRM, oid: "o", name: "Someone" });
    expect(identityOf(activity("o", undefined, FIRM)).tenantId).toBe(FIRM);
    expect(identityOf(activity("o", FIRM, "another-tenant")).tenantId).toBeNull();
    expect(identityOf(activity(undefined, FIRM)).oid).toBeNull();
  });
});

describe("CallerResolver", () => {
  it("makes a bound guest a client, with a client principal for the access rule", async () => {
    const caller = await new CallerResolver().resolve(identityOf(activity(CLIENT_OID, FIRM)), options().opts);
    expect(caller).toMatchObject({
      kind: "client",
      contactId: "contact-1",
      principal: { tenantId: FIRM, oid: CLIENT_OID, kind: "client", roles: [] },
    });
  });

  it("makes an unbound member of the firm's tenant staff, and a guest or an unknown role nobody", async () => {
    const member = await new CallerResolver().resolve(identityOf(activity("m", FIRM)), options({ role: "user" }).opts);
    expect(member).toMatchObject({ kind: "staff", oid: "m" });
    for (const role of ["guest", "anonymous", null]) {
      const caller = await new CallerResolver().resolve(identityOf(activity("g", FIRM)), options({ role }).opts);
      expect(caller.kind).toBe("stranger");
    }
    const failing = options();
    failing.opts.memberRole = () => Promise.reject(new Error("connector down"));
    expect((await new CallerResolver().resolve(identityOf(activity("m", FIRM)), failing.opts)).kind).toBe("stranger");
  });

  it("gives nothing to another tenant or to an activity without an object id, without asking Teams", async () => {
    const { opts, lookups } = options();
    const resolver = new CallerResolver();
    expect((await resolver.resolve(identityOf(activity("m", "another-tenant")), opts)).kind).toBe("stranger");
    expect((await resolver.resolve(identityOf(activity(CLIENT_OID, "another-tenant")), opts)).kind).toBe("stranger");
    expect((await resolver.resolve(identityOf(activity(undefined, FIRM)), opts)).kind).toBe("stranger");
    expect(lookups.count).toBe(0);
  });

  it("takes the local demo staff without asking, and remembers Teams' answer for a while", async () => {
    const { opts, lookups } = options({ localStaffOids: new Set(["demo-staff"]) });
    let now = 0;
    const resolver = new CallerResolver(() => now);
    expect((await resolver.resolve(identityOf(activity("demo-staff", FIRM)), opts)).kind).toBe("staff");
    expect(lookups.count).toBe(0);
    await resolver.resolve(identityOf(activity("m", FIRM)), opts);
    await resolver.resolve(identityOf(activity("m", FIRM)), opts);
    expect(lookups.count).toBe(1);
    now += 11 * 60_000;
    await resolver.resolve(identityOf(activity("m", FIRM)), opts);
    expect(lookups.count).toBe(2);
  });
});
