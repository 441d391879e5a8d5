import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateKeyPair } from "jose";
import { errorBodySchema, meResponseSchema } from "@comptoir/shared";
import { PERSONS, startTestApp, type TestApp } from "./harness";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

const b64url = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");

async function expectRejected(token: string | undefined, code: string) {
  const res = await app.request("/api/v1/me", token === undefined ? {} : { token });
  expect(res.status).toBe(401);
  expect(res.headers.get("www-authenticate")).toContain("Bearer");
  const body = errorBodySchema.parse(await res.json());
  expect(body.code).toBe(code);
  expect(body.message.length).toBeGreaterThan(0);
}

describe("one auth path: GET /api/v1/me", () => {
  it("returns the collaboratrice as staff", async () => {
    const res = await app.request("/api/v1/me", { as: PERSONS.staff });
    expect(res.status).toBe(200);
    const me = meResponseSchema.parse(await res.json());
    expect(me).toMatchObject({ name: "Camille Martin", kind: "staff", roles: ["Firm.Staff"], oid: PERSONS.staff.oid });
  });

  it("returns a person without app roles as a client", async () => {
    const me = meResponseSchema.parse(await (await app.request("/api/v1/me", { as: PERSONS.client })).json());
    expect(me.kind).toBe("client");
    expect(me.roles).toEqual([]);
  });

  it("ignores roles that are not ours", async () => {
    const token = await app.sign({ oid: PERSONS.client.oid, name: "X", roles: ["Some.Other"] });
    const me = meResponseSchema.parse(await (await app.request("/api/v1/me", { token })).json());
    expect(me.kind).toBe("client");
  });
});

describe("token rejection, each with 401 and a stable code", () => {
  const claims = { oid: PERSONS.staff.oid, name: "Camille Martin", roles: ["Firm.Staff"] };

  it("rejects a missing token", () => expectRejected(undefined, "AUTH_MISSING_TOKEN"));

  it("rejects an ID token of the same app (no scp), an app-only token and a token without access_as_user", async () => {
    await expectRejected(
      await app.sign({ ...claims, scp: undefined, nonce: "n-0S6_WzA2Mj" }),
      "AUTH_NOT_DELEGATED_TOKEN",
    );
    await expectRejected(await app.sign({ ...claims, scp: undefined, idtyp: "app" }), "AUTH_NOT_DELEGATED_TOKEN");
    await expectRejected(await app.sign({ ...claims, idtyp: "app" }), "AUTH_NOT_DELEGATED_TOKEN");
    await expectRejected(await app.sign({ ...claims, scp: "User.Read" }), "AUTH_NOT_DELEGATED_TOKEN");
    const ok = await app.request("/api/v1/me", {
      token: await app.sign({ ...claims, scp: "User.Read access_as_user", idtyp: "user" }),
    });
    expect(ok.status).toBe(200);
  });

  it("rejects an expired token", async () => {
    const past = Math.floor(Date.now() / 1000) - 3600;
    await expectRejected(await app.sign(claims, { expiresIn: past }), "AUTH_TOKEN_EXPIRED");
  });

  it("rejects the wrong audience", async () => {
    await expectRejected(await app.sign({ ...claims, aud: "api://someone-else" }), "AUTH_INVALID_AUDIENCE");
  });

  it("rejects the wrong issuer", async () => {
    await expectRejected(
      await app.sign({ ...claims, iss: "https://login.microsoftonline.com/other/v2.0" }),
      "AUTH_INVALID_ISSUER",
    );
  });

  it("rejects the wrong tenant", async () => {
    await expectRejected(
      await app.sign({ ...claims, tid: "11111111-2222-4333-8444-555555555555" }),
      "AUTH_INVALID_TENANT",
    );
  });

  it("rejects a bad signature", async () => {
    const { privateKey: otherKey } = await generateKeyPair("RS256");
    await expectRejected(await app.sign(claims, { key: otherKey }), "AUTH_INVALID_SIGNATURE");
  });

  it("rejects a tampered payload", async () => {
    const [header, , signature] = (await app.sign(claims)).split(".");
    const forged = `${header}.${b64url({ ...claims, roles: ["Firm.Admin"], tid: "x" })}.${signature}`;
    await expectRejected(forged, "AUTH_INVALID_SIGNATURE");
  });

  it("rejects alg: none", async () => {
    const now = Math.floor(Date.now() / 1000);
    const unsigned = `${b64url({ alg: "none", typ: "JWT" })}.${b64url({ ...claims, iat: now, exp: now + 600 })}.`;
    await expectRejected(unsigned, "AUTH_UNSUPPORTED_ALGORITHM");
  });

  it("rejects HS256 (algorithm confusion)", async () => {
    const now = Math.floor(Date.now() / 1000);
    const forged = `${b64url({ alg: "HS256", typ: "JWT" })}.${b64url({ ...claims, iat: now, exp: now + 600 })}.c2ln`;
    await expectRejected(forged, "AUTH_UNSUPPORTED_ALGORITHM");
  });

  it("rejects garbage", () => expectRejected("not-a-jwt", "AUTH_INVALID_TOKEN"));

  it("localizes the message with Accept-Language", async () => {
    const fr = errorBodySchema.parse(await (await app.request("/api/v1/me")).json());
    const en = errorBodySchema.parse(
      await (await app.request("/api/v1/me", { headers: { "Accept-Language": "en-GB,en;q=0.9" } })).json(),
    );
    expect(fr.code).toBe(en.code);
    expect(fr.message).toMatch(/jeton/);
    expect(en.message).toMatch(/token/);
  });

  it("requires a token on unknown API addresses too", async () => {
    expect((await app.request("/api/v1/nope")).status).toBe(401);
    const res = await app.request("/api/v1/nope", { as: PERSONS.staff });
    expect(res.status).toBe(404);
    expect(errorBodySchema.parse(await res.json()).code).toBe("ROUTE_NOT_FOUND");
  });

  it("leaves health open", async () => {
    const res = await app.request("/api/health");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok" });
  });
});

describe("local sign-in page", () => {
  it("lists the demo persons and returns a working token in the fragment", async () => {
    const redirect = `${app.url}/`;
    const page = await app.request(`/local-idp/authorize?redirect_uri=${encodeURIComponent(redirect)}&state=abc`);
    expect(page.status).toBe(200);
    const html = await page.text();
    for (const p of Object.values(PERSONS)) expect(html).toContain(p.name);

    const form = new URLSearchParams({ oid: PERSONS.client.oid, redirect_uri: redirect, state: "abc" });
    const res = await app.request("/local-idp/authorize", {
      method: "POST",
      body: form.toString(),
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
    });
    expect(res.status).toBe(303);
    const location = new URL(res.headers.get("location") ?? "");
    expect(location.origin + location.pathname).toBe(redirect);
    const fragment = new URLSearchParams(location.hash.slice(1));
    expect(fragment.get("state")).toBe("abc");
    const me = meResponseSchema.parse(
      await (await app.request("/api/v1/me", { token: fragment.get("access_token") ?? "" })).json(),
    );
    expect(me.name).toBe("Client Collaboratif");
  });

  it("refuses to send a token to a non-local address", async () => {
    const res = await app.request(`/local-idp/authorize?redirect_uri=${encodeURIComponent("https://evil.example/")}`);
    expect(res.status).toBe(400);
  });

  it("refuses an unknown person", async () => {
    const form = new URLSearchParams({ oid: "00000000-0000-4000-8000-000000000000", redirect_uri: `${app.url}/` });
    const res = await app.request("/local-idp/authorize", {
      method: "POST",
      body: form.toString(),
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
    });
    expect(res.status).toBe(400);
  });
});
