import { randomUUID } from "node:crypto";
import { TableClient } from "@azure/data-tables";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorMessageKey, translate, type ErrorCode } from "@comptoir/shared";
import type { ChannelTokenInput } from "../support/stand-ins/bot-framework";
import { call, eventually, proposeToNewContact } from "./fixtures";
import { BOT_ID, CLIENT_ID, startTeamsApp, TENANT, type TeamsApp } from "./harness";

/**
 * `/api/messages` in teams mode, as the Bot Connector calls it: a token of the Bot Framework's stand-in is
 * accepted and the bot answers through the Connector with its own Entra token; each way a token can fail the
 * documented checks is refused with 401, before anything is stored or sent.
 */

let app: TeamsApp;
let client: { oid: string; name: string };
let conversationRefs: TableClient;

beforeAll(async () => {
  app = await startTeamsApp();
  conversationRefs = TableClient.fromConnectionString(app.env.STORAGE_CONNECTION_STRING ?? "", "conversationRefs", {
    allowInsecureConnection: true,
  });
  // A client of the firm: a contact whose invitation bound a guest account (the bot then knows who writes).
  const { contact } = await proposeToNewContact(app);
  const oid = await eventually(async () => {
    const detail = await call<{ contact: { guest: { objectId: string } | null } }>(
      app,
      "GET",
      `/contacts/${contact.id}`,
    );
    const objectId = detail.body.contact.guest?.objectId;
    if (!objectId) throw new Error("not invited yet");
    return objectId;
  });
  client = { oid, name: `${contact.prenom} ${contact.nom}` };
});
afterAll(() => app.close());

type Activity = Record<string, unknown> & { conversation: { id: string; conversationType: string; tenantId: string } };

/** An activity of the client's personal chat, as Teams posts it. */
function activity(over: { type?: string; serviceUrl?: string; channelId?: string } = {}): Activity {
  return {
    type: over.type ?? "message",
    id: `${Date.now()}`,
    timestamp: new Date().toISOString(),
    serviceUrl: over.serviceUrl ?? app.connector.url,
    channelId: over.channelId ?? "msteams",
    from: { id: `29:1${client.oid}`, name: client.name, aadObjectId: client.oid },
    conversation: { id: `a:1personal-${randomUUID()}`, conversationType: "personal", tenantId: TENANT },
    recipient: { id: `28:${BOT_ID}`, name: "Comptoir" },
    locale: "fr-FR",
    channelData: { tenant: { id: TENANT } },
    ...(over.type === "conversationUpdate" ? { membersAdded: [{ id: `28:${BOT_ID}` }] } : { text: "bonjour" }),
  };
}

/** The Bot Connector's token for an activity: for the bot, naming the activity's serviceUrl. */
function tokenFor(a: Activity, over: Partial<ChannelTokenInput> = {}): Promise<string> {
  return app.botFramework.channelToken({ audience: BOT_ID, serviceUrl: a.serviceUrl as string, ...over });
}

function post(a: Activity, token: string | null, language = "fr-FR") {
  return app.request("/api/messages", {
    method: "POST",
    headers: { "Accept-Language": language },
    ...(token ? { token } : {}),
    body: JSON.stringify(a),
  });
}

/** Every row of the bot's conversation references, with its ETag: equal snapshots mean nothing was written. */
async function storedReferences(): Promise<string[]> {
  const rows: string[] = [];
  for await (const e of conversationRefs.listEntities()) rows.push(`${e.partitionKey}/${e.rowKey}/${e.etag}`);
  return rows.sort();
}

const callsTo = (conversationId: string) => app.connector.recorded({ conversationId });

describe("the Bot Connector's calls to /api/messages in teams mode", () => {
  it("accepts a valid token: the conversation is stored and the proactive welcome card carries the bot's Entra token", async () => {
    const installed = activity({ type: "conversationUpdate" });
    const res = await post(installed, await tokenFor(installed));
    expect(res.status).toBe(200);
    const conversationId = installed.conversation.id;
    expect((await storedReferences()).some((row) => row.includes(conversationId))).toBe(true);
    const welcome = await eventually(() => {
      const sent = callsTo(conversationId).find((r) => r.method === "POST" && r.status === 201);
      return sent ? Promise.resolve(sent) : Promise.reject(new Error("no welcome card yet"));
    });
    expect(welcome).toMatchObject({ authScheme: "Bearer", appId: BOT_ID });
    expect(app.entra.issued).toContainEqual({ clientId: BOT_ID, scope: "https://api.botframework.com/.default" });
  });

  it("accepts a valid token: the reply reaches the Connector with the bot's Entra token", async () => {
    const message = activity();
    const res = await post(message, await tokenFor(message));
    expect(res.status).toBe(200);
    const replies = callsTo(message.conversation.id).filter((r) => r.activityId === message.id);
    expect(replies).toHaveLength(1);
    expect(replies[0]).toMatchObject({
      method: "POST",
      path: `/v3/conversations/${message.conversation.id}/activities/${message.id as string}`,
      status: 201,
      authScheme: "Bearer",
      appId: BOT_ID,
    });
  });

  const refusals: RefusalCase[] = [
    {
      name: "no token",
      code: "AUTH_MISSING_TOKEN",
      build: () => Promise.resolve({ activity: activity(), token: null }),
    },
    tokenCase("a wrong issuer", "AUTH_INVALID_ISSUER", { issuer: `https://sts.windows.net/${TENANT}/` }),
    tokenCase("a wrong audience (the tab's app)", "AUTH_INVALID_AUDIENCE", { audience: CLIENT_ID }),
    tokenCase("an expired token (beyond the 5 minutes of skew)", "AUTH_TOKEN_EXPIRED", {
      expiresIn: -600,
      notBefore: -4200,
    }),
    tokenCase("a token not valid yet (beyond the skew)", "AUTH_INVALID_TOKEN", { notBefore: 600 }),
    tokenCase("an unknown kid", "AUTH_INVALID_SIGNATURE", { foreignKey: "unknown-kid" }),
    tokenCase("a bad signature (known kid, another key)", "AUTH_INVALID_SIGNATURE", {
      foreignKey: "wrong-signature",
    }),
    tokenCase("alg: none", "AUTH_UNSUPPORTED_ALGORITHM", { algorithm: "none" }),
    tokenCase("HS256 keyed with the public key", "AUTH_UNSUPPORTED_ALGORITHM", { algorithm: "HS256" }),
    tokenCase("a serviceurl claim other than the activity's serviceUrl", "AUTH_INVALID_TOKEN", {
      serviceUrl: "https://127.0.0.1:9/",
    }),
    {
      // The Connector itself, reached by a name that is not on the allow-list (127.0.0.1): it would answer.
      name: "a serviceUrl whose host is not allow-listed (claim included)",
      code: "AUTH_INVALID_TOKEN",
      build: async () => {
        const a = activity({ serviceUrl: app.connector.url.replace("127.0.0.1", "localhost") });
        return { activity: a, token: await tokenFor(a) };
      },
    },
    {
      name: "a key with no endorsement for the activity's channel",
      code: "AUTH_INVALID_TOKEN",
      build: async () => {
        const a = activity({ channelId: "webchat" });
        return { activity: a, token: await tokenFor(a) };
      },
    },
  ];

  it.each(refusals)("refuses $name with 401 $code; nothing is stored or sent", async ({ build, code }) => {
    const { activity: refused, token } = await build();
    const storedBefore = await storedReferences();
    const callsBefore = app.connector.recorded().length;
    const res = await post(refused, token);
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ code, message: translate("fr", errorMessageKey(code)) });
    // Anything the bot would have done runs within a few hundred milliseconds: give it the time to show.
    await new Promise((r) => setTimeout(r, 300));
    expect(await storedReferences()).toEqual(storedBefore);
    expect(app.connector.recorded()).toHaveLength(callsBefore);
    expect(callsTo(refused.conversation.id)).toEqual([]);
  });

  it("answers the refusal in English too, and says why in the server's log", async () => {
    const a = activity({ channelId: "webchat" });
    const res = await post(a, await tokenFor(a), "en-GB");
    expect(res.status).toBe(401);
    expect(res.headers.get("www-authenticate")).toContain("AUTH_INVALID_TOKEN");
    expect(await res.json()).toEqual({ code: "AUTH_INVALID_TOKEN", message: "The access token is invalid." });
    expect(app.output()).toContain(
      "refused a Bot Connector request: signing key not endorsed for the activity's channel",
    );
  });
});

interface RefusalCase {
  name: string;
  code: ErrorCode;
  build: () => Promise<{ activity: Activity; token: string | null }>;
}

/** A refusal that differs from the accepted case by the token only. */
function tokenCase(name: string, code: ErrorCode, over: Partial<ChannelTokenInput>): RefusalCase {
  return {
    name,
    code,
    build: async () => {
      const a = activity();
      return { activity: a, token: await tokenFor(a, over) };
    },
  };
}
