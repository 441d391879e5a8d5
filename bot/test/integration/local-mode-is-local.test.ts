// Local mode trusts this machine (its sign-in page mints any demo person's token, its bot endpoint is anonymous),
// so it must be unreachable from anything else: refused start-ups, loopback-only requests, a per-start secret on
// the sign-in page, and replies to the local connector only.
import { spawn } from "node:child_process";
import { request as httpRequest } from "node:http";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SIGNIN_COOKIE } from "../../dev/local-idp/signin-link";
import { startLocalConnector, type LocalConnector } from "../support/connector-server";
import { PERSONS, startTestApp, TEST_TENANT, type TestApp } from "./harness";

const root = fileURLToPath(new URL("../../../", import.meta.url));
const SECRET = "local-mode-is-local-secret-0123456789abcdef";

/** Runs `bot/dev/main.ts` (what `npm start` runs in local mode) and returns how it ended, within 60 s. */
function startLocalMain(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const dataDir = mkdtempSync(join(tmpdir(), "comptoir-local-"));
  const child = spawn(process.execPath, ["--import", "tsx", join(root, "bot/dev/main.ts")], {
    cwd: root,
    env: { ...process.env, COMPTOIR_MODE: "local", PORT: "0", DATA_DIR: dataDir, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (c: Buffer) => (output += c.toString()));
  child.stderr.on("data", (c: Buffer) => (output += c.toString()));
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill("SIGTERM"), 60_000);
    child.once("exit", (code) => {
      clearTimeout(timer);
      rmSync(dataDir, { recursive: true, force: true });
      resolve({ code, output });
    });
  });
}

describe("local mode refuses to start where it is not local", () => {
  it("refuses a non-loopback HOST, saying why and what to do", async () => {
    const { code, output } = await startLocalMain({ HOST: "0.0.0.0" });
    expect(code).toBe(1);
    expect(output).toContain("HOST=0.0.0.0");
    expect(output).toContain("COMPTOIR_MODE=teams");
    expect(output).toMatch(/tunnel/);
    expect(output).not.toContain("prêt en");
  }, 90_000);

  it("refuses a real storage account's connection string", async () => {
    const { code, output } = await startLocalMain({
      STORAGE_CONNECTION_STRING:
        "DefaultEndpointsProtocol=https;AccountName=cabinetprod;AccountKey=a2V5;EndpointSuffix=core.windows.net",
    });
    expect(code).toBe(1);
    expect(output).toContain("STORAGE_CONNECTION_STRING");
    expect(output).toContain("Azurite");
    expect(output).not.toContain("prêt en");
  }, 90_000);

  it("refuses a non-loopback HOST when the server is started in process too", async () => {
    await expect(startTestApp({ HOST: "0.0.0.0" })).rejects.toThrow(/HOST=0\.0\.0\.0/);
  });
});

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A request with headers `fetch` would not let a test set (Host), straight to the server's socket. */
function raw(
  url: string,
  method: string,
  path: string,
  headers: Record<string, string> = {},
  body?: string,
): Promise<RawResponse> {
  const { port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: "127.0.0.1", port, method, path, headers }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (c: string) => (text += c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
    });
    req.on("error", reject);
    req.end(body);
  });
}

const codeOf = (res: RawResponse) => (JSON.parse(res.body) as { code?: string }).code;

describe("the local server answers this machine only", () => {
  let app: TestApp;
  let connector: LocalConnector;
  let elsewhere: LocalConnector;
  let host: string;
  let conversationCounter = 0;

  beforeAll(async () => {
    connector = await startLocalConnector();
    elsewhere = await startLocalConnector();
    app = await startTestApp({ LOCAL_SIGNIN_SECRET: SECRET, LOCAL_BOT_SERVICE_URL: connector.url });
    host = new URL(app.url).host;
  });
  afterAll(async () => {
    await app.close();
    await connector.stop();
    await elsewhere.stop();
  });

  const cookie = `${SIGNIN_COOKIE}=${SECRET}`;
  const authorizePath = () => `/local-idp/authorize?redirect_uri=${encodeURIComponent(`${app.url}/`)}&state=s`;

  /** A staff member's chat message, as Teams (here the local connector) posts it. */
  function staffMessage(serviceUrl: string) {
    return JSON.stringify({
      type: "message",
      id: `1700000${++conversationCounter}`,
      text: "aide",
      serviceUrl,
      channelId: "msteams",
      from: { id: "29:1camille", name: PERSONS.staff.name, aadObjectId: PERSONS.staff.oid },
      recipient: { id: "28:comptoir-bot", name: "Comptoir" },
      conversation: { id: `a:1local-${conversationCounter}`, conversationType: "personal", tenantId: TEST_TENANT },
      channelData: { tenant: { id: TEST_TENANT } },
      locale: "fr-FR",
    });
  }
  const jsonHeaders = (extra: Record<string, string> = {}) => ({ "Content-Type": "application/json", host, ...extra });

  it("refuses the sign-in page under another Host (DNS rebinding), even with the secret", async () => {
    const ok = await raw(app.url, "GET", authorizePath(), { host, cookie });
    expect(ok.status).toBe(200);
    const res = await raw(app.url, "GET", authorizePath(), { host: "evil.example", cookie });
    expect(res.status).toBe(403);
    expect(codeOf(res)).toBe("LOCAL_ONLY");
    const withPort = await raw(app.url, "GET", authorizePath(), { host: "evil.example:3978", cookie });
    expect(withPort.status).toBe(403);
  });

  it("refuses the sign-in page through a forwarder (X-Forwarded-For, Forwarded)", async () => {
    const forwarders: Record<string, string>[] = [
      { "x-forwarded-for": "203.0.113.7" },
      { "x-forwarded-host": host },
      { forwarded: "for=203.0.113.7" },
    ];
    for (const forwarded of forwarders) {
      const res = await raw(app.url, "GET", authorizePath(), { host, cookie, ...forwarded });
      expect(res.status).toBe(403);
      expect(codeOf(res)).toBe("LOCAL_ONLY");
    }
  });

  it("refuses the bot endpoint under another Host or through a forwarder; nothing is sent", async () => {
    for (const headers of [jsonHeaders({ host: "evil.example" }), jsonHeaders({ "x-forwarded-for": "203.0.113.7" })]) {
      const res = await raw(app.url, "POST", "/api/messages", headers, staffMessage(connector.url));
      expect(res.status).toBe(403);
      expect(codeOf(res)).toBe("LOCAL_ONLY");
    }
    expect(connector.recorded()).toEqual([]);
  });

  it("answers an activity from the local connector", async () => {
    const res = await raw(app.url, "POST", "/api/messages", jsonHeaders(), staffMessage(connector.url));
    expect(res.status).toBeLessThan(300);
    await connector.waitFor((r) => r.method === "POST", { timeoutMs: 10_000 });
    expect(await app.running.deps.repos.conversations.get(TEST_TENANT, PERSONS.staff.oid)).not.toBeNull();
    connector.clear();
  });

  it("refuses an activity naming another serviceUrl: nothing stored, nothing sent", async () => {
    const other = PERSONS.admin;
    for (const serviceUrl of [
      "http://169.254.169.254/",
      elsewhere.url,
      `${connector.url.replace("127.0.0.1", "localhost")}`,
    ]) {
      const body = staffMessage(serviceUrl).replaceAll(PERSONS.staff.oid, other.oid);
      const res = await raw(app.url, "POST", "/api/messages", jsonHeaders({ "Accept-Language": "en" }), body);
      expect(res.status).toBe(403);
      expect(codeOf(res)).toBe("LOCAL_SERVICE_URL_REFUSED");
      expect((JSON.parse(res.body) as { message: string }).message).toContain("local connector");
    }
    // Give a wrongly accepted turn time to reply before looking.
    await new Promise((r) => setTimeout(r, 500));
    expect(elsewhere.recorded()).toEqual([]);
    expect(connector.recorded()).toEqual([]);
    expect(await app.running.deps.repos.conversations.get(TEST_TENANT, other.oid)).toBeNull();
  });

  it("refuses the sign-in page without this start's secret, with a page saying where the link is", async () => {
    const fr = await raw(app.url, "GET", authorizePath(), { host, accept: "text/html" });
    expect(fr.status).toBe(403);
    expect(fr.body).toContain("LOCAL_SIGNIN_LINK_REQUIRED");
    expect(fr.body).toContain("npm start");
    expect(fr.body).toContain("lien de connexion");
    const en = await raw(app.url, "GET", authorizePath(), { host, accept: "text/html", "accept-language": "en" });
    expect(en.body).toContain("sign-in link printed by npm start");
    const wrong = await raw(app.url, "GET", authorizePath(), { host, cookie: `${SIGNIN_COOKIE}=${"x".repeat(43)}` });
    expect(wrong.status).toBe(403);
    const form = new URLSearchParams({ oid: PERSONS.admin.oid, redirect_uri: `${app.url}/` }).toString();
    const post = await raw(
      app.url,
      "POST",
      "/local-idp/authorize",
      { host, accept: "application/json", "content-type": "application/x-www-form-urlencoded" },
      form,
    );
    expect(post.status).toBe(403);
    expect(codeOf(post)).toBe("LOCAL_SIGNIN_LINK_REQUIRED");
    expect(post.headers.location).toBeUndefined();
  });

  it("the printed link sets an HttpOnly, SameSite=Strict cookie that opens the sign-in page", async () => {
    const bad = await raw(app.url, "GET", "/local-idp/enter?key=guess", { host });
    expect(bad.status).toBe(403);
    expect(bad.headers["set-cookie"]).toBeUndefined();

    const link = app.running.wiring.signInUrl(app.url);
    expect(link).toBe(`${app.url}/local-idp/enter?key=${SECRET}`);
    const enter = await raw(app.url, "GET", new URL(link).pathname + new URL(link).search, { host });
    expect(enter.status).toBe(303);
    expect(enter.headers.location).toBe("/");
    const setCookie = String(enter.headers["set-cookie"]);
    expect(setCookie).toContain(`${SIGNIN_COOKIE}=${SECRET}`);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    expect(setCookie).toMatch(/Path=\/local-idp/);

    const form = new URLSearchParams({ oid: PERSONS.admin.oid, redirect_uri: `${app.url}/`, state: "s" }).toString();
    const post = await raw(
      app.url,
      "POST",
      "/local-idp/authorize",
      { host, cookie, "content-type": "application/x-www-form-urlencoded" },
      form,
    );
    expect(post.status).toBe(303);
    const token = new URLSearchParams(String(post.headers.location).split("#")[1]).get("access_token");
    const me = await app.request("/api/v1/me", { token: token ?? "" });
    expect(me.status).toBe(200);
  });
});
