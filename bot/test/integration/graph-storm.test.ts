import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createGraphAdapter } from "../../src/graph/adapter";
import type { RetryEvent } from "../../src/graph/http";
import { createLocalGraphTokenProvider, type TokenProvider } from "../../src/graph/token";
import { INVITATION_LIMIT, startLocalGraphServer, type LocalGraphServer } from "../../dev/graph-server";

const TENANT = "7d1c8e6a-3f0b-4d1e-9a51-0c0f1a2b3c4d";
const REDIRECT = "http://localhost:3978/";
const SENDER = "noreply@cabinet-demo.fr";

async function start(throttle: { enabled: boolean; limit?: number; windowMs?: number }): Promise<LocalGraphServer> {
  return startLocalGraphServer({
    connectionString: inject("azuriteConnectionString"),
    tablePrefix: `s${randomUUID().replace(/-/g, "").slice(0, 12)}`,
    tenantId: TENANT,
    throttle,
  });
}

describe("a throttling storm: 30 % of 429 with Retry-After, some 503 and dropped connections", () => {
  let graph: LocalGraphServer;
  let getToken: TokenProvider;
  beforeAll(async () => {
    graph = await start({ enabled: false });
    getToken = createLocalGraphTokenProvider({ localUrl: graph.url, tenantId: TENANT });
  });
  afterAll(() => graph.stop());

  it("every one of 100 invitations and 100 e-mails succeeds once, after waiting what Graph asked", async () => {
    for (const match of ["POST /v1.0/invitations", "POST /v1.0/users/*/sendMail"]) {
      graph.control.addFault({ match, status: 429, retryAfter: 1, rate: 0.3 });
      graph.control.addFault({ match, status: 503, retryAfter: 2, rate: 0.08 });
      graph.control.addFault({ match, status: 503, rate: 0.05 });
      graph.control.addFault({ match, reset: true, rate: 0.03 });
    }
    graph.control.resetStats();

    // A fake sleep: it records each wait and lets the event loop turn, so the storm runs in real time's stead.
    const waits: number[] = [];
    const retries: RetryEvent[] = [];
    const adapter = createGraphAdapter({
      baseUrl: graph.graphBaseUrl,
      getToken,
      retry: { maxAttempts: 25, baseDelayMs: 100, maxDelayMs: 2_000, maxTotalDelayMs: 600_000 },
      sleep: (ms) => {
        waits.push(ms);
        return new Promise((resolve) => setImmediate(resolve));
      },
      onRetry: (e) => retries.push(e),
    });

    const addresses = Array.from({ length: 100 }, (_, i) => `storm.${i}.${randomUUID().slice(0, 6)}@exemple.fr`);
    const results = await Promise.allSettled([
      ...addresses.map((email) =>
        adapter.inviteGuest({ email, redirectUrl: REDIRECT, sendInvitationMessage: false, locale: "fr" }),
      ),
      ...addresses.map((address) =>
        adapter.sendMail({
          sender: SENDER,
          to: [{ address }],
          subject: `Invitation ${address}`,
          html: "<p>Bonjour</p>",
        }),
      ),
    ]);

    // Zero lost calls.
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    const stats = await graph.control.stats();
    const invitations = stats.requests["POST /v1.0/invitations"] ?? {};
    const mails = stats.requests["POST /v1.0/users/{id}/sendMail"] ?? {};
    // Exactly one success per call, and nothing recorded twice.
    expect(invitations["201"]).toBe(100);
    expect(mails["202"]).toBe(100);
    for (const address of addresses) {
      expect(stats.invitationsByEmail[address]).toBe(1);
      expect(stats.mailsByRecipient[address]).toBe(1);
    }
    expect(Object.keys(stats.mailsByRecipient).filter((a) => a.startsWith("storm."))).toHaveLength(100);

    // The storm did happen, and every 429/503 was retried after exactly its Retry-After.
    const throttled = (invitations["429"] ?? 0) + (mails["429"] ?? 0);
    const unavailable = (invitations["503"] ?? 0) + (mails["503"] ?? 0);
    const dropped = (invitations.reset ?? 0) + (mails.reset ?? 0);
    expect(throttled).toBeGreaterThan(30);
    expect(unavailable).toBeGreaterThan(0);
    expect(retries).toHaveLength(throttled + unavailable + dropped);
    expect(waits).toEqual(retries.map((r) => r.delayMs));
    const on429 = retries.filter((r) => r.status === 429);
    expect(on429).toHaveLength(throttled);
    expect(on429.every((r) => r.delayMs === 1_000 && r.fromRetryAfter)).toBe(true);
    const on503 = retries.filter((r) => r.status === 503);
    expect(on503.filter((r) => r.fromRetryAfter).every((r) => r.delayMs === 2_000)).toBe(true);
    // 503 without Retry-After and dropped connections back off with jitter, within the policy's ceiling.
    const backedOff = retries.filter((r) => !r.fromRetryAfter);
    expect(backedOff.length).toBeGreaterThan(0);
    expect(backedOff.every((r) => r.delayMs >= 0 && r.delayMs <= 2_000)).toBe(true);
  }, 120_000);
});

describe("Microsoft's invitation limit, modelled by the local server", () => {
  let graph: LocalGraphServer;
  let getToken: TokenProvider;
  beforeAll(async () => {
    graph = await start({ enabled: true, limit: 10, windowMs: 1_000 });
    getToken = createLocalGraphTokenProvider({ localUrl: graph.url, tenantId: TENANT });
  });
  afterAll(() => graph.stop());

  it("defaults to the documented 150 requests per 5 seconds", () => {
    expect(INVITATION_LIMIT).toEqual({ limit: 150, windowMs: 5_000 });
  });

  it("answers 429 with Graph's throttling body and a Retry-After once the window is full", async () => {
    graph.control.setThrottle({ limit: 1, windowMs: 60_000 });
    const token = await getToken();
    const post = () =>
      fetch(`${graph.graphBaseUrl}/invitations`, {
        method: "POST",
        headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
        body: JSON.stringify({ invitedUserEmailAddress: `t.${randomUUID()}@exemple.fr`, inviteRedirectUrl: REDIRECT }),
      });
    expect((await post()).status).toBe(201);
    const refused = await post();
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThanOrEqual(59);
    expect(await refused.json()).toMatchObject({
      error: {
        code: "TooManyRequests",
        message: "Please retry again later.",
        innerError: { code: "429", message: "Please retry after", status: "429" },
      },
    });
    graph.control.setThrottle({ limit: 10, windowMs: 1_000 });
  });

  it("paces a burst of 30 invitations through it: all succeed, waiting the Retry-After it gives", async () => {
    graph.control.resetStats();
    const retries: RetryEvent[] = [];
    const adapter = createGraphAdapter({
      baseUrl: graph.graphBaseUrl,
      getToken,
      retry: { maxAttempts: 10 },
      onRetry: (e) => retries.push(e),
    });
    const started = Date.now();
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        adapter.inviteGuest({
          email: `burst.${i}.${randomUUID().slice(0, 6)}@exemple.fr`,
          redirectUrl: REDIRECT,
          sendInvitationMessage: false,
          locale: "fr",
        }),
      ),
    );
    expect(new Set(results.map((r) => r.userId)).size).toBe(30);
    const invitations = (await graph.control.stats()).requests["POST /v1.0/invitations"] ?? {};
    expect(invitations["201"]).toBe(30);
    expect(invitations["429"]).toBeGreaterThanOrEqual(20);
    expect(retries.every((r) => r.status === 429 && r.fromRetryAfter && r.delayMs === 1_000)).toBe(true);
    // 10 per second: the last ten cannot have gone through before two windows had passed.
    expect(Date.now() - started).toBeGreaterThanOrEqual(2_000);
  }, 60_000);
});
