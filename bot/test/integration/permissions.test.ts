import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorBodySchema } from "@comptoir/shared";
import type { DemoPerson } from "../../dev/demo-persons";
import type { AnyRoute } from "../../src/api/http/route";
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

/** A body of the kind the route reads: raw bytes of its declared type for an upload, JSON for other writes. */
function bodyFor(route: AnyRoute): RequestInit {
  const headers = { "If-Match": '"stale"' };
  if (route.kind === "stream" && route.request)
    return { body: "x", headers: { ...headers, "Content-Type": route.request.contentType } };
  return route.kind === "json" && ["post", "put", "patch"].includes(route.method)
    ? { body: "{}", headers }
    : { headers };
}

describe("every route × {anonymous, client, staff, admin}", () => {
  it("enumerates the registry (and the registry is not empty)", () => {
    expect(app.running.routes.length).toBeGreaterThan(20);
  });

  it("has the routes that stream bytes in the registry too: the FEC upload and every export", () => {
    const streams = app.running.routes.filter((r) => r.kind === "stream").map((r) => `${r.method} ${r.path}`);
    expect(streams).toContain("post /dossiers/:id/fec");
    for (const prefix of ["/dossiers/:dossierId/accounting", "/client/societes/:dossierId/accounting"])
      for (const file of ["balance", "grand-livre", "journaux"].flatMap((v) => [`${v}.csv`, `${v}.xlsx`]))
        expect(streams).toContain(`get ${prefix}/export/${file}`);
    for (const prefix of ["/dossiers/:dossierId/accounting", "/client/societes/:dossierId/accounting"])
      for (const file of ["balance-agee", "etats-financiers"].flatMap((v) => [`${v}.csv`, `${v}.xlsx`]))
        expect(streams).toContain(`get ${prefix}/export/${file}`);
    expect(streams).toContain("get /contacts/:id/rgpd/export.html");
    expect(streams).toContain("get /campaigns/:id/failures.csv");
    // 13 before the balance âgée's 4 files and the états financiers' 4, the RGPD export page, a campaign's failures.
    expect(streams).toHaveLength(13 + 4 + 4 + 1 + 1);
  });

  it("lets only a Firm.Admin reach the RGPD export, erasure preview and erasure (no collaborateur, no client)", () => {
    const rgpd = app.running.routes.filter((r) => r.path.includes("/rgpd/"));
    expect(rgpd.map((r) => `${r.method} ${r.path}`).sort()).toEqual([
      "get /contacts/:id/rgpd/erasure-preview",
      "get /contacts/:id/rgpd/export.html",
      "get /contacts/:id/rgpd/export.json",
      "post /contacts/:id/rgpd/erasure",
    ]);
    for (const route of rgpd) expect(route.allow, route.path).toEqual(["admin"]);
  });

  it("answers each caller as the route declares", async () => {
    const rows: string[] = [];
    for (const route of app.running.routes) {
      const path = route.path.replace(/:(\w+)/g, "does-not-exist");
      for (const { name, person } of ROLES) {
        const res = await app.request(`/api/v1${path}`, {
          method: route.method.toUpperCase(),
          as: person,
          ...bodyFor(route),
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

  it("keeps every campaign route (bulk proposals) to staff, as the single proposal", () => {
    const campaigns = app.running.routes.filter((r) => r.path.startsWith("/campaigns"));
    expect(campaigns.map((r) => `${r.method} ${r.path}`).sort()).toEqual([
      "get /campaigns",
      "get /campaigns/:id",
      "get /campaigns/:id/failures",
      "get /campaigns/:id/failures.csv",
      "post /campaigns",
      "post /campaigns/:id/cancel",
      "post /campaigns/:id/pause",
      "post /campaigns/:id/resume",
      "post /campaigns/:id/retry-failed",
    ]);
    for (const r of campaigns) expect(r.allow, `${r.method} ${r.path}`).toEqual(["staff"]);
  });

  it("keeps firm settings to Firm.Admin", () => {
    const adminOnly = app.running.routes
      .filter((r) => r.allow.length === 1 && r.allow[0] === "admin")
      .map((r) => `${r.method} ${r.path}`);
    // Besides the settings, only the RGPD routes (checked above) are for admins alone.
    expect(adminOnly.filter((r) => !r.includes("/rgpd/")).sort()).toEqual([
      "get /settings",
      "get /settings/collaborateurs",
      "put /settings",
    ]);
  });
});
