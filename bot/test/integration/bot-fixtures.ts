import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { randomUUID } from "node:crypto";
import express from "express";
import { expect, inject } from "vitest";
import { translate } from "@comptoir/shared";
import type { AdaptiveCard, AppRole, Contact, Dossier, DossierDetail, ServiceSubscription } from "@comptoir/shared";
import { LOCAL_APP_CLIENT_ID } from "../../dev/local-mode";
import { createBot, type Bot, type BotOptions } from "../../src/agent/agent";
import { startLocalConnector, type LocalConnector } from "../support/connector-server";
import type { ConversationRefRepository } from "../../src/core/repos/conversation-refs";
import type { ServiceDeps } from "../../src/core/services/context";
import { dossierWithOffer, newContact, newRole } from "./fixtures";
import { call, PERSONS, startTestApp, TEST_TENANT, type TestApp } from "./harness";

/** Someone in Teams: their Entra object id and their Teams user id (MRI). */
export interface TeamsPerson {
  oid: string;
  name: string;
  teamsId: string;
}

export const STAFF: TeamsPerson = { oid: PERSONS.staff.oid, name: PERSONS.staff.name, teamsId: "29:1camille" };
export const BOT_ACCOUNT = { id: "28:comptoir-bot", name: "Comptoir" };

export function stranger(): TeamsPerson {
  const oid = randomUUID();
  return { oid, name: "Inconnu", teamsId: `29:1${oid.slice(0, 8)}` };
}

/** Someone new in the local Graph server's directory: a member of the firm's tenant or a guest, with these roles. */
export function directoryPerson(
  h: Pick<BotHarness, "app">,
  userType: "Member" | "Guest",
  roles: readonly AppRole[] = [],
): TeamsPerson {
  const person = stranger();
  const directory = h.app.running.wiring.localDirectory;
  directory.addUser({ id: person.oid, displayName: person.name, mail: `${person.oid}@cabinet.test`, userType });
  for (const role of roles) directory.assignAppRole({ principalId: person.oid, appId: LOCAL_APP_CLIENT_ID, role });
  return { ...person, name: userType === "Member" ? "Paul Lefèvre" : "Invité Sans Dossier" };
}

export interface BotHarness {
  app: TestApp;
  connector: LocalConnector;
  bot: Bot;
  refs: ConversationRefRepository;
  /** Base URL of the server mounting only the bot's router at /api/messages. */
  url: string;
  post(activity: object): Promise<{ status: number; body: unknown }>;
  close(): Promise<void>;
}

/**
 * The real app (REST API and services on Azurite) plus a bot built by `createBot` on the same services,
 * mounted on a server of its own so its options can be set per test file, and a local Bot Connector.
 */
export async function startBotHarness(
  extra: Partial<Pick<BotOptions, "proactive" | "sendWindows">> & { deps?: (deps: ServiceDeps) => ServiceDeps } = {},
): Promise<BotHarness> {
  const app = await startTestApp();
  const connector = await startLocalConnector();
  const deps = extra.deps ? extra.deps(app.running.deps) : app.running.deps;
  const bot = await createBot({
    deps,
    auth: {},
    connectionString: inject("azuriteConnectionString"),
    queuePrefix: `b${randomUUID().replace(/-/g, "").slice(0, 10)}`,
    firmTenantId: TEST_TENANT,
    directory: app.running.wiring.directory,
    appLinks: { webUrl: app.url },
    proactive: { idleMs: 50, retryBaseMs: 200, ...extra.proactive },
    ...(extra.sendWindows ? { sendWindows: extra.sendWindows } : {}),
  });
  const server = await new Promise<Server>((ok) => {
    const s = express()
      .use("/api/messages", bot.router)
      .listen(0, "127.0.0.1", () => ok(s));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    app,
    connector,
    bot,
    refs: app.running.deps.repos.conversations,
    url,
    async post(activity) {
      const res = await fetch(`${url}/api/messages`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(activity),
      });
      const text = await res.text();
      return { status: res.status, body: text ? (JSON.parse(text) as unknown) : null };
    },
    async close() {
      await bot.stop();
      await new Promise<void>((ok) => {
        server.close(() => ok());
        server.closeAllConnections();
      });
      await connector.stop();
      await app.close();
    },
  };
}

let counter = 0;
export const newConversationId = () => `a:1personal-${++counter}-${randomUUID().slice(0, 8)}`;
const newActivityId = () => `1700000000${String(++counter).padStart(4, "0")}`;

interface ActivityArgs {
  from: TeamsPerson;
  conversationId: string;
  locale?: string;
  tenantId?: string;
}

function base(h: BotHarness, { from, conversationId, locale = "fr-FR", tenantId = TEST_TENANT }: ActivityArgs) {
  return {
    id: newActivityId(),
    timestamp: new Date().toISOString(),
    serviceUrl: h.connector.url,
    channelId: "msteams",
    from: { id: from.teamsId, name: from.name, aadObjectId: from.oid },
    conversation: { id: conversationId, conversationType: "personal", tenantId },
    recipient: BOT_ACCOUNT,
    locale,
    channelData: { tenant: { id: tenantId } },
  };
}

/** A chat message as Teams posts it in a personal chat. */
export function message(h: BotHarness, args: ActivityArgs & { text?: string; value?: object }) {
  return {
    ...base(h, args),
    type: "message",
    textFormat: "plain",
    ...(args.text !== undefined ? { text: args.text } : {}),
    ...(args.value !== undefined ? { value: args.value } : {}),
  };
}

/** An Action.Execute click (Universal Actions): an `adaptiveCard/action` invoke on the card's message. */
export function execute(
  h: BotHarness,
  args: ActivityArgs & { verb: string; data: object; replyToId?: string; trigger?: "manual" | "automatic" },
) {
  return {
    ...base(h, args),
    type: "invoke",
    name: "adaptiveCard/action",
    ...(args.replyToId ? { replyToId: args.replyToId } : {}),
    value: { action: { type: "Action.Execute", verb: args.verb, data: args.data }, trigger: args.trigger ?? "manual" },
  };
}

/** The app installed in someone's personal scope: Teams adds the bot to the conversation. */
export function botAdded(h: BotHarness, args: ActivityArgs) {
  return { ...base(h, args), type: "conversationUpdate", membersAdded: [{ id: BOT_ACCOUNT.id }] };
}

/** The Adaptive Card of a message activity the bot sent (or of an update). */
export function cardOf(body: unknown): AdaptiveCard | null {
  const attachments = (body as { attachments?: { contentType?: string; content?: unknown }[] } | null)?.attachments;
  const card = attachments?.find((a) => a.contentType === "application/vnd.microsoft.card.adaptive")?.content;
  return (card as AdaptiveCard | undefined) ?? null;
}

/** Cards the bot posted to a conversation (replies and proactive messages), oldest first, successful calls only. */
export function cardsIn(h: BotHarness, conversationId: string, only: "all" | "replies" = "all"): AdaptiveCard[] {
  // A reply names the activity it answers (…/activities/{replyToId}); a proactive card does not.
  const path = only === "replies" ? /\/activities\/[^/]+$/ : undefined;
  return h.connector
    .recorded({ conversationId, method: "POST", ...(path ? { path } : {}) })
    .filter((r) => r.status === 201)
    .flatMap((r) => {
      const card = cardOf(r.body);
      return card ? [card] : [];
    });
}

const WELCOME_TITLES = [translate("fr", "cards.welcome.title"), translate("en", "cards.welcome.title")];
const isWelcomeCard = (card: AdaptiveCard) => textsOf(card).some((t) => WELCOME_TITLES.includes(t));

/**
 * Sends a message and returns the single card the bot answered with (a proactive card, such as a client's
 * welcome landing in the same conversation meanwhile, is not an answer).
 */
export async function ask(
  h: BotHarness,
  args: ActivityArgs & { text?: string; value?: object },
): Promise<AdaptiveCard> {
  // A client's welcome card, sent by the proactive queue to the conversation the client just opened, goes
  // out through the same reply path when it continues that turn: it is not this message's answer.
  const answers = () => cardsIn(h, args.conversationId, "replies").filter((c) => !isWelcomeCard(c));
  const before = answers().length;
  const res = await h.post(message(h, args));
  expect(res.status).toBe(200);
  const cards = answers();
  expect(cards).toHaveLength(before + 1);
  const card = cards.at(-1);
  if (!card) throw new Error("no card");
  return card;
}

/** Every text of a card (TextBlocks, facts, choices, action titles), to assert on what the reader sees. */
export function textsOf(card: unknown): string[] {
  const out: string[] = [];
  const walk = (node: unknown, parentKey: string | null) => {
    if (Array.isArray(node)) return node.forEach((n) => walk(n, parentKey));
    if (typeof node !== "object" || node === null) return;
    for (const [k, v] of Object.entries(node)) {
      if (typeof v === "string" && ["text", "title", "value", "fallbackText"].includes(k)) out.push(v);
      else walk(v, k);
    }
  };
  walk(card, null);
  return out;
}

export function allText(card: unknown): string {
  return textsOf(card).join("\n");
}

// ---- domain set-ups, through the REST API as staff ----

export interface LinkedDossier {
  dossier: Dossier;
  contact: Contact;
}

/** A dossier with the Consultation offer (and, optionally, the collaborative extension) and a linked contact. */
export async function linkedDossier(
  app: TestApp,
  opts: { dossier?: Record<string, unknown>; contact?: Record<string, unknown>; extension?: boolean } = {},
): Promise<LinkedDossier> {
  const role = await newRole(app);
  const created = await dossierWithOffer(app, opts.dossier);
  let dossier = created.dossier;
  if (opts.extension !== false) {
    const widget = await call<Dossier>(app, "PUT", `/dossiers/${dossier.id}/widget`, {
      etag: created.etag,
      body: { extensionActive: true },
    });
    expect(widget.status).toBe(200);
    dossier = widget.body;
  }
  const { contact } = await newContact(app, role.id, opts.contact);
  const link = await call(app, "POST", `/contacts/${contact.id}/dossiers`, {
    body: { dossierId: dossier.id, limitedTo: "-" },
  });
  expect(link.status).toBe(201);
  return { dossier, contact };
}

/** A contact invited through the real pipeline (local Graph): returns their guest account as a Teams person. */
export async function invitedClient(
  app: TestApp,
  linked: LinkedDossier,
): Promise<{ person: TeamsPerson; subscription: ServiceSubscription }> {
  const proposed = await call<{ subscription: ServiceSubscription }>(
    app,
    "POST",
    `/contacts/${linked.contact.id}/dossiers/${linked.dossier.id}/services`,
    { body: { serviceId: "consultation" } },
  );
  expect(proposed.status).toBe(201);
  await app.running.pipeline.idle();
  const detail = await call<{ contact: Contact }>(app, "GET", `/contacts/${linked.contact.id}`);
  const oid = detail.body.contact.guest?.objectId;
  if (!oid) throw new Error("The pipeline bound no guest account");
  return {
    person: { oid, name: `${linked.contact.prenom} ${linked.contact.nom}`, teamsId: `29:1guest-${oid.slice(0, 8)}` },
    subscription: proposed.body.subscription,
  };
}

export async function subscriptionsOf(app: TestApp, dossierId: string): Promise<ServiceSubscription[]> {
  const detail = await call<DossierDetail>(app, "GET", `/dossiers/${dossierId}`);
  expect(detail.status).toBe(200);
  return detail.body.contacts.flatMap((c) => c.subscriptions);
}
