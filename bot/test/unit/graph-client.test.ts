import { describe, expect, it } from "vitest";
import { AppError } from "@comptoir/shared";
import { createGraphAdapter } from "../../src/graph/adapter";
import { isTransient, retryAfterMs } from "../../src/graph/errors";
import type { GraphHttpOptions, RetryEvent } from "../../src/graph/http";

type Reply = { status: number; body?: unknown; headers?: Record<string, string> } | Error | "hang";

/** A scripted Graph: each call takes the next reply (the last one repeats) and is recorded. */
function fakeGraph(replies: Reply[], overrides: Partial<GraphHttpOptions> = {}) {
  const calls: { method: string; url: string; body: unknown; auth: string | null }[] = [];
  const sleeps: number[] = [];
  const retries: RetryEvent[] = [];
  const fakeFetch: typeof fetch = (input, init) => {
    const reply = replies[Math.min(calls.length, replies.length - 1)];
    const headers = new Headers(init?.headers);
    calls.push({
      method: init?.method ?? "GET",
      url: input instanceof Request ? input.url : input.toString(),
      body: typeof init?.body === "string" ? JSON.parse(init.body) : undefined,
      auth: headers.get("authorization"),
    });
    if (reply === undefined) throw new Error("no scripted reply");
    if (reply === "hang") {
      return new Promise((_ok, fail) =>
        init?.signal?.addEventListener("abort", () =>
          fail(new DOMException("The operation timed out", "TimeoutError")),
        ),
      );
    }
    if (reply instanceof Error) return Promise.reject(reply);
    const text = reply.body === undefined ? null : JSON.stringify(reply.body);
    return Promise.resolve(new Response(text, { status: reply.status, headers: reply.headers }));
  };
  const adapter = createGraphAdapter({
    baseUrl: "https://graph.test/v1.0",
    getToken: () => Promise.resolve("tok"),
    fetch: fakeFetch,
    sleep: (ms) => {
      sleeps.push(ms);
      return Promise.resolve();
    },
    random: () => 0.5,
    retry: { maxAttempts: 5, baseDelayMs: 100, maxDelayMs: 1_000, maxTotalDelayMs: 30_000 },
    onRetry: (e) => retries.push(e),
    ...overrides,
  });
  return { adapter, calls, sleeps, retries };
}

const INVITATION = {
  id: "inv-1",
  inviteRedeemUrl: "https://login.microsoftonline.com/redeem?rd=x",
  invitedUserEmailAddress: "a@exemple.fr",
  status: "PendingAcceptance",
  invitedUser: { id: "user-1" },
};
const INVITE = {
  email: "a@exemple.fr",
  redirectUrl: "https://app.test/",
  sendInvitationMessage: false,
  locale: "fr",
} as const;
const graphError = (code: string, message = "") => ({ error: { code, message } });

async function failure(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  if (!(e instanceof AppError)) throw new Error(`expected an AppError, got ${String(e)}`);
  return e;
}

describe("Graph adapter requests", () => {
  it("sends the documented invitation body and keeps the guest id and redeem URL", async () => {
    const { adapter, calls } = fakeGraph([{ status: 201, body: INVITATION }]);
    const result = await adapter.inviteGuest({ ...INVITE, displayName: "Client Collaboratif" });
    expect(result).toEqual({
      invitationId: "inv-1",
      userId: "user-1",
      redeemUrl: INVITATION.inviteRedeemUrl,
      status: "PendingAcceptance",
    });
    expect(calls[0]).toMatchObject({
      method: "POST",
      url: "https://graph.test/v1.0/invitations",
      auth: "Bearer tok",
      body: {
        invitedUserEmailAddress: "a@exemple.fr",
        invitedUserDisplayName: "Client Collaboratif",
        inviteRedirectUrl: "https://app.test/",
        sendInvitationMessage: false,
        invitedUserMessageInfo: { messageLanguage: "fr-FR" },
        invitedUserType: "Guest",
      },
    });
  });

  it("selects the guest's invitation state and builds sendMail's message", async () => {
    const { adapter, calls } = fakeGraph([
      { status: 200, body: { id: "u1", mail: "a@exemple.fr", userType: "Guest", externalUserState: "Accepted" } },
      { status: 202 },
    ]);
    expect(await adapter.getUser("u1")).toMatchObject({ id: "u1", externalUserState: "Accepted", displayName: null });
    expect(calls[0]?.url).toBe(
      "https://graph.test/v1.0/users/u1?$select=id,displayName,mail,userType,externalUserState,externalUserStateChangeDateTime",
    );
    await adapter.sendMail({
      sender: "noreply@cabinet.fr",
      to: [{ address: "a@exemple.fr" }],
      subject: "S",
      html: "<p>x</p>",
    });
    expect(calls[1]).toMatchObject({
      url: "https://graph.test/v1.0/users/noreply%40cabinet.fr/sendMail",
      body: {
        message: {
          subject: "S",
          body: { contentType: "HTML", content: "<p>x</p>" },
          toRecipients: [{ emailAddress: { address: "a@exemple.fr" } }],
        },
        saveToSentItems: false,
      },
    });
  });

  it("finds the app by manifest id once, installs it, and takes 409 as already installed", async () => {
    const { adapter, calls } = fakeGraph([
      { status: 200, body: { value: [{ id: "cat-1", externalId: "manifest-1" }] } },
      { status: 201 },
      { status: 409, body: graphError("Conflict") },
    ]);
    expect(await adapter.installAppForUser("u1", "manifest-1")).toBe("installed");
    expect(await adapter.installAppForUser("u1", "manifest-1")).toBe("alreadyInstalled");
    expect(calls.map((c) => c.url)).toEqual([
      `https://graph.test/v1.0/appCatalogs/teamsApps?$filter=${encodeURIComponent("externalId eq 'manifest-1'")}`,
      "https://graph.test/v1.0/users/u1/teamwork/installedApps",
      "https://graph.test/v1.0/users/u1/teamwork/installedApps",
    ]);
    expect(calls[1]?.body).toEqual({ "teamsApp@odata.bind": "https://graph.test/v1.0/appCatalogs/teamsApps/cat-1" });
  });

  it("reports an app missing from the catalogue, and looks again next time", async () => {
    const { adapter, calls } = fakeGraph([{ status: 200, body: { value: [] } }]);
    expect((await failure(adapter.installAppForUser("u1", "m"))).code).toBe("TEAMS_APP_NOT_PUBLISHED");
    await failure(adapter.findTeamsAppId("m"));
    expect(calls).toHaveLength(2);
  });

  it("deletes a user, and treats an already deleted one as done", async () => {
    const { adapter } = fakeGraph([{ status: 204 }, { status: 404, body: graphError("Request_ResourceNotFound") }]);
    expect(await adapter.deleteUser("u1")).toBe(true);
    expect(await adapter.deleteUser("u1")).toBe(false);
  });
});

describe("Graph adapter retries", () => {
  it("waits what Retry-After says on 429, then succeeds", async () => {
    const { adapter, sleeps, retries } = fakeGraph([
      { status: 429, body: graphError("TooManyRequests"), headers: { "Retry-After": "7" } },
      { status: 201, body: INVITATION },
    ]);
    await adapter.inviteGuest(INVITE);
    expect(sleeps).toEqual([7_000]);
    expect(retries).toEqual([
      { method: "POST", path: "/invitations", attempt: 1, status: 429, delayMs: 7_000, fromRetryAfter: true },
    ]);
  });

  it("honours an HTTP-date Retry-After on 503", async () => {
    const at = new Date(Date.now() + 5_000).toUTCString();
    const { adapter, sleeps } = fakeGraph([{ status: 503, headers: { "Retry-After": at } }, { status: 202 }]);
    await adapter.sendMail({ sender: "s@c.fr", to: [{ address: "a@b.fr" }], subject: "s", html: "h" });
    expect(sleeps).toHaveLength(1);
    expect(sleeps[0]).toBeGreaterThan(3_000);
    expect(sleeps[0]).toBeLessThanOrEqual(5_000);
  });

  it("backs off with jitter on other 5xx and on network errors, ignoring their Retry-After", async () => {
    const { adapter, sleeps } = fakeGraph([
      { status: 500, headers: { "Retry-After": "60" } },
      new TypeError("fetch failed"),
      { status: 502 },
      { status: 201, body: INVITATION },
    ]);
    await adapter.inviteGuest(INVITE);
    // random 0.5 × ceilings 100, 200, 400.
    expect(sleeps).toEqual([50, 100, 200]);
  });

  it("aborts an attempt past its timeout and retries it", async () => {
    const { adapter, calls } = fakeGraph(["hang", { status: 202 }], { timeoutMs: 20 });
    await adapter.sendMail({ sender: "s@c.fr", to: [{ address: "a@b.fr" }], subject: "s", html: "h" });
    expect(calls).toHaveLength(2);
  });

  it("gives up as GRAPH_THROTTLED when the total wait would pass its bound, telling when to come back", async () => {
    const { adapter, sleeps, calls } = fakeGraph([{ status: 429, headers: { "Retry-After": "12" } }]);
    const e = await failure(adapter.inviteGuest(INVITE));
    expect(e.code).toBe("GRAPH_THROTTLED");
    expect(sleeps).toEqual([12_000, 12_000]);
    expect(calls).toHaveLength(3);
    expect(isTransient(e)).toBe(true);
    expect(retryAfterMs(e)).toBe(12_000);
  });

  it("gives up as GRAPH_UNAVAILABLE after the maximum number of attempts", async () => {
    const { adapter, calls } = fakeGraph([{ status: 503, body: graphError("ServiceUnavailable", "down") }]);
    const e = await failure(adapter.getUser("u1"));
    expect(e.code).toBe("GRAPH_UNAVAILABLE");
    expect(calls).toHaveLength(5);
    expect(e.params).toMatchObject({ status: 503, graphCode: "ServiceUnavailable", graphMessage: "down", attempts: 5 });
    expect(isTransient(e)).toBe(true);
  });
});

describe("Graph adapter permanent failures", () => {
  it("maps an invitation 400 to INVITE_EMAIL_REJECTED, without retrying, keeping Graph's words", async () => {
    const { adapter, calls } = fakeGraph([{ status: 400, body: graphError("BadRequest", "The email is invalid") }]);
    const e = await failure(adapter.inviteGuest(INVITE));
    expect(e.code).toBe("INVITE_EMAIL_REJECTED");
    expect(e.params).toMatchObject({ status: 400, graphCode: "BadRequest", graphMessage: "The email is invalid" });
    expect(calls).toHaveLength(1);
    expect(isTransient(e)).toBe(false);
  });

  it("maps 401, 403, 404 and other 4xx to stable codes", async () => {
    const cases: [number, string][] = [
      [401, "GRAPH_AUTH_FAILED"],
      [403, "GRAPH_FORBIDDEN"],
      [404, "GRAPH_NOT_FOUND"],
      [400, "GRAPH_REQUEST_REJECTED"],
      [422, "GRAPH_REQUEST_REJECTED"],
    ];
    for (const [status, code] of cases) {
      const { adapter } = fakeGraph([{ status, body: graphError("X") }]);
      const e = await failure(adapter.getUser("u1"));
      expect(e.code).toBe(code);
      expect(isTransient(e)).toBe(false);
    }
  });

  it("refuses a success body that does not match the documented shape", async () => {
    const { adapter } = fakeGraph([{ status: 201, body: { id: "inv-1" } }]);
    expect((await failure(adapter.inviteGuest(INVITE))).code).toBe("GRAPH_BAD_RESPONSE");
  });

  it("does not retry a token the identity platform refused", async () => {
    const { adapter, calls } = fakeGraph([{ status: 202 }], {
      getToken: () => Promise.reject(new AppError("GRAPH_AUTH_FAILED", { graphCode: "invalid_client" })),
    });
    const e = await failure(
      adapter.sendMail({ sender: "s@c.fr", to: [{ address: "a@b.fr" }], subject: "s", html: "h" }),
    );
    expect(e.code).toBe("GRAPH_AUTH_FAILED");
    expect(calls).toHaveLength(0);
  });

  it("treats unexpected non-catalogue errors as transient", () => {
    expect(isTransient(new Error("boom"))).toBe(true);
  });
});
