import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  composeExtensionResponseSchema,
  SEARCH_DOSSIERS_COMMAND,
  VERBS,
  type AdaptiveCard,
  type CardInvokeResponse,
  type ComposeExtensionResponse,
  type Contact,
  type Dossier,
} from "@comptoir/shared";
import {
  loadAdaptiveCards,
  parseWithLibrary,
  type AdaptiveCardsLib,
} from "../../../shared/test/cards/adaptivecards-lib";
import { call, eventually, proposeToNewContact, subscribeFirm, unique } from "./fixtures";
import { BOT_ID, PEOPLE, startTeamsApp, TENANT, TEAMS_APP_ID, type TeamsApp } from "./harness";

/**
 * The message extension in teams mode: Teams' invokes (`composeExtension/query`, `selectItem`, `queryLink`, and the
 * shared card's `adaptiveCard/action` refresh) posted to `/api/messages` with the Bot Connector's signed token, as
 * Teams and Outlook post them; who sees what is read from Graph's stand-in like every bot turn.
 */

interface Speaker {
  oid: string;
  name: string;
}

let app: TeamsApp;
let lib: AdaptiveCardsLib;
/** The client's own société (their service is under way) and a dossier of the firm they have nothing to do with. */
let own: Dossier;
let other: Dossier;
let client: Speaker;
const OTHER_SIREN = "443061841";
const stranger: Speaker = { oid: randomUUID(), name: "Inconnu" };

beforeAll(async () => {
  [app, lib] = await Promise.all([startTeamsApp(), loadAdaptiveCards()]);
  const proposed = await proposeToNewContact(app);
  own = proposed.dossier;
  const oid = await eventually(async () => {
    const detail = await call<{ contact: Contact }>(app, "GET", `/contacts/${proposed.contact.id}`);
    const objectId = detail.body.contact.guest?.objectId;
    if (!objectId) throw new Error("not invited yet");
    return objectId;
  });
  client = { oid, name: `${proposed.contact.prenom} ${proposed.contact.nom}` };
  await subscribeFirm(app);
  const created = await call<Dossier>(app, "POST", "/dossiers", {
    body: { code: unique("MX").slice(0, 20), name: unique("Menuiserie Secrète "), siren: OTHER_SIREN },
  });
  expect(created.status).toBe(201);
  other = created.body;
});
afterAll(() => app.close());

function activity(from: Speaker, body: Record<string, unknown>, locale = "fr-FR") {
  return {
    id: `${Date.now()}${Math.floor(Math.random() * 1000)}`,
    timestamp: new Date().toISOString(),
    serviceUrl: app.connector.url,
    channelId: "msteams",
    from: { id: `29:1${from.oid}`, name: from.name, aadObjectId: from.oid },
    conversation: { id: `19:group-${randomUUID()}@thread.v2`, conversationType: "groupChat", tenantId: TENANT },
    recipient: { id: `28:${BOT_ID}`, name: "Comptoir" },
    locale,
    channelData: { tenant: { id: TENANT }, source: { name: "compose" } },
    ...body,
  };
}

async function invoke(from: Speaker, name: string, value: unknown, locale = "fr-FR"): Promise<unknown> {
  const a = activity(from, { type: "invoke", name, value }, locale);
  const token = await app.botFramework.channelToken({ audience: BOT_ID, serviceUrl: a.serviceUrl });
  const res = await app.request("/api/messages", { method: "POST", token, body: JSON.stringify(a) });
  expect(res.status, name).toBe(200);
  return res.json();
}

/** A compose extension invoke; its answer must have the documented `composeExtension` shape. */
async function compose(from: Speaker, name: string, value: unknown, locale = "fr-FR") {
  const body = await invoke(from, name, value, locale);
  const parsed = composeExtensionResponseSchema.safeParse(body);
  expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
  return body as ComposeExtensionResponse;
}

const query = (from: Speaker, text: string, locale = "fr-FR") =>
  compose(
    from,
    "composeExtension/query",
    {
      commandId: SEARCH_DOSSIERS_COMMAND,
      parameters: [{ name: "query", value: text }],
      queryOptions: { skip: 0, count: 25 },
    },
    locale,
  );

function results(response: ComposeExtensionResponse) {
  if (response.composeExtension.type !== "result") throw new Error(`no results: ${response.composeExtension.text}`);
  return response.composeExtension.attachments;
}

function messageOf(response: ComposeExtensionResponse): string {
  if (response.composeExtension.type !== "message") throw new Error("results instead of a message");
  return response.composeExtension.text;
}

/** The inserted card parses with the `adaptivecards` library, without a warning. */
function expectParses(card: AdaptiveCard): void {
  const { events } = parseWithLibrary(lib, card);
  expect(events.filter((e) => !/property "lang"/.test(e.message)).map((e) => e.message)).toEqual([]);
}

const titles = (attachments: ReturnType<typeof results>) => attachments.map((a) => a.preview.content.title);

describe("the Dossiers search (composeExtension/query)", () => {
  it("staff find a dossier by code, name or SIREN; the preview shows the offer and the status, the card refreshes", async () => {
    for (const text of [other.code, other.name.split(" ")[0] ?? "", OTHER_SIREN]) {
      const found = results(await query(PEOPLE.staff, text));
      expect(
        titles(found).some((title) => title.includes(other.code)),
        text,
      ).toBe(true);
    }
    const [hit] = results(await query(PEOPLE.staff, other.code));
    expect(hit?.preview.content).toMatchObject({
      subtitle: `SIREN : ${OTHER_SIREN}`,
      text: "Offre Consultation : Désactivée · Aucun service",
      tap: { type: "invoke", value: { dossierId: other.id } },
    });
    const card = hit?.content as unknown as AdaptiveCard;
    expect(card.version).toBe("1.5");
    expect(card.refresh).toMatchObject({
      action: { type: "Action.Execute", verb: VERBS.viewDossier, data: { dossierId: other.id, code: other.code } },
      userIds: [`29:1${PEOPLE.staff.oid}`],
    });
    // The inserted card starts neutral: no firm data travels in the message itself.
    expect(JSON.stringify(card)).not.toContain("Offre Consultation");
    expectParses(card);
  });

  it("answers in English when Teams says so", async () => {
    const [hit] = results(await query(PEOPLE.staff, other.code, "en-US"));
    expect(hit?.preview.content.text).toBe("Consultation offer: Off · No service");
  });

  it("a client finds only their own société, without the firm's data, or nothing", async () => {
    // The pipeline binds the guest before it marks the service invited: until then nothing is consultable.
    const mine = await eventually(async () => {
      const found = results(await query(client, ""));
      if (found.length === 0) throw new Error("the service is not invited yet");
      return found;
    });
    expect(titles(mine)).toEqual([expect.stringContaining(own.code)]);
    expect(mine[0]?.preview.content.text).toBeUndefined();
    expect(results(await query(client, other.code))).toEqual([]);
    expect(results(await query(client, OTHER_SIREN))).toEqual([]);
  });

  it("a member without a role, an unbound guest and an unknown account get a line, never a dossier", async () => {
    const expected: [Speaker, string][] = [
      [PEOPLE.member, "aucun rôle Comptoir"],
      [PEOPLE.guest, "n'est associé à aucun interlocuteur"],
      [stranger, "Je ne trouve aucun espace Comptoir"],
    ];
    for (const [who, says] of expected) {
      const answer = await query(who, other.code);
      expect(messageOf(answer)).toContain(says);
      expect(JSON.stringify(answer)).not.toContain(other.name);
    }
  });

  it("answers the Agents Playground's form too: no command id, an unnamed parameter", async () => {
    const answer = await compose(PEOPLE.staff, "composeExtension/query", {
      parameters: [{ name: "", value: other.code }],
    });
    expect(titles(results(answer))).toEqual([expect.stringContaining(other.code)]);
  });

  it("refuses an unknown command with a localized, coded message", async () => {
    const answer = await compose(PEOPLE.staff, "composeExtension/query", { commandId: "autre", parameters: [] });
    expect(messageOf(answer)).toMatch(/Code : VALIDATION_FAILED/);
  });
});

describe("picking a result (composeExtension/selectItem)", () => {
  it("inserts the dossier card for staff, and for a client only their own société", async () => {
    const [picked] = results(await compose(PEOPLE.staff, "composeExtension/selectItem", { dossierId: other.id }));
    expect(picked?.preview.content.title).toContain(other.name);
    expectParses(picked?.content as unknown as AdaptiveCard);
    const [mine] = results(await compose(client, "composeExtension/selectItem", { dossierId: own.id }));
    expect(mine?.preview.content.title).toContain(own.code);
    const refused = await compose(client, "composeExtension/selectItem", { dossierId: other.id });
    expect(messageOf(refused)).toContain("Code : DOSSIER_NOT_FOUND");
    expect(JSON.stringify(refused)).not.toContain(other.name);
    expect(messageOf(await compose(stranger, "composeExtension/selectItem", { dossierId: other.id }))).not.toContain(
      other.name,
    );
  });
});

describe("link unfurling (composeExtension/queryLink)", () => {
  const base = () => app.env.TAB_ENDPOINT ?? "";

  it("unfurls the tab's dossier URLs of the app's own domain into the same card", async () => {
    const staffLink = await compose(PEOPLE.staff, "composeExtension/queryLink", {
      url: `${base()}/#/dossiers/${other.id}`,
    });
    const [card] = results(staffLink);
    expect(card?.preview.content.title).toContain(other.code);
    expectParses(card?.content as unknown as AdaptiveCard);
    const clientLink = await compose(client, "composeExtension/queryLink", { url: `${base()}/#/ma-societe/${own.id}` });
    expect(titles(results(clientLink))).toEqual([expect.stringContaining(own.code)]);
  });

  it("leaves other links alone: someone else's dossier, another domain, another page", async () => {
    const none = [
      [client, `${base()}/#/dossiers/${other.id}`],
      [stranger, `${base()}/#/dossiers/${other.id}`],
      [PEOPLE.staff, `https://ailleurs.example.com/#/dossiers/${other.id}`],
      [PEOPLE.staff, `${base()}/#/portefeuille`],
    ] as const;
    for (const [who, url] of none)
      expect(results(await compose(who, "composeExtension/queryLink", { url })), url).toEqual([]);
  });
});

describe("the card's refresh (adaptiveCard/action, Universal Actions)", () => {
  async function refresh(from: Speaker, data: object): Promise<AdaptiveCard> {
    const body = (await invoke(from, "adaptiveCard/action", {
      action: { type: "Action.Execute", verb: VERBS.viewDossier, data },
      trigger: "automatic",
    })) as CardInvokeResponse;
    expect(body).toMatchObject({ statusCode: 200, type: "application/vnd.microsoft.card.adaptive" });
    return body.value as AdaptiveCard;
  }

  it("shows staff where the dossier stands, with the staff tab's deep link, and anyone else a neutral card", async () => {
    const [hit] = results(await query(PEOPLE.staff, other.code));
    const data = (hit?.content as unknown as AdaptiveCard).refresh?.action.data ?? {};

    const staffView = await refresh(PEOPLE.staff, data);
    const staffText = JSON.stringify(staffView);
    expect(staffText).toContain("Offre Consultation");
    expect(staffText).toContain("Statut collaboratif");
    expect(staffText).toContain(`https://teams.microsoft.com/l/entity/${TEAMS_APP_ID}/staff`);
    expect(staffView.refresh?.userIds).toEqual([`29:1${PEOPLE.staff.oid}`]);
    expectParses(staffView);

    for (const who of [client, PEOPLE.member, stranger]) {
      const neutral = JSON.stringify(await refresh(who, data));
      expect(neutral).toContain("réservé au cabinet");
      expect(neutral).not.toContain("Offre Consultation");
    }
  });

  it("never reads storage for someone who is not staff: a made-up dossier comes back as sent, nothing more", async () => {
    const madeUp = { dossierId: other.id, code: "X1", name: "Nom inventé", siren: null };
    const card = JSON.stringify(await refresh(stranger, madeUp));
    expect(card).toContain("Nom inventé");
    expect(card).not.toContain(other.name);
    expect(JSON.stringify(await refresh(stranger, { dossierId: other.id }))).toContain("VALIDATION_FAILED");
  });
});
