import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorBodySchema } from "@comptoir/shared";
import type { DemoPerson } from "../../dev/demo-persons";
import { PERSONS, startTestApp, type TestApp } from "./harness";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

const ROLES: { name: string; person: DemoPerson | null }[] = [
  { name: "anonymous", person: null },
  { name: "client", person: PERSONS.client },
  { name: "staff", person: PERSONS.staff },
  { name: "admin", person: PERSONS.admin },
];

/** Whether the route's declared audiences admit this caller. */
function admits(allow: readonly string[], role: string): boolean {
  if (role === "anonymous") return false;
  // Admins are staff too; nobody but a client passes a client-only route.
  if (role === "admin") return allow.includes("admin") || allow.includes("staff");
  return allow.includes(role);
}

describe("every route × {anonymous, client, staff, admin}", () => {
  it("enumerates the registry (and the registry is not empty)", () => {
    expect(app.running.routes.length).toBeGreaterThan(20);
  });

  it("answers each caller as the route declares", async () => {
    const rows: string[] = [];
    for (const route of app.running.routes) {
      const path = route.path.replace(/:(\w+)/g, "does-not-exist");
      for (const { name, person } of ROLES) {
        const res = await app.request(`/api/v1${path}`, {
          method: route.method.toUpperCase(),
          as: person,
          headers: { "If-Match": '"stale"' },
          ...(["post", "put", "patch"].includes(route.method) ? { body: "{}" } : {}),
        });
        const body = errorBodySchema.safeParse(await res.json().catch(() => ({})));
        let expected: string;
        if (name === "anonymous") expected = "401";
        else if (!admits(route.allow, name)) expected = "403";
        else expected = "allowed";
        // A 403 for the data (CLIENT_NO_ACCESS) means the role got through; only FORBIDDEN is the role check.
        const code = body.success ? body.data.code : "";
        const got = res.status === 401 ? "401" : res.status === 403 && code === "FORBIDDEN" ? "403" : "allowed";
        rows.push(`${route.method.toUpperCase()} ${route.path} as ${name}: ${res.status}`);
        expect(got, rows.at(-1)).toBe(expected);
        if (got !== "allowed") expect(code, rows.at(-1)).toMatch(/^(AUTH_|FORBIDDEN$)/);
      }
    }
  });

  it("gives clients reads only, and nothing of the back office", () => {
    const clientRoutes = app.running.routes.filter((r) => r.allow.includes("client"));
    expect(clientRoutes.every((r) => r.method === "get")).toBe(true);
    expect(clientRoutes.every((r) => r.path === "/me" || r.path.startsWith("/client/"))).toBe(true);
    expect(clientRoutes.length).toBeGreaterThan(1);
  });

  it("keeps firm settings to Firm.Admin", () => {
    const adminOnly = app.running.routes
      .filter((r) => r.allow.length === 1 && r.allow[0] === "admin")
      .map((r) => `${r.method} ${r.path}`);
    expect(adminOnly.sort()).toEqual(["get /settings", "put /settings"]);
  });
});

describe("the streaming routes (FEC upload, exports) answer the same matrix", () => {
  const cases: { method: string; path: string; allow: string[] }[] = [
    {
      method: "POST",
      path: "/api/v1/dossiers/does-not-exist/fec?exercice=2024-01-01..2024-12-31",
      allow: ["staff", "admin"],
    },
    { method: "GET", path: "/api/v1/dossiers/does-not-exist/accounting/export/balance.csv", allow: ["staff", "admin"] },
    { method: "GET", path: "/api/v1/client/societes/does-not-exist/accounting/export/balance.csv", allow: ["client"] },
  ];
  for (const c of cases) {
    it(`${c.method} ${c.path.split("?")[0]}`, async () => {
      for (const { name, person } of ROLES) {
        const res = await app.request(c.path, {
          method: c.method,
          as: person,
          ...(c.method === "POST" ? { body: "x", headers: { "Content-Type": "application/octet-stream" } } : {}),
        });
        const body = errorBodySchema.safeParse(await res.json().catch(() => ({})));
        const code = body.success ? body.data.code : "";
        if (name === "anonymous") expect(res.status, name).toBe(401);
        else if (!c.allow.includes(name)) expect([res.status, code], name).toEqual([403, "FORBIDDEN"]);
        else expect(code, name).not.toMatch(/^(AUTH_|FORBIDDEN$)/);
      }
    });
  }
});
