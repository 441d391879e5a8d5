import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import express from "express";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { CloudAdapter, createOutboundHostValidator, type CloudAdapterOptions } from "@microsoft/agents-hosting";
import { startLocalConnector, type LocalConnector } from "../support/connector-server";
import { PERSONS, TEST_TENANT, startTestApp, type TestApp } from "./harness";

let connector: LocalConnector;
beforeAll(async () => {
  connector = await startLocalConnector();
});
afterEach(() => connector.reset());
afterAll(() => connector.stop());

let counter = 0;
/** A message as Teams posts it to the bot in a personal chat. */
function teamsMessage(text: string, conversationId = `a:1personal-${++counter}`) {
  return {
    type: "message",
    id: `17000000000${String(++counter).padStart(2, "0")}`,
    timestamp: new Date().toISOString(),
    serviceUrl: connector.url,
    channelId: "msteams",
    from: { id: "29:1camille", name: PERSONS.staff.name, aadObjectId: PERSONS.staff.oid },
    conversation: { id: conversationId, conversationType: "personal", tenantId: TEST_TENANT },
    recipient: { id: "28:comptoir-bot", name: "Comptoir" },
    text,
    textFormat: "plain",
    locale: "fr-FR",
    channelData: { tenant: { id: TEST_TENANT } },
    entities: [{ type: "clientInfo", locale: "fr-FR", country: "FR", platform: "Web", timezone: "Europe/Paris" }],
  };
}

async function post(url: string, activity: object): Promise<number> {
  const res = await fetch(`${url}/api/messages`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(activity),
  });
  await res.arrayBuffer();
  return res.status;
}

describe("the real app answers through the local connector", () => {
  let app: TestApp;
  beforeAll(async () => {
    // Local mode answers only its own connector (LOCAL_BOT_SERVICE_URL): here, this file's.
    app = await startTestApp({ LOCAL_BOT_SERVICE_URL: connector.url });
  });
  afterAll(() => app.close());

  it("replies to a Teams message on the same conversation, anonymously in local mode", async () => {
    const incoming = teamsMessage("aide");
    expect(await post(app.url, incoming)).toBe(200);

    const calls = connector.recorded({ conversationId: incoming.conversation.id });
    expect(calls).toHaveLength(1);
    const [reply] = calls;
    expect(reply).toMatchObject({
      method: "POST",
      path: `/v3/conversations/${incoming.conversation.id}/activities/${incoming.id}`,
      activityId: incoming.id,
      authScheme: null,
      status: 201,
    });
    expect(reply?.body).toMatchObject({
      type: "message",
      replyToId: incoming.id,
      conversation: { id: incoming.conversation.id },
      from: { id: incoming.recipient.id },
      recipient: { id: incoming.from.id },
    });
    expect(connector.activities(incoming.conversation.id)).toHaveLength(1);
  });

  it("keeps conversations apart", async () => {
    const a = teamsMessage("statut 000097");
    const b = teamsMessage("dossier 000097");
    expect(await post(app.url, a)).toBe(200);
    expect(await post(app.url, b)).toBe(200);
    expect(connector.recorded({ conversationId: a.conversation.id }).map((r) => r.activityId)).toEqual([a.id]);
    expect(connector.recorded({ conversationId: b.conversation.id }).map((r) => r.activityId)).toEqual([b.id]);
  });

  it("lets a test make the connector throttle the bot's reply", async () => {
    connector.setFault({ match: { method: "POST", path: "/activities/" }, status: 429, retryAfter: 1, times: 1 });
    const incoming = teamsMessage("aide");
    await post(app.url, incoming);
    const calls = connector.recorded({ conversationId: incoming.conversation.id });
    // The first reply is refused; what the SDK does next (retry, error message) is the bot's business.
    expect(calls[0]?.status).toBe(429);
    expect(calls.slice(1).every((c) => c.status === 201)).toBe(true);
  });
});

/**
 * How the Agents SDK treats a loopback serviceUrl, on a bare CloudAdapter (same anonymous auth as local mode):
 * the outbound host policy is off by default; once enabled, loopback must be listed in its hosts.
 */
describe("CloudAdapter outbound host policy and a loopback serviceUrl", () => {
  const servers: Server[] = [];
  afterAll(() => Promise.all(servers.map((s) => new Promise<void>((ok) => s.close(() => ok())))));

  async function botWith(options?: CloudAdapterOptions, hosts?: { enabled: boolean; hosts?: string[] }) {
    const adapter = new CloudAdapter({}, undefined, undefined, options, hosts && createOutboundHostValidator(hosts));
    const bot = express();
    bot.post("/api/messages", express.json(), (req, res, next) => {
      adapter.process(req, res, (context) => context.sendActivity("pong").then(() => undefined)).catch(next);
    });
    const server = await new Promise<Server>((ok) => {
      const s = bot.listen(0, "127.0.0.1", () => ok(s));
    });
    servers.push(server);
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  it("accepts it by default, even with validateServiceUrl (anonymous calls carry no serviceurl claim)", async () => {
    const url = await botWith({ validateServiceUrl: true });
    const incoming = teamsMessage("ping");
    expect(await post(url, incoming)).toBe(200);
    expect(connector.recorded({ conversationId: incoming.conversation.id })).toHaveLength(1);
  });

  it("refuses it with 400 once the policy is enabled, without calling the connector", async () => {
    const url = await botWith(undefined, { enabled: true });
    const incoming = teamsMessage("ping");
    expect(await post(url, incoming)).toBe(400);
    expect(connector.recorded()).toEqual([]);
  });

  it("accepts it again when the policy lists the loopback host", async () => {
    const url = await botWith(undefined, { enabled: true, hosts: ["127.0.0.1", "localhost"] });
    const incoming = teamsMessage("ping");
    expect(await post(url, incoming)).toBe(200);
    expect(connector.recorded({ conversationId: incoming.conversation.id })).toHaveLength(1);
  });
});
