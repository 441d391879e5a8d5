import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomUUID } from "node:crypto";
import { SignJWT, exportJWK, generateKeyPair, type CryptoKey, type JWTPayload } from "jose";
import { inject } from "vitest";
import { parseEnv, type LocalEnv } from "../../src/config/env";
import { DEMO_ADMIN, DEMO_CLIENT, DEMO_STAFF, type DemoPerson } from "../../dev/demo-persons";
import { localIssuerUrl } from "../../dev/local-idp/local-issuer";
import { SIGNIN_COOKIE } from "../../dev/local-idp/signin-link";
import { localMode, type LocalWiring } from "../../dev/local-mode";
import { startServer, type RunningServer } from "../../src/server";

export const TEST_TENANT = "7d1c8e6a-3f0b-4d1e-9a51-0c0f1a2b3c4d";
export const TEST_AUDIENCE = "api://localhost/comptoir";

export interface TestApp {
  url: string;
  running: RunningServer<LocalWiring>;
  /** Its tables' prefix: another app started with it is another instance over the same storage. */
  tablePrefix: string;
  /** The local issuer's own private key: tests can mint any token the server might receive. */
  signingKey: CryptoKey;
  tokenFor(person: Pick<DemoPerson, "oid" | "name" | "username" | "roles">): Promise<string>;
  sign(payload: JWTPayload, opts?: { key?: CryptoKey; expiresIn?: string | number; kid?: string }): Promise<string>;
  /**
   * A request to the server. On `/local-idp/…` it carries the sign-in cookie, as a browser that opened the link
   * printed by `npm start` would, unless it sets a `Cookie` header of its own.
   */
  request(path: string, init?: RequestInit & { as?: DemoPerson | null; token?: string }): Promise<Response>;
  close(): Promise<void>;
}

export const PERSONS = { admin: DEMO_ADMIN, staff: DEMO_STAFF, client: DEMO_CLIENT } as const;

/**
 * Starts the real server in local mode on Azurite, with tables under a prefix of its own so tests never collide
 * (or, with `storage`, on a given Azurite and prefix: another instance of one deployment, with its own deps and
 * projections, over the same storage).
 */
export async function startTestApp(
  overrides: Partial<Record<keyof LocalEnv, string>> = {},
  storage: { connectionString?: string; tablePrefix?: string } = {},
): Promise<TestApp> {
  const dataDir = mkdtempSync(join(tmpdir(), "comptoir-test-"));
  const { privateKey } = await generateKeyPair("RS256", { extractable: true });
  mkdirSync(join(dataDir, "local-idp"), { recursive: true });
  writeFileSync(join(dataDir, "local-idp", "key.json"), JSON.stringify(await exportJWK(privateKey)));
  const env = parseEnv({
    COMPTOIR_MODE: "local",
    PORT: "0",
    HOST: "127.0.0.1",
    DATA_DIR: dataDir,
    AAD_APP_TENANT_ID: TEST_TENANT,
    LOCAL_API_AUDIENCE: TEST_AUDIENCE,
    SEED_DEMO: "false",
    ...overrides,
  });
  const tablePrefix = storage.tablePrefix ?? testTablePrefix();
  const running = await startServer({
    env,
    mode: localMode,
    connectionString: storage.connectionString ?? inject("azuriteConnectionString"),
    tablePrefix,
  });

  const sign: TestApp["sign"] = (payload, opts = {}) =>
    new SignJWT({
      tid: TEST_TENANT,
      ver: "2.0",
      iss: localIssuerUrl(TEST_TENANT),
      aud: TEST_AUDIENCE,
      scp: "access_as_user",
      ...payload,
    })
      .setProtectedHeader({ alg: "RS256", kid: opts.kid ?? "comptoir-local-1", typ: "JWT" })
      .setIssuedAt()
      .setExpirationTime(opts.expiresIn ?? "1h")
      .sign(opts.key ?? privateKey);

  const tokenFor: TestApp["tokenFor"] = (person) =>
    sign({ oid: person.oid, name: person.name, preferred_username: person.username, roles: person.roles });

  return {
    url: running.url,
    running,
    tablePrefix,
    signingKey: privateKey,
    sign,
    tokenFor,
    async request(path, init = {}) {
      const { as, token, ...rest } = init;
      const headers = new Headers(rest.headers);
      const bearer = token ?? (as ? await tokenFor(as) : undefined);
      if (bearer) headers.set("Authorization", `Bearer ${bearer}`);
      if (rest.body && !headers.has("Content-Type")) headers.set("Content-Type", "application/json");
      if (path.startsWith("/local-idp/") && !headers.has("Cookie"))
        headers.set("Cookie", `${SIGNIN_COOKIE}=${running.wiring.signInSecret}`);
      return fetch(`${running.url}${path}`, { ...rest, headers, redirect: "manual" });
    },
    async close() {
      await running.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export const testTablePrefix = () => `t${randomUUID().replace(/-/g, "").slice(0, 12)}`;

export interface JsonResponse<T = unknown> {
  status: number;
  etag: string | null;
  body: T;
}

/** A JSON call as one of the demo persons, returning status, ETag and parsed body. */
export async function call<T = Record<string, unknown>>(
  app: TestApp,
  method: string,
  path: string,
  opts: { as?: DemoPerson | null; token?: string; body?: unknown; etag?: string | null; lang?: string } = {},
): Promise<JsonResponse<T>> {
  const headers: Record<string, string> = {};
  if (opts.etag) headers["If-Match"] = opts.etag;
  if (opts.lang) headers["Accept-Language"] = opts.lang;
  const res = await app.request(`/api/v1${path}`, {
    method,
    headers,
    as: opts.as === undefined && !opts.token ? PERSONS.staff : (opts.as ?? null),
    ...(opts.token ? { token: opts.token } : {}),
    ...(opts.body === undefined ? {} : { body: JSON.stringify(opts.body) }),
  });
  const text = await res.text();
  return { status: res.status, etag: res.headers.get("etag"), body: (text ? JSON.parse(text) : undefined) as T };
}
