import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorBodySchema } from "@comptoir/shared";
import type { DemoPerson } from "../../src/local/demo-persons";
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
  if (role === "admin") return true;
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
        const got = res.status === 401 ? "401" : res.status === 403 ? "403" : "allowed";
        rows.push(`${route.method.toUpperCase()} ${route.path} as ${name}: ${res.status}`);
        expect(got, rows.at(-1)).toBe(expected);
        if (res.status === 401 || res.status === 403)
          expect(body.success && body.data.code, rows.at(-1)).toMatch(/^(AUTH_|FORBIDDEN)/);
      }
    }
  });

  it("refuses clients every back-office route, read or write", () => {
    const clientRoutes = app.running.routes
      .filter((r) => r.allow.includes("client"))
      .map((r) => `${r.method} ${r.path}`);
    expect(clientRoutes).toEqual(["get /me"]);
  });

  it("keeps firm settings to Firm.Admin", () => {
    const adminOnly = app.running.routes
      .filter((r) => r.allow.length === 1 && r.allow[0] === "admin")
      .map((r) => `${r.method} ${r.path}`);
    expect(adminOnly.sort()).toEqual(["get /settings", "put /settings"]);
  });
});
