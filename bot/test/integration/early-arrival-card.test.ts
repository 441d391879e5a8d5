import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AdaptiveCard } from "@comptoir/shared";
import { startLocalConnector, type LocalConnector } from "../support/connector-server";
import { clientOn } from "./accounting-harness";
import { allText, cardOf } from "./bot-fixtures";
import { dossierWithOffer } from "./fixtures";
import { call, PERSONS, TEST_TENANT, startTestApp, type TestApp } from "./harness";

/**
 * Issue 18, point 1, on the real server (local mode, its bot sending through a recording Bot Connector): a client
 * who comes before the dossier's space is open makes the bot tell staff, as a card in their 1:1 chat, in the
 * language of that chat, once however often the client reloads.
 */
let connector: LocalConnector;
let app: TestApp;
const CHATS = { fr: "a:1personal-early-fr", en: "a:1personal-early-en" } as const;

/** Staff talk to the bot once: it keeps their conversation (and its locale) for notifications. */
async function staffSaysHello(person: (typeof PERSONS)["staff" | "admin"], id: string, locale: string) {
  const res = await fetch(`${app.url}/api/messages`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({
      type: "message",
      id: `${Date.now()}`,
      serviceUrl: connector.url,
      channelId: "msteams",
      from: { id: `29:1${person.oid.slice(0, 8)}`, name: person.name, aadObjectId: person.oid },
      conversation: { id, conversationType: "personal", tenantId: TEST_TENANT },
      recipient: { id: "28:comptoir-bot", name: "Comptoir" },
      text: locale.startsWith("fr") ? "aide" : "help",
      locale,
      channelData: { tenant: { id: TEST_TENANT } },
    }),
  });
  expect(res.status).toBe(200);
}

function cardsTo(conversationId: string, title: string): AdaptiveCard[] {
  return connector
    .recorded({ conversationId, method: "POST" })
    .filter((r) => r.status === 201)
    .flatMap((r) => {
      const card = cardOf(r.body);
      return card && allText(card).includes(title) ? [card] : [];
    });
}

beforeAll(async () => {
  connector = await startLocalConnector();
  app = await startTestApp({ LOCAL_BOT_SERVICE_URL: connector.url });
  await staffSaysHello(PERSONS.staff, CHATS.fr, "fr-FR");
  await staffSaysHello(PERSONS.admin, CHATS.en, "en-US");
  await app.running.bot.idle();
}, 120_000);

afterAll(async () => {
  await app.close();
  await connector.stop();
});

describe("a client who arrives too early", () => {
  it("makes the bot tell staff once, in their chat's language, what to open", async () => {
    const { dossier } = await dossierWithOffer(app);
    const token = await clientOn(app, dossier.id);
    for (let i = 0; i < 3; i++) {
      const list = await call(app, "GET", "/client/societes", { token });
      expect(list.status).toBe(200);
    }
    await app.running.bot.idle();

    const fr = cardsTo(CHATS.fr, "Un client attend l'ouverture de son espace");
    expect(fr).toHaveLength(1);
    expect(allText(fr[0])).toContain(`a voulu consulter le dossier`);
    expect(allText(fr[0])).toContain(dossier.name);
    expect(allText(fr[0])).toContain("Activation de l'extension");

    const en = cardsTo(CHATS.en, "A client is waiting for their space to open");
    expect(en).toHaveLength(1);
    expect(allText(en[0])).toContain("tried to consult the dossier");
    expect(allText(en[0])).toContain(dossier.name);
  });
});
