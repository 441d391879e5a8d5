import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { VERBS, type AdaptiveCard, type CardInvokeResponse, type Contact, type DossierDetail } from "@comptoir/shared";
import type { ImportNoticeList } from "@comptoir/shared/api/import-notices";
import { oneSaleFec } from "../../dev/fec-text";
import { call, eventually, proposeToNewContact } from "./fixtures";
import { BOT_ID, PEOPLE, startTeamsApp, TENANT, type Person, type TeamsApp } from "./harness";

/**
 * The import notice in teams mode: the real server (built bundle, environment variables only) sends the card
 * to the client's conversation through the recording Bot Connector with the bot's own token, and the client's
 * *Ne plus me prévenir* comes back as an Action.Execute carrying the Bot Connector's token.
 */

let app: TeamsApp;
let dossierId: string;
let contactId: string;
let client: Person;
const conversationId = `a:1personal-${randomUUID()}`;

function activity(body: Record<string, unknown>) {
  return {
    id: `${Date.now()}${Math.floor(Math.random() * 1000)}`,
    timestamp: new Date().toISOString(),
    serviceUrl: app.connector.url,
    channelId: "msteams",
    from: { id: `29:1${client.oid}`, name: client.name, aadObjectId: client.oid },
    conversation: { id: conversationId, conversationType: "personal", tenantId: TENANT },
    recipient: { id: `28:${BOT_ID}`, name: "Comptoir" },
    locale: "fr-FR",
    channelData: { tenant: { id: TENANT } },
    ...body,
  };
}

async function post(a: ReturnType<typeof activity>): Promise<Response> {
  const token = await app.botFramework.channelToken({ audience: BOT_ID, serviceUrl: a.serviceUrl });
  return app.request("/api/messages", { method: "POST", token, body: JSON.stringify(a) });
}

const text = (card: unknown) => JSON.stringify(card).replace(/\s/g, " ");

beforeAll(async () => {
  app = await startTeamsApp();
  const proposed = await proposeToNewContact(app);
  dossierId = proposed.dossier.id;
  contactId = proposed.contact.id;
  const oid = await eventually(async () => {
    const detail = await call<{ contact: Contact }>(app, "GET", `/contacts/${contactId}`);
    const objectId = detail.body.contact.guest?.objectId;
    if (!objectId) throw new Error("not invited yet");
    return objectId;
  });
  client = { oid, name: "Client Collaboratif", username: proposed.contact.email, roles: [], guest: true };
  // Signing in accepts an invited service: wait until the pipeline has mailed and marked it invited.
  await eventually(async () => {
    const detail = await call<DossierDetail>(app, "GET", `/dossiers/${dossierId}`);
    const status = detail.body.contacts.flatMap((c) => c.subscriptions)[0]?.status;
    if (status !== "invited") throw new Error(`subscription ${status ?? "missing"}`);
  });
  // The client signs in to the tab (the service becomes active), then writes to the bot once.
  expect((await call(app, "GET", "/client/societes", { as: client })).status).toBe(200);
  expect((await post(activity({ type: "message", textFormat: "plain", text: "aide" }))).status).toBe(200);
}, 120_000);
afterAll(() => app.close());

describe("import notices in teams mode", () => {
  it("sends the card to the client's conversation through the Connector, with the bot's token", async () => {
    const params = new URLSearchParams({ exercice: "2024-01-01..2024-12-31", fileName: "FEC20241231.txt" });
    const res = await app.request(`/api/v1/dossiers/${dossierId}/fec?${params.toString()}`, {
      method: "POST",
      as: PEOPLE.staff,
      headers: { "Content-Type": "application/octet-stream" },
      body: Buffer.from(oneSaleFec("1234,56"), "utf8"),
    });
    expect(res.status).toBe(201);
    const { import: imported } = (await res.json()) as { import: { id: string } };
    const sent = await eventually(() => {
      const found = app.connector
        .recorded({ conversationId, method: "POST" })
        .filter((r) => r.status === 201 && text(r.body).includes("Nouvelle comptabilité disponible"));
      return found.length === 0 ? Promise.reject(new Error("no notice yet")) : Promise.resolve(found);
    });
    expect(sent).toHaveLength(1);
    expect(sent[0]?.authScheme).toBe("Bearer");
    const card = (sent[0]?.body as { attachments: { content: AdaptiveCard }[] }).attachments[0]?.content;
    expect(text(card)).toContain("1 234,56 €");
    expect(card?.actions?.[0]).toMatchObject({ type: "Action.OpenUrl" });
    expect(JSON.stringify(card?.actions?.[0])).toContain("https://teams.microsoft.com/l/entity/");
    const notices = await eventually(async () => {
      const list = await call<ImportNoticeList>(
        app,
        "GET",
        `/dossiers/${dossierId}/fec/imports/${imported.id}/notices`,
      );
      if (list.body.items[0]?.status !== "sent") throw new Error("not recorded yet");
      return list.body.items;
    });
    expect(notices).toMatchObject([{ contactId, status: "sent", reason: null }]);
  });

  it("turns the notices off from the card (Action.Execute with a Bot Connector token), and on again", async () => {
    const click = async (enabled: boolean) => {
      const res = await post(
        activity({
          type: "invoke",
          name: "adaptiveCard/action",
          value: {
            action: { type: "Action.Execute", verb: VERBS.importNotices, data: { dossierId, enabled } },
            trigger: "manual",
          },
        }),
      );
      expect(res.status).toBe(200);
      return (await res.json()) as CardInvokeResponse;
    };
    const off = await click(false);
    expect(off).toMatchObject({ statusCode: 200, type: "application/vnd.microsoft.card.adaptive" });
    expect(text(off.value)).toContain("Vous ne serez plus prévenu");
    expect(text(off.value)).toContain("Me prévenir à nouveau");
    expect((await call(app, "GET", `/contacts/${contactId}/import-notices`)).body).toEqual({ enabled: false });
    const on = await click(true);
    expect(text(on.value)).toContain("Vous serez prévenu");
    expect((await call(app, "GET", `/contacts/${contactId}/import-notices`)).body).toEqual({ enabled: true });
  });
});
