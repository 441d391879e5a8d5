import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, eventually, proposeToNewContact } from "./fixtures";
import { CLIENT_ID, PEOPLE, startTeamsApp, TENANT, type TeamsApp } from "./harness";

let app: TeamsApp;
beforeAll(async () => {
  app = await startTeamsApp();
});
afterAll(() => app.close());

describe("teams mode against Entra ID's stand-in", () => {
  it("tells the tab to sign in at the configured authority", async () => {
    const config = (await (await app.request("/auth-config.json")).json()) as Record<string, unknown>;
    expect(config).toMatchObject({
      mode: "teams",
      clientId: CLIENT_ID,
      tenantId: TENANT,
      authority: `${app.entra.host}/${TENANT}`,
    });
  });

  it("accepts v2.0 and v1.0 access tokens of the tenant, keys found through its OpenID configuration", async () => {
    const v2 = await app.request("/api/v1/me", { as: PEOPLE.staff });
    expect(v2.status).toBe(200);
    expect(await v2.json()).toMatchObject({ oid: PEOPLE.staff.oid, kind: "staff", roles: ["Firm.Staff"] });
    const v1 = await app.request("/api/v1/me", {
      token: await app.tokenFor(PEOPLE.admin, { version: 1, audience: `api://localhost/${CLIENT_ID}` }),
    });
    expect(v1.status).toBe(200);
    expect(await v1.json()).toMatchObject({ oid: PEOPLE.admin.oid, username: PEOPLE.admin.username });
  });

  it("refuses what is not a person's delegated token: an app-only token, an ID token", async () => {
    const appOnly = await app.tokenFor(PEOPLE.staff, { idtyp: "app", scp: undefined });
    const idToken = await app.tokenFor(PEOPLE.staff, { scp: undefined, idtyp: undefined, extra: { nonce: "n-1" } });
    for (const token of [appOnly, idToken]) {
      const res = await app.request("/api/v1/me", { token });
      expect(res.status).toBe(401);
      expect(((await res.json()) as { code: string }).code).toBe("AUTH_NOT_DELEGATED_TOKEN");
    }
  });

  it("refuses a token of another tenant, an expired one and one for another audience", async () => {
    for (const overrides of [
      { tenantId: "0f0f0f0f-0000-4000-8000-000000000000" },
      { expiresIn: -600 },
      { audience: "other-api" },
    ]) {
      const res = await app.request("/api/v1/me", { token: await app.tokenFor(PEOPLE.staff, overrides) });
      expect(res.status, JSON.stringify(overrides)).toBe(401);
    }
  });
});

describe("teams mode against Microsoft Graph's stand-in", () => {
  it("invites the proposed contact with an app-only token of Entra's stand-in (client credentials)", async () => {
    const { contact } = await proposeToNewContact(app);
    await eventually(async () => {
      const { requests } = await app.graph.control.stats();
      expect(requests["POST /v1.0/invitations"]).toEqual({ 201: 1 });
      expect(requests["POST /v1.0/users/{id}/sendMail"]).toEqual({ 202: 1 });
      const detail = await call<{ contact: { guest: { objectId: string } | null } }>(
        app,
        "GET",
        `/contacts/${contact.id}`,
      );
      expect(detail.body.contact.guest?.objectId).toBeTruthy();
    });
    expect(app.entra.issued).toContainEqual({ clientId: CLIENT_ID, scope: "https://graph.microsoft.com/.default" });
  });
});
