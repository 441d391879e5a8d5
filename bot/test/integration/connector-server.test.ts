import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startLocalConnector, type LocalConnector } from "../support/connector-server";

let connector: LocalConnector;
beforeAll(async () => {
  connector = await startLocalConnector();
});
afterEach(() => connector.reset());
afterAll(() => connector.stop());

const CONVERSATION = "a:1pZ9kXq-personal;messageid=1700000000000";

async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${connector.url}${path}`, {
    method,
    headers: { "Content-Type": "application/json", ...headers },
    ...(body === undefined ? {} : { body: typeof body === "string" ? body : JSON.stringify(body) }),
  });
  const text = await res.text();
  return {
    status: res.status,
    headers: res.headers,
    body: (text ? JSON.parse(text) : null) as Record<string, unknown>,
  };
}

const message = (text: string) => ({ type: "message", text, from: { id: "28:bot" }, recipient: { id: "29:user" } });

describe("Bot Connector contract", () => {
  it("sends to a conversation and replies to an activity, returning new ids", async () => {
    const sent = await call("POST", `/v3/conversations/${CONVERSATION}/activities`, message("Bonjour"));
    expect(sent.status).toBe(201);
    expect(sent.body.id).toMatch(/^\d+$/);
    const reply = await call("POST", `/v3/conversations/${CONVERSATION}/activities/1700000000001`, message("Re"));
    expect(reply.status).toBe(201);
    expect(reply.body.id).not.toBe(sent.body.id);

    expect(connector.activities(CONVERSATION).map((a) => [a.activity.text, a.replyToId])).toEqual([
      ["Bonjour", null],
      ["Re", "1700000000001"],
    ]);
    expect(
      connector.recorded({ conversationId: CONVERSATION }).map((r) => [r.method, r.activityId, r.createdId]),
    ).toEqual([
      ["POST", null, sent.body.id],
      ["POST", "1700000000001", reply.body.id],
    ]);
  });

  it("updates and deletes what was sent, and refuses unknown activities", async () => {
    const { body } = await call("POST", `/v3/conversations/${CONVERSATION}/activities`, message("v1"));
    const id = String(body.id);
    const updated = await call("PUT", `/v3/conversations/${CONVERSATION}/activities/${id}`, message("v2"));
    expect(updated).toMatchObject({ status: 200, body: { id } });
    expect(connector.activities(CONVERSATION)).toMatchObject([{ id, updates: 1, activity: { text: "v2", id } }]);

    const unknown = await call("PUT", `/v3/conversations/${CONVERSATION}/activities/42`, message("x"));
    expect(unknown).toMatchObject({ status: 404, body: { error: { code: "NotFound" } } });

    expect((await call("DELETE", `/v3/conversations/${CONVERSATION}/activities/${id}`)).status).toBe(200);
    expect(connector.activities(CONVERSATION)).toEqual([]);
    expect((await call("DELETE", `/v3/conversations/${CONVERSATION}/activities/${id}`)).status).toBe(404);
  });

  it("creates conversations, reusing the 1:1 conversation of a user like Teams does", async () => {
    const params = {
      isGroup: false,
      bot: { id: "28:bot" },
      members: [{ id: "29:user-1", aadObjectId: "oid-1" }],
      tenantId: "tenant-1",
      activity: message("Bienvenue"),
    };
    const first = await call("POST", "/v3/conversations", params);
    expect(first.status).toBe(201);
    expect(String(first.body.id)).toMatch(/^a:local-/);
    expect(first.body.serviceUrl).toBe(connector.url);
    expect(first.body.activityId).toMatch(/^\d+$/);
    const again = await call("POST", "/v3/conversations", { ...params, activity: undefined });
    expect(again.body.id).toBe(first.body.id);
    expect(again.body).not.toHaveProperty("activityId");
    const other = await call("POST", "/v3/conversations", { ...params, members: [{ id: "29:user-2" }] });
    expect(other.body.id).not.toBe(first.body.id);

    const conversationId = String(first.body.id);
    expect(connector.activities(conversationId).map((a) => a.activity.text)).toEqual(["Bienvenue"]);
    const member = await call("GET", `/v3/conversations/${encodeURIComponent(conversationId)}/members/29:user-1`);
    expect(member).toMatchObject({ status: 200, body: { id: "29:user-1", aadObjectId: "oid-1" } });
  });

  it("knows members added for a test, and only them", async () => {
    connector.addMember(CONVERSATION, { id: "29:user", name: "Camille Martin", aadObjectId: "oid-camille" });
    expect((await call("GET", `/v3/conversations/${CONVERSATION}/members/29:user`)).body).toMatchObject({
      name: "Camille Martin",
    });
    expect((await call("GET", `/v3/conversations/${CONVERSATION}/members`)).body).toHaveLength(1);
    expect((await call("GET", `/v3/conversations/${CONVERSATION}/members/29:other`)).status).toBe(404);
  });

  it("refuses what the real service refuses: no type, bad JSON, oversized message, unknown route", async () => {
    const noType = await call("POST", `/v3/conversations/${CONVERSATION}/activities`, { text: "x" });
    expect(noType).toMatchObject({ status: 400, body: { error: { code: "BadArgument" } } });
    const badJson = await call("POST", `/v3/conversations/${CONVERSATION}/activities`, "{not json");
    expect(badJson.status).toBe(400);
    const huge = await call("POST", `/v3/conversations/${CONVERSATION}/activities`, message("x".repeat(120_000)));
    expect(huge).toMatchObject({ status: 413, body: { error: { code: "MessageSizeTooBig" } } });
    expect((await call("GET", "/v3/attachments/1")).status).toBe(404);
    expect(connector.activities(CONVERSATION)).toEqual([]);
    expect(connector.recorded().map((r) => r.status)).toEqual([400, 400, 413, 404]);
  });

  it("records only the authorization scheme, never the token", async () => {
    await call("POST", `/v3/conversations/${CONVERSATION}/activities`, message("x"), {
      Authorization: "Bearer secret-token",
    });
    const [entry] = connector.recorded();
    expect(entry?.authScheme).toBe("Bearer");
    expect(JSON.stringify(connector.recorded())).not.toContain("secret-token");
  });
});

describe("fault injection", () => {
  it("answers 429 with Retry-After the given number of times, then recovers", async () => {
    connector.setFault({ match: { method: "POST", path: "/activities$" }, status: 429, retryAfter: 2, times: 2 });
    const path = `/v3/conversations/${CONVERSATION}/activities`;
    const first = await call("POST", path, message("1"));
    expect(first.status).toBe(429);
    expect(first.headers.get("retry-after")).toBe("2");
    expect(first.body.error).toMatchObject({ code: "Throttled" });
    expect(Object.keys(first.body)).toEqual(["error"]);
    expect((await call("POST", path, message("2"))).status).toBe(429);
    expect((await call("POST", path, message("3"))).status).toBe(201);
    expect(connector.activities(CONVERSATION).map((a) => a.activity.text)).toEqual(["3"]);
    expect(connector.recorded().map((r) => r.status)).toEqual([429, 429, 201]);
  });

  it.each([
    [412, "PreconditionFailed"],
    [502, "BadGateway"],
    [504, "GatewayTimeout"],
  ])("answers %i (%s) until cleared, only on matching calls", async (status, code) => {
    connector.setFault({ match: { method: "PUT", conversationId: CONVERSATION }, status });
    const { body } = await call("POST", `/v3/conversations/${CONVERSATION}/activities`, message("v1"));
    for (let i = 0; i < 3; i++) {
      const res = await call("PUT", `/v3/conversations/${CONVERSATION}/activities/${String(body.id)}`, message("v2"));
      expect(res).toMatchObject({ status, body: { error: { code } } });
    }
    connector.clearFaults();
    expect(
      (await call("PUT", `/v3/conversations/${CONVERSATION}/activities/${String(body.id)}`, message("v2"))).status,
    ).toBe(200);
  });

  it("can delay its answer", async () => {
    connector.setFault({ match: {}, status: 504, delayMs: 150, times: 1 });
    const started = Date.now();
    const res = await call("POST", `/v3/conversations/${CONVERSATION}/activities`, message("x"));
    expect(res.status).toBe(504);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });
});

describe("test control over HTTP", () => {
  it("records, filters and clears through /_recorded", async () => {
    await call("POST", `/v3/conversations/${CONVERSATION}/activities`, message("a"));
    await call("POST", "/v3/conversations/other/activities", message("b"));
    const mine = await call("GET", `/_recorded?conversationId=${encodeURIComponent(CONVERSATION)}`);
    const requests = mine.body.requests as { body: { text: string }; path: string }[];
    expect(requests.map((r) => [r.body.text, r.path])).toEqual([["a", `/v3/conversations/${CONVERSATION}/activities`]]);
    expect(((await call("GET", "/_recorded?method=post")).body.requests as unknown[]).length).toBe(2);
    expect((await call("DELETE", "/_recorded")).status).toBe(204);
    expect((await call("GET", "/_recorded")).body.requests).toEqual([]);
  });

  it("sets, lists and clears faults through /_control/faults", async () => {
    const added = await call("POST", "/_control/faults", {
      match: { path: "^/v3/conversations$" },
      status: 502,
      times: 1,
    });
    expect(added.status).toBe(201);
    expect((await call("GET", "/_control/faults")).body.faults).toMatchObject([
      { id: added.body.id, status: 502, remaining: 1 },
    ]);
    expect((await call("POST", "/v3/conversations", { members: [] })).status).toBe(502);
    expect((await call("GET", "/_control/faults")).body.faults).toEqual([]);
    expect((await call("POST", "/_control/faults", { status: 200 })).status).toBe(400);
    await call("POST", "/_control/faults", { status: 503 });
    expect((await call("DELETE", "/_control/faults")).status).toBe(204);
    expect((await call("POST", "/v3/conversations", { members: [] })).status).toBe(201);
  });

  it("shows a conversation's current state and accepts members through /_conversations", async () => {
    expect((await call("POST", `/_conversations/${CONVERSATION}/members`, { id: "29:x", name: "X" })).status).toBe(204);
    await call("POST", `/v3/conversations/${CONVERSATION}/activities`, message("hello"));
    const state = await call("GET", `/_conversations/${encodeURIComponent(CONVERSATION)}`);
    expect(state.body).toMatchObject({
      id: CONVERSATION,
      members: [{ id: "29:x", name: "X" }],
      activities: [{ activity: { text: "hello" } }],
    });
  });

  it("waits for a call that has not arrived yet, and times out with what it saw", async () => {
    const waiting = connector.waitFor((r) => r.conversationId === "later");
    setTimeout(() => void call("POST", "/v3/conversations/later/activities", message("late")), 50);
    await expect(waiting).resolves.toMatchObject({ conversationId: "later", status: 201 });
    await expect(connector.waitFor(() => false, { timeoutMs: 60 })).rejects.toThrow(/POST \/v3\/conversations\/later/);
  });
});
