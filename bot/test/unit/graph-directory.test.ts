import { describe, expect, it } from "vitest";
import { AppError } from "@comptoir/shared";
import { createGraphAdapter } from "../../src/graph/adapter";
import type { DirectoryCalls } from "../../src/graph/directory-calls";
import { graphPersonDirectory } from "../../src/graph/directory";
import type { AppRoleAssignment, ServicePrincipal } from "../../src/graph/schemas";

const BASE = "https://graph.test/v1.0";
const APP_ID = "3f6a2c1e-7b4d-4e8a-9f0c-1d2e3f4a5b6c";
const SP_ID = "8e881353-1735-45af-af21-ee1344582a4d";
const STAFF_ROLE = "38e74e11-69cd-4c18-80c9-f770d90ac028";
const ADMIN_ROLE = "4707e4c9-12f7-47d6-887a-6b3fa7e92926";
const OID = "cdb555e3-b33e-4fd5-a427-17fadacbdfa7";

type Reply = { status: number; body?: unknown };

/** Graph over a scripted fetch: replies in order, every request recorded with its headers. */
function scripted(replies: Reply[]) {
  const calls: { url: string; headers: Headers }[] = [];
  const fakeFetch: typeof fetch = (input, init) => {
    const reply = replies[calls.length];
    calls.push({ url: input instanceof Request ? input.url : input.toString(), headers: new Headers(init?.headers) });
    if (!reply) return Promise.reject(new Error("no scripted reply"));
    const text = reply.body === undefined ? null : JSON.stringify(reply.body);
    return Promise.resolve(new Response(text, { status: reply.status }));
  };
  const adapter = createGraphAdapter({
    baseUrl: BASE,
    getToken: () => Promise.resolve("tok"),
    fetch: fakeFetch,
    sleep: () => Promise.resolve(),
    random: () => 0.5,
  });
  return { adapter, calls };
}

describe("the directory calls (Microsoft Learn's documented requests)", () => {
  it("reads the app's own service principal by appId, selecting its id and app roles", async () => {
    const { adapter, calls } = scripted([
      { status: 200, body: { id: SP_ID, appRoles: [{ id: STAFF_ROLE, value: "Firm.Staff", isEnabled: true }] } },
    ]);
    const sp = await adapter.getServicePrincipal(APP_ID);
    expect(sp).toEqual({ id: SP_ID, appRoles: [{ id: STAFF_ROLE, value: "Firm.Staff", isEnabled: true }] });
    expect(calls[0]?.url).toBe(`${BASE}/servicePrincipals(appId='${APP_ID}')?$select=id,appRoles`);
  });

  it("reads a user's type, and answers null for a user the directory does not have", async () => {
    const { adapter, calls } = scripted([
      { status: 200, body: { id: OID, userType: "Member" } },
      { status: 404, body: { error: { code: "Request_ResourceNotFound", message: "" } } },
    ]);
    expect(await adapter.findDirectoryUser(OID)).toEqual({ id: OID, userType: "Member" });
    expect(await adapter.findDirectoryUser("ghost")).toBeNull();
    expect(calls.map((c) => c.url)).toEqual([
      `${BASE}/users/${OID}?$select=id,userType`,
      `${BASE}/users/ghost?$select=id,userType`,
    ]);
  });

  it("lists the user's assignments to one resource with $count and ConsistencyLevel, following nextLink", async () => {
    const assignment = (appRoleId: string) => ({
      appRoleId,
      resourceId: SP_ID,
      principalId: OID,
      principalType: "User",
    });
    const { adapter, calls } = scripted([
      { status: 200, body: { value: [assignment(STAFF_ROLE)], "@odata.nextLink": `${BASE}/users/${OID}/next?page=2` } },
      { status: 200, body: { value: [assignment(ADMIN_ROLE)] } },
    ]);
    const all = await adapter.listAppRoleAssignments(OID, SP_ID);
    expect(all.map((a) => a.appRoleId)).toEqual([STAFF_ROLE, ADMIN_ROLE]);
    expect(calls[0]?.url).toBe(
      `${BASE}/users/${OID}/appRoleAssignments?$filter=resourceId%20eq%20${SP_ID}&$count=true`,
    );
    expect(calls[0]?.headers.get("ConsistencyLevel")).toBe("eventual");
    expect(calls[1]?.url).toBe(`${BASE}/users/${OID}/next?page=2`);
  });

  it("refuses a resource id that is not a GUID and a nextLink off Graph's base URL", async () => {
    const { adapter, calls } = scripted([
      { status: 200, body: { value: [], "@odata.nextLink": "https://elsewhere.test/v1.0/users/x" } },
    ]);
    await expect(adapter.listAppRoleAssignments(OID, "x' or 1 eq 1")).rejects.toMatchObject({
      code: "GRAPH_BAD_RESPONSE",
    });
    expect(calls).toHaveLength(0);
    await expect(adapter.listAppRoleAssignments(OID, SP_ID)).rejects.toMatchObject({ code: "GRAPH_BAD_RESPONSE" });
    expect(calls).toHaveLength(1);
  });

  it("gives up quickly while someone waits: two attempts, then the failure", async () => {
    const { adapter, calls } = scripted([{ status: 503 }, { status: 503 }, { status: 200, body: { id: OID } }]);
    const error: unknown = await adapter.findDirectoryUser(OID).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("GRAPH_UNAVAILABLE");
    expect(calls).toHaveLength(2);
  });
});

/** The three reads behind a person, scripted, counting calls. */
function fakeCalls(opts: {
  sp?: ServicePrincipal;
  users?: Record<string, string | null>;
  assignments?: Record<string, AppRoleAssignment[]>;
}) {
  const count = { sp: 0, user: 0, assignments: 0 };
  const state = { spFailure: null as Error | null };
  const calls: DirectoryCalls = {
    getServicePrincipal(appId) {
      count.sp++;
      if (state.spFailure) return Promise.reject(state.spFailure);
      expect(appId).toBe(APP_ID);
      return Promise.resolve(opts.sp ?? { id: SP_ID, appRoles: [] });
    },
    findDirectoryUser(oid) {
      count.user++;
      const users = opts.users ?? {};
      return Promise.resolve(oid in users ? { id: oid, userType: users[oid] ?? null } : null);
    },
    listAppRoleAssignments(oid, resourceId) {
      count.assignments++;
      expect(resourceId).toBe(SP_ID);
      return Promise.resolve(opts.assignments?.[oid] ?? []);
    },
  };
  return { calls, count, state };
}

const SP: ServicePrincipal = {
  id: SP_ID,
  appRoles: [
    { id: STAFF_ROLE, value: "Firm.Staff", isEnabled: true },
    { id: ADMIN_ROLE, value: "Firm.Admin", isEnabled: false },
  ],
};
const assigned = (appRoleId: string, resourceId = SP_ID): AppRoleAssignment => ({
  appRoleId,
  resourceId,
  principalId: OID,
  principalType: "Group",
});

describe("graphPersonDirectory", () => {
  it("maps the person's assignments to the values of the app's enabled roles", async () => {
    const { calls } = fakeCalls({
      sp: SP,
      users: { [OID]: "Member" },
      assignments: {
        // The default-access role (all zeros) has no value; a disabled role grants nothing; another app's role neither.
        [OID]: [
          assigned(STAFF_ROLE),
          assigned(STAFF_ROLE),
          assigned(ADMIN_ROLE),
          assigned("00000000-0000-0000-0000-000000000000"),
          assigned(STAFF_ROLE, "another-resource"),
        ],
      },
    });
    expect(await graphPersonDirectory(calls, APP_ID).person(OID)).toEqual({
      userType: "Member",
      appRoles: ["Firm.Staff"],
    });
  });

  it("answers null for someone the directory does not have, without listing assignments", async () => {
    const { calls, count } = fakeCalls({ sp: SP });
    expect(await graphPersonDirectory(calls, APP_ID).person(OID)).toBeNull();
    expect(count.assignments).toBe(0);
  });

  it("reads the service principal once per 5 minutes, and again after a failure", async () => {
    const { calls, count, state } = fakeCalls({ sp: SP, users: { [OID]: "Guest" } });
    let now = 0;
    const directory = graphPersonDirectory(calls, APP_ID, () => now);
    state.spFailure = new Error("down");
    await expect(directory.person(OID)).rejects.toThrow("down");
    state.spFailure = null;
    expect(await directory.person(OID)).toEqual({ userType: "Guest", appRoles: [] });
    await directory.person(OID);
    expect(count.sp).toBe(2);
    now += 5 * 60_000;
    await directory.person(OID);
    expect(count.sp).toBe(3);
  });
});
