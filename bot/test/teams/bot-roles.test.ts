import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AdaptiveCard, CardInvokeResponse, Contact, Dossier, DossierDetail, Verb } from "@comptoir/shared";
import { staffCommands, staffDataIn, staffVerbs, type StaffTarget, type StaffVerb } from "../support/staff-surface";
import { call, eventually, proposeToNewContact, subscribeFirm, unique } from "./fixtures";
import { BOT_ID, PEOPLE, startTeamsApp, TENANT, type TeamsApp } from "./harness";

/**
 * Who is staff in chat, in teams mode: the real server reads each person's user type and Comptoir's app role
 * assignments from Graph's stand-in (which knows the tenant's people as Entra's stand-in does), and every
 * staff command and Action.Execute verb answers what the person's kind allows — through the Bot Connector's
 * authentication, as Teams calls the bot.
 */

let app: TeamsApp;
let target: StaffTarget;
let client: Speaker;

interface Speaker {
  oid: string;
  name: string;
}

beforeAll(async () => {
  app = await startTeamsApp();
  // A client of the firm: a contact whose invitation bound a guest account.
  const proposed = await proposeToNewContact(app);
  const oid = await eventually(async () => {
    const detail = await call<{ contact: Contact }>(app, "GET", `/contacts/${proposed.contact.id}`);
    const objectId = detail.body.contact.guest?.objectId;
    if (!objectId) throw new Error("not invited yet");
    return objectId;
  });
  client = { oid, name: `${proposed.contact.prenom} ${proposed.contact.nom}` };
  const { dossier, contact } = await linkedDossierWithoutService();
  target = { dossier, contact, subscriptionId: proposed.subscription.id };
});
afterAll(() => app.close());

/** A dossier open to consultation and a contact linked to it, nothing proposed: what staff commands aim at. */
async function linkedDossierWithoutService(): Promise<{ dossier: Dossier; contact: Contact }> {
  await subscribeFirm(app);
  const created = await call<Dossier>(app, "POST", "/dossiers", {
    body: { code: unique("R").slice(0, 20), name: unique("Cible Secrète ") },
  });
  expect(created.status).toBe(201);
  const offered = await call<Dossier>(app, "PUT", `/dossiers/${created.body.id}/offers/consultation`, {
    etag: created.etag,
    body: { active: true },
  });
  const widget = await call<Dossier>(app, "PUT", `/dossiers/${created.body.id}/widget`, {
    etag: offered.etag,
    body: { extensionActive: true },
  });
  expect(widget.status).toBe(200);
  const role = await call<{ id: string }>(app, "POST", "/roles", { body: { label: unique("Gérant ") } });
  const contact = await call<Contact>(app, "POST", "/contacts", {
    body: { nom: unique("Zorglub"), prenom: "Hélène", email: `${unique("cible")}@exemple.fr`, roleId: role.body.id },
  });
  expect(contact.status).toBe(201);
  const linked = await call(app, "POST", `/contacts/${contact.body.id}/dossiers`, {
    body: { dossierId: created.body.id, limitedTo: "-" },
  });
  expect(linked.status).toBe(201);
  return { dossier: widget.body, contact: contact.body };
}

/** An activity of the speaker's personal chat, as Teams posts it. */
function activity(from: Speaker, locale: string, body: Record<string, unknown>) {
  return {
    id: `${Date.now()}${Math.floor(Math.random() * 1000)}`,
    timestamp: new Date().toISOString(),
    serviceUrl: app.connector.url,
    channelId: "msteams",
    from: { id: `29:1${from.oid}`, name: from.name, aadObjectId: from.oid },
    conversation: { id: `a:1personal-${randomUUID()}`, conversationType: "personal", tenantId: TENANT },
    recipient: { id: `28:${BOT_ID}`, name: "Comptoir" },
    locale,
    channelData: { tenant: { id: TENANT } },
    ...body,
  };
}

/** Posts an activity with the Bot Connector's token, as Teams does. */
async function post(a: ReturnType<typeof activity>): Promise<Response> {
  const token = await app.botFramework.channelToken({ audience: BOT_ID, serviceUrl: a.serviceUrl });
  return app.request("/api/messages", { method: "POST", token, body: JSON.stringify(a) });
}

function cardOf(body: unknown): AdaptiveCard | null {
  const attachments = (body as { attachments?: { contentType?: string; content?: unknown }[] } | null)?.attachments;
  const card = attachments?.find((x) => x.contentType === "application/vnd.microsoft.card.adaptive")?.content;
  return (card as AdaptiveCard | undefined) ?? null;
}

/** Every text of a card, joined. */
function textOf(card: unknown): string {
  const out: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (typeof node !== "object" || node === null) return;
    for (const [k, v] of Object.entries(node)) {
      if (typeof v === "string" && ["text", "title", "value", "fallbackText"].includes(k)) out.push(v);
      else walk(v);
    }
  };
  walk(card);
  return out.join("\n");
}

/** A chat message; returns the text of the one card the bot replied with through the Connector. */
async function say(from: Speaker, text: string, locale: string): Promise<string> {
  const a = activity(from, locale, { type: "message", textFormat: "plain", text });
  expect((await post(a)).status).toBe(200);
  const replies = app.connector
    .recorded({ conversationId: a.conversation.id })
    .filter((r) => r.method === "POST" && r.activityId === a.id);
  expect(replies, text).toHaveLength(1);
  return textOf(cardOf(replies[0]?.body));
}

/** An Action.Execute click; returns the text of the card in the invoke response. */
async function click(from: Speaker, verb: Verb, data: object, locale = "fr-FR"): Promise<string> {
  const a = activity(from, locale, {
    type: "invoke",
    name: "adaptiveCard/action",
    value: { action: { type: "Action.Execute", verb, data }, trigger: "manual" },
  });
  const res = await post(a);
  expect(res.status, verb).toBe(200);
  const body = (await res.json()) as CardInvokeResponse;
  expect(body).toMatchObject({ statusCode: 200, type: "application/vnd.microsoft.card.adaptive" });
  return textOf(body.value);
}

const lang = (locale: string): "fr" | "en" => (locale.startsWith("fr") ? "fr" : "en");

/** What each kind of person gets for a staff command and for a staff verb (welcome.refresh aside). */
const EXPECTED = {
  member: {
    command: { fr: "Aucun rôle Comptoir sur votre compte", en: "Your account has no Comptoir role" },
    verb: "Aucun rôle Comptoir sur votre compte",
  },
  guest: {
    command: { fr: "Aucun espace client sur votre compte", en: "No client space on your account" },
    verb: "Aucun espace client sur votre compte",
  },
  client: { command: { fr: "Vos sociétés", en: "Your companies" }, verb: "Code : FORBIDDEN" },
} as const;

async function subscriptionsOfTarget(): Promise<unknown[]> {
  const detail = await call<DossierDetail>(app, "GET", `/dossiers/${target.dossier.id}`);
  expect(detail.status).toBe(200);
  return detail.body.contacts.flatMap((c) => c.subscriptions);
}

async function invitationsToTarget(): Promise<number> {
  return (await app.graph.control.stats()).invitationsByEmail[target.contact.email.toLowerCase()] ?? 0;
}

describe("who is staff in chat, read from Graph (teams mode)", () => {
  const others = [
    { kind: "member", who: () => PEOPLE.member, label: "a member without a role" },
    { kind: "guest", who: () => PEOPLE.guest, label: "an unbound guest" },
    { kind: "client", who: () => client, label: "a guest bound to a contact" },
  ] as const;

  for (const { kind, who, label } of others) {
    it(`${label} gets their card for every staff command (fr, en) and verb, and no staff data`, async () => {
      const speaker = who();
      for (const command of staffCommands(target)) {
        const text = await say(speaker, command.text, command.locale);
        expect(text, command.text).toContain(EXPECTED[kind].command[lang(command.locale)]);
        expect(staffDataIn(text, target), command.text).toEqual([]);
      }
      for (const { verb, data } of staffVerbs(target)) {
        const text = await click(speaker, verb, data);
        // welcome.refresh: the client's own subscription is theirs to refresh.
        const expected =
          kind === "client" && verb === "welcome.refresh"
            ? "Bienvenue dans votre espace collaboratif"
            : EXPECTED[kind].verb;
        expect(text, verb).toContain(expected);
        expect(staffDataIn(text, target), verb).toEqual([]);
      }
    });
  }

  it("none of them changed anything: no proposal on the dossier, no invitation sent to Graph", async () => {
    expect(await subscriptionsOfTarget()).toEqual([]);
    expect(await invitationsToTarget()).toBe(0);
  });

  it("a member holding Firm.Staff (or Firm.Admin) gets the answer of every command and verb", async () => {
    for (const command of staffCommands(target)) {
      expect(await say(PEOPLE.staff, command.text, command.locale), command.text).toContain(command.staffSees);
    }
    expect(await say(PEOPLE.admin, `dossier ${target.dossier.code}`, "fr-FR")).toContain(target.dossier.name);
    const answers: Record<StaffVerb, string> = {
      "service.propose": "Service proposé",
      "proposal.open": "Proposer un service collaboratif",
      "status.refresh": "Statut des services",
      "welcome.refresh": "Bienvenue dans votre espace collaboratif",
    };
    for (const { verb, data } of staffVerbs(target))
      expect(await click(PEOPLE.staff, verb, data), verb).toContain(answers[verb]);
    expect(await subscriptionsOfTarget()).toHaveLength(1);
    await eventually(async () => expect(await invitationsToTarget()).toBe(1));
  });

  it("asked Graph, with the app's own token, the documented directory calls", async () => {
    const { requests } = await app.graph.control.stats();
    const labels = Object.keys(requests);
    expect(labels).toContain(`GET /v1.0/servicePrincipals(appId='${app.env.AAD_APP_CLIENT_ID ?? ""}')`);
    expect(requests["GET /v1.0/users/{id}/appRoleAssignments"]?.["200"]).toBeGreaterThan(0);
    expect(requests["GET /v1.0/users/{id}"]?.["200"]).toBeGreaterThan(0);
  });
});
