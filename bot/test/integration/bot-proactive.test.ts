import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Contact } from "@comptoir/shared";
import type { RecordedRequest } from "../support/connector-server";
import {
  allText,
  ask,
  botAdded,
  cardOf,
  cardsIn,
  invitedClient,
  linkedDossier,
  newConversationId,
  stranger,
  STAFF,
  startBotHarness,
  type BotHarness,
  type TeamsPerson,
} from "./bot-fixtures";
import { unique } from "./fixtures";
import { call, PERSONS, TEST_TENANT } from "./harness";

let h: BotHarness;
beforeAll(async () => {
  h = await startBotHarness();
});
afterEach(() => h.connector.clearFaults());
afterAll(() => h.close());

const ADMIN: TeamsPerson = { oid: PERSONS.admin.oid, name: PERSONS.admin.name, teamsId: "29:1aurelie" };

/** Staff installs the app: the bot stores their conversation and shows what it can do. */
async function staffInstalls(person: TeamsPerson): Promise<string> {
  const conversationId = newConversationId();
  const res = await h.post(botAdded(h, { from: person, conversationId }));
  expect(res.status).toBe(200);
  return conversationId;
}

function sends(conversationId: string): RecordedRequest[] {
  return h.connector.recorded({ conversationId, method: "POST" });
}

async function notifyAbout(
  contact: Pick<Contact, "nom" | "prenom">,
  dossier: { id: string; code: string; name: string },
) {
  return h.bot.notifyStaff(TEST_TENANT, {
    kind: "accepted",
    contact,
    dossier,
    subscription: {
      dossierId: dossier.id,
      serviceId: "consultation",
      history: [{ status: "accepted", at: "2026-03-02T09:30:00.000Z", by: { oid: "x", name: "Client" } }],
    },
  });
}

describe("conversation references", () => {
  it("stores staff's conversation on install and sends them the help card", async () => {
    const conversationId = await staffInstalls(ADMIN);
    expect(allText(cardsIn(h, conversationId).at(-1))).toContain("Ce que je peux faire pour vous");
    const stored = await h.refs.get(TEST_TENANT, ADMIN.oid);
    expect(stored).toMatchObject({
      userOid: ADMIN.oid,
      role: "staff",
      reference: { serviceUrl: h.connector.url, conversation: { id: conversationId }, user: { id: ADMIN.teamsId } },
    });
    expect((await h.refs.listStaff(TEST_TENANT)).map((r) => r.userOid)).toContain(ADMIN.oid);
    expect(await h.refs.getBot(TEST_TENANT)).toMatchObject({
      serviceUrl: h.connector.url,
      agent: { id: "28:comptoir-bot" },
    });
  });

  it("does not store strangers and forgets a user who removes the app", async () => {
    const someone = stranger();
    await ask(h, { from: someone, conversationId: newConversationId(), text: "bonjour" });
    expect(await h.refs.get(TEST_TENANT, someone.oid)).toBeNull();

    const conversationId = newConversationId();
    await ask(h, { from: STAFF, conversationId, text: "aide" });
    expect(await h.refs.get(TEST_TENANT, STAFF.oid)).not.toBeNull();
    const removed = await h.post({
      ...botAdded(h, { from: STAFF, conversationId }),
      type: "installationUpdate",
      action: "remove",
      membersAdded: undefined,
    });
    expect(removed.status).toBe(200);
    expect(await h.refs.get(TEST_TENANT, STAFF.oid)).toBeNull();
  });
});

describe("staff notifications through the queue", () => {
  it("reaches every staff conversation, retrying a 429 after its Retry-After", async () => {
    const adminChat = await staffInstalls(ADMIN);
    const staffChat = await staffInstalls(STAFF);
    const { dossier } = await linkedDossier(h.app, { dossier: { name: unique("Fromagerie ") } });
    h.connector.setFault({
      match: { method: "POST", conversationId: staffChat, path: "/activities" },
      status: 429,
      retryAfter: 1,
      times: 1,
    });
    const queued = await notifyAbout({ prenom: "Louise", nom: "Martin" }, dossier);
    expect(queued).toBeGreaterThanOrEqual(2);
    await h.bot.idle();

    const attempts = sends(staffChat).filter((r) => r.path.includes("/activities"));
    const [throttled, delivered] = attempts.slice(-2);
    expect(throttled?.status).toBe(429);
    expect(delivered?.status).toBe(201);
    expect(Date.parse(delivered?.at ?? "") - Date.parse(throttled?.at ?? "")).toBeGreaterThanOrEqual(1_000);
    for (const chat of [adminChat, staffChat]) {
      const card = cardsIn(h, chat).at(-1);
      expect(allText(card)).toContain("Service accepté");
      expect(allText(card)).toContain("Louise Martin a accepté le service collaboratif");
      expect(allText(card)).toContain(dossier.name);
    }
  });

  it("retries 412, 502 and 504 from the connector", async () => {
    const chat = await staffInstalls(STAFF);
    const { dossier } = await linkedDossier(h.app, { dossier: { name: unique("Cordonnerie ") } });
    for (const status of [412, 502, 504])
      h.connector.setFault({ match: { method: "POST", conversationId: chat, path: "/activities" }, status, times: 1 });
    await notifyAbout({ prenom: "Paul", nom: "Durand" }, dossier);
    await h.bot.idle();
    const statuses = sends(chat)
      .filter((r) => JSON.stringify(r.body).includes(dossier.name))
      .map((r) => r.status);
    expect(statuses).toEqual([412, 502, 504, 201]);
    expect(allText(cardsIn(h, chat).at(-1))).toContain("Paul Durand");
  });

  it("stays within 7 messages per second in one conversation", async () => {
    const chat = await staffInstalls(STAFF);
    const { dossier } = await linkedDossier(h.app);
    h.connector.clear();
    for (let i = 0; i < 20; i++) await notifyAbout({ prenom: `Client${i}`, nom: "Rafale" }, dossier);
    await h.bot.idle();
    const times = sends(chat)
      .filter((r) => r.status === 201)
      .map((r) => Date.parse(r.at))
      .sort((a, b) => a - b);
    expect(times.length).toBeGreaterThanOrEqual(20);
    for (let i = 0; i < times.length; i++) {
      const inOneSecond = times.filter((t) => t >= (times[i] ?? 0) && t < (times[i] ?? 0) + 1_000).length;
      expect(inOneSecond).toBeLessThanOrEqual(7);
    }
  }, 60_000);

  it("sends nothing when no staff member ever talked to the bot in that tenant", async () => {
    const { dossier } = await linkedDossier(h.app);
    const queued = await h.bot.notifyStaff("00000000-0000-4000-8000-00000000abcd", {
      kind: "firstSignIn",
      contact: { prenom: "A", nom: "B" },
      dossier,
      subscription: { dossierId: dossier.id, serviceId: "consultation", history: [] },
    });
    expect(queued).toBe(0);
  });
});

describe("the client's welcome card", () => {
  it("opens a 1:1 conversation with a client who never wrote, once, in their language", async () => {
    await staffInstalls(STAFF); // the bot has heard from this tenant: it knows its serviceUrl
    const linked = await linkedDossier(h.app, { contact: { preferredLocale: "en" } });
    const { person, subscription } = await invitedClient(h.app, linked);

    expect(await h.bot.greetClient(TEST_TENANT, subscription.id)).toBe(true);
    await h.bot.idle();
    const created = h.connector
      .recorded({ method: "POST", path: "^/v3/conversations$" })
      .find((r) => JSON.stringify(r.body).includes(person.oid));
    expect(created?.status).toBe(201);
    expect(created?.body).toMatchObject({ isGroup: false, tenantId: TEST_TENANT, members: [{ id: person.oid }] });
    const conversationId = created?.createdId ?? "";
    const welcome = cardsIn(h, conversationId);
    expect(welcome).toHaveLength(1);
    expect(welcome[0]?.lang).toBe("en");
    expect(allText(welcome[0])).toContain("Welcome to your collaborative space");
    expect(allText(welcome[0])).toContain(linked.dossier.name);
    expect(welcome[0]?.refresh?.action).toMatchObject({
      verb: "welcome.refresh",
      data: { subscriptionId: subscription.id },
    });
    expect(await h.refs.get(TEST_TENANT, person.oid)).toMatchObject({
      role: "client",
      reference: { conversation: { id: conversationId } },
    });

    // Greeting again (a retried job, the client installing the app) sends nothing more.
    expect(await h.bot.greetClient(TEST_TENANT, subscription.id)).toBe(true);
    await h.post(botAdded(h, { from: person, conversationId }));
    await h.bot.idle();
    expect(cardsIn(h, conversationId)).toHaveLength(1);
  });

  it("greets a client when they install the app, and not for a service that is only proposed", async () => {
    const linked = await linkedDossier(h.app);
    const { person, subscription } = await invitedClient(h.app, linked);
    const conversationId = newConversationId();
    await h.post(botAdded(h, { from: person, conversationId }));
    await h.bot.idle();
    const cards = cardsIn(h, conversationId);
    expect(cards).toHaveLength(1);
    expect(allText(cards[0])).toContain("Bienvenue dans votre espace collaboratif");
    expect(JSON.stringify(cards[0]?.refresh)).toContain(subscription.id);

    const other = await linkedDossier(h.app);
    const proposed = await call<{ subscription: { id: string } }>(
      h.app,
      "POST",
      `/contacts/${other.contact.id}/dossiers/${other.dossier.id}/services`,
      { body: { serviceId: "consultation" } },
    );
    // Still `proposed` (the pipeline has not run for it yet), and the contact has no guest account.
    expect(await h.bot.greetClient(TEST_TENANT, proposed.body.subscription.id)).toBe(false);
  });

  it("forgets a conversation the connector says is gone (403), without retrying", async () => {
    // A staff notification, not a client's welcome: the welcome queued by the invitation would race with it.
    const conversationId = await staffInstalls(ADMIN);
    expect(await h.refs.get(TEST_TENANT, ADMIN.oid)).not.toBeNull();
    const { dossier } = await linkedDossier(h.app);
    h.connector.setFault({ match: { method: "POST", conversationId }, status: 403 });
    await notifyAbout({ prenom: "Jeanne", nom: "Roux" }, dossier);
    await h.bot.idle();
    expect(sends(conversationId).filter((r) => r.status === 403)).toHaveLength(1);
    expect(await h.refs.get(TEST_TENANT, ADMIN.oid)).toBeNull();
  });
});

describe("errors in a turn", () => {
  it("show a localized error card, never the SDK's English text", async () => {
    const broken = await startBotHarness({
      deps: (deps) => ({
        ...deps,
        repos: {
          ...deps.repos,
          contacts: Object.assign(Object.create(deps.repos.contacts) as typeof deps.repos.contacts, {
            findIdByGuest: () => Promise.reject(new Error("storage down")),
          }),
        },
      }),
    });
    try {
      const conversationId = newConversationId();
      const res = await broken.post({
        type: "message",
        id: "1",
        serviceUrl: broken.connector.url,
        channelId: "msteams",
        from: { id: STAFF.teamsId, name: STAFF.name, aadObjectId: STAFF.oid },
        conversation: { id: conversationId, conversationType: "personal", tenantId: TEST_TENANT },
        recipient: { id: "28:comptoir-bot", name: "Comptoir" },
        locale: "fr-FR",
        channelData: { tenant: { id: TEST_TENANT } },
        text: "aide",
      });
      expect(res.status).toBe(200);
      const sent = broken.connector.recorded({ conversationId, method: "POST" }).map((r) => r.body);
      expect(sent).toHaveLength(1);
      const card = cardOf(sent[0]);
      expect(allText(card)).toContain("Une erreur est survenue");
      expect(allText(card)).toContain("Code : INTERNAL");
      expect(JSON.stringify(sent)).not.toMatch(/agent encountered an error|fix the source code|storage down/);
    } finally {
      await broken.close();
    }
  });
});
