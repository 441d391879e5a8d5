import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
import { CloudAdapter } from "@microsoft/agents-hosting";
import { ConversationTracker } from "../../src/jobs/proactive/conversation-tracker";
import { startProactive, type Proactive } from "../../src/jobs/proactive/proactive";
import { conversationPacer } from "../../src/jobs/proactive/send-limits";
import type { UserConversation } from "../../src/core/repos/conversation-refs";
import { startLocalConnector, type LocalConnector } from "../support/connector-server";
import { startTestApp, TEST_TENANT, type TestApp } from "./harness";

/**
 * Proactive sends go only to stored serviceUrls on BOT_SERVICE_URL_HOSTS (teams mode): a reference stored
 * with another host is never used. Without a list (local mode) the stored reference is used as is.
 */

let app: TestApp;
let connector: LocalConnector;
const started: Proactive[] = [];

beforeAll(async () => {
  app = await startTestApp();
  connector = await startLocalConnector();
});
afterAll(async () => {
  for (const p of started) await p.stop();
  await connector.stop();
  await app.close();
});

function proactive(serviceUrlHosts?: readonly string[]): Promise<Proactive> {
  const refs = app.running.deps.repos.conversations;
  return startProactive({
    deps: app.running.deps,
    adapter: new CloudAdapter({}),
    refs,
    tracker: new ConversationTracker(refs),
    pacer: conversationPacer(app.running.deps.repos.rateSlots),
    links: { webUrl: app.url },
    connectionString: inject("azuriteConnectionString"),
    queuePrefix: `p${randomUUID().replace(/-/g, "").slice(0, 10)}`,
    idleMs: 50,
    ...(serviceUrlHosts ? { serviceUrlHosts } : {}),
  }).then((p) => {
    started.push(p);
    return p;
  });
}

/** A staff member's stored personal conversation, on the local connector (http://127.0.0.1:…). */
async function storedConversation(): Promise<{ oid: string; conversationId: string }> {
  const oid = randomUUID();
  const conversationId = `a:1personal-${randomUUID()}`;
  const conversation: UserConversation = {
    userOid: oid,
    role: "staff",
    reference: {
      channelId: "msteams",
      serviceUrl: connector.url,
      conversation: { id: conversationId, conversationType: "personal", tenantId: TEST_TENANT, isGroup: false },
      user: { id: `29:1${oid.slice(0, 8)}`, aadObjectId: oid },
      agent: { id: "28:comptoir-bot" },
    },
    updatedAt: new Date().toISOString(),
  };
  await app.running.deps.repos.conversations.save(TEST_TENANT, conversation, null);
  return { oid, conversationId };
}

async function notify(p: Proactive, target: { oid?: string; conversationId?: string }): Promise<void> {
  await p.enqueue({
    tenantId: TEST_TENANT,
    ...(target.oid ? { userOid: target.oid } : {}),
    ...(target.conversationId ? { conversationId: target.conversationId } : {}),
    card: {
      kind: "notification",
      event: "accepted",
      contactName: "Client Collaboratif",
      dossier: { id: "d-1", code: "BOUL01", name: "Boulangerie" },
      serviceId: null,
      at: "2026-03-02T09:30:00.000Z",
    },
  });
  await p.idle();
}

describe("proactive sends and the Connector host allow-list", () => {
  it("without a list (local mode), sends to the stored conversation", async () => {
    const { oid, conversationId } = await storedConversation();
    await notify(await proactive(), { oid });
    expect(connector.recorded({ conversationId, method: "POST" }).map((r) => r.status)).toEqual([201]);
  });

  it("never uses a stored serviceUrl whose host is off the list, by user or by conversation, and logs it", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    try {
      const { oid, conversationId } = await storedConversation();
      const p = await proactive(["smba.trafficmanager.net"]);
      await notify(p, { oid });
      await notify(p, { conversationId });
      expect(connector.recorded({ conversationId })).toEqual([]);
      const lines = warn.mock.calls.map((args) => String(args[0]));
      expect(lines.filter((l) => l.includes("is not in BOT_SERVICE_URL_HOSTS"))).toHaveLength(2);
      expect(lines.some((l) => l.includes(`host ${new URL(connector.url).host} is not in`))).toBe(true);
    } finally {
      warn.mockRestore();
    }
  });
});
