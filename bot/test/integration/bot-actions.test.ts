import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AdaptiveCard, CardInvokeResponse } from "@comptoir/shared";
import {
  allText,
  ask,
  cardOf,
  cardsIn,
  execute,
  invitedClient,
  linkedDossier,
  message,
  newConversationId,
  STAFF,
  startBotHarness,
  stranger,
  subscriptionsOf,
  type BotHarness,
  type TeamsPerson,
} from "./bot-fixtures";
import { newContact, newDossier, newRole } from "./fixtures";
import { call } from "./harness";

let h: BotHarness;
beforeAll(async () => {
  h = await startBotHarness();
});
afterAll(() => h.close());

/** Posts an Action.Execute and returns the invoke response body (what the host shows in place of the card). */
async function click(args: {
  from?: TeamsPerson;
  conversationId: string;
  verb: string;
  data: object;
  replyToId?: string;
  locale?: string;
}): Promise<CardInvokeResponse> {
  const res = await h.post(execute(h, { from: STAFF, ...args }));
  expect(res.status).toBe(200);
  return res.body as CardInvokeResponse;
}

function cardIn(response: CardInvokeResponse): AdaptiveCard {
  expect(response).toMatchObject({ statusCode: 200, type: "application/vnd.microsoft.card.adaptive" });
  return response.value as AdaptiveCard;
}

/** Staff asks for the proposal card; returns the conversation and the id of the card's message. */
async function proposalCardShown(code: string): Promise<{ conversationId: string; activityId: string }> {
  const conversationId = newConversationId();
  await ask(h, { from: STAFF, conversationId, text: `proposer ${code}` });
  const sent = h.connector.recorded({ conversationId, method: "POST" }).at(-1);
  return { conversationId, activityId: sent?.createdId ?? "" };
}

describe("service.propose through Action.Execute", () => {
  it("proposes with the domain service, replaces the card for everyone, and is idempotent", async () => {
    const { dossier, contact } = await linkedDossier(h.app);
    const { conversationId, activityId } = await proposalCardShown(dossier.code);
    const data = { dossierId: dossier.id, contactId: contact.id, serviceId: "consultation" };

    const first = cardIn(await click({ conversationId, verb: "service.propose", data, replyToId: activityId }));
    expect(allText(first)).toContain("Service proposé");
    expect(allText(first)).toContain(`${contact.prenom} ${contact.nom}`);
    expect(allText(first)).toContain("Camille Martin");
    // The card the click came from now shows the result to everyone in the conversation.
    const shown = h.connector.activities(conversationId).find((a) => a.id === activityId);
    expect(shown?.updates).toBe(1);
    expect(allText(cardOf(shown?.activity))).toContain("Service proposé");

    const subs = await subscriptionsOf(h.app, dossier.id);
    expect(subs).toHaveLength(1);
    expect(subs[0]).toMatchObject({ contactId: contact.id, serviceId: "consultation" });
    expect(subs[0]?.history[0]?.by).toMatchObject({ oid: STAFF.oid, name: STAFF.name });

    const again = cardIn(await click({ conversationId, verb: "service.propose", data, replyToId: activityId }));
    expect(allText(again)).toContain("Service déjà proposé");
    expect(await subscriptionsOf(h.app, dossier.id)).toHaveLength(1);
  });

  it("shows the domain's refusal inside the proposal card, localized, keeping the choices", async () => {
    const role = await newRole(h.app);
    const { dossier } = await newDossier(h.app); // no Consultation offer
    const { contact } = await newContact(h.app, role.id);
    expect(
      (
        await call(h.app, "POST", `/contacts/${contact.id}/dossiers`, {
          body: { dossierId: dossier.id, limitedTo: "-" },
        })
      ).status,
    ).toBe(201);
    const conversationId = newConversationId();
    const data = { dossierId: dossier.id, contactId: contact.id, serviceId: "consultation" };

    const fr = cardIn(await click({ conversationId, verb: "service.propose", data }));
    expect(allText(fr)).toContain("La proposition n'a pas abouti");
    expect(allText(fr)).toContain(`L'offre Consultation n'est pas activée sur le dossier ${dossier.code}`);
    expect(allText(fr)).toContain("Code : OFFER_NOT_ACTIVE");
    expect(JSON.stringify(fr.body)).toContain(`"value":"${contact.id}"`);

    const en = cardIn(await click({ conversationId, verb: "service.propose", data, locale: "en-US" }));
    expect(allText(en)).toContain(`The Consultation offer is not active on dossier ${dossier.code}`);
    expect(await subscriptionsOf(h.app, dossier.id)).toHaveLength(0);
  });

  it("answers invalid data with the card again and a validation message", async () => {
    const { dossier } = await linkedDossier(h.app);
    const card = cardIn(
      await click({ conversationId: newConversationId(), verb: "service.propose", data: { dossierId: dossier.id } }),
    );
    expect(allText(card)).toContain("Proposer un service collaboratif");
    expect(allText(card)).toContain("Code : VALIDATION_FAILED");
    expect(await subscriptionsOf(h.app, dossier.id)).toHaveLength(0);
  });
});

describe("the other verbs", () => {
  it("proposal.open and status.refresh answer their cards", async () => {
    const { dossier, contact } = await linkedDossier(h.app);
    const conversationId = newConversationId();
    const open = cardIn(await click({ conversationId, verb: "proposal.open", data: { dossierId: dossier.id } }));
    expect(allText(open)).toContain("Proposer un service collaboratif");
    expect(JSON.stringify(open.body)).toContain(contact.id);

    const status = cardIn(await click({ conversationId, verb: "status.refresh", data: { dossierId: dossier.id } }));
    expect(allText(status)).toContain(`Statut des services – ${dossier.code} – ${dossier.name}`);
  });

  it("answers an unknown verb with a localized 400 and an unknown dossier with an error card", async () => {
    const unknown = await click({ conversationId: newConversationId(), verb: "dossier.delete", data: {} });
    expect(unknown).toMatchObject({ statusCode: 400, type: "application/vnd.microsoft.error" });
    expect(unknown.value).toMatchObject({ code: "VALIDATION_FAILED" });

    const missing = cardIn(
      await click({
        conversationId: newConversationId(),
        verb: "status.refresh",
        data: { dossierId: "00000000-0000-4000-8000-000000000000" },
      }),
    );
    expect(allText(missing)).toContain("Ce dossier client est introuvable.");
  });
});

describe("Action.Submit fallback (hosts without Universal Actions)", () => {
  it("routes a message whose value carries the verb, and answers with a new card", async () => {
    const { dossier, contact } = await linkedDossier(h.app);
    const conversationId = newConversationId();
    const res = await h.post(
      message(h, {
        from: STAFF,
        conversationId,
        value: { dossierId: dossier.id, contactId: contact.id, serviceId: "consultation", verb: "service.propose" },
      }),
    );
    expect(res.status).toBe(200);
    expect(allText(cardsIn(h, conversationId).at(-1))).toContain("Service proposé");
    expect(await subscriptionsOf(h.app, dossier.id)).toHaveLength(1);

    const status = await ask(h, {
      from: STAFF,
      conversationId,
      value: { dossierId: dossier.id, verb: "status.refresh" },
    });
    expect(allText(status)).toContain(`${contact.prenom} ${contact.nom}`);
  });
});

describe("who may act", () => {
  it("refuses staff verbs to clients and strangers, without touching the domain", async () => {
    const linked = await linkedDossier(h.app);
    const { person } = await invitedClient(h.app, linked);
    const other = await linkedDossier(h.app);
    const data = { dossierId: other.dossier.id, contactId: other.contact.id, serviceId: "consultation" };
    for (const from of [person, stranger()]) {
      const card = cardIn(await click({ from, conversationId: newConversationId(), verb: "service.propose", data }));
      expect(allText(card)).toContain("Code : FORBIDDEN");
    }
    expect(await subscriptionsOf(h.app, other.dossier.id)).toHaveLength(0);
  });

  it("welcome.refresh: the current status for the client it belongs to, or staff; nobody else", async () => {
    const linked = await linkedDossier(h.app);
    const { person, subscription } = await invitedClient(h.app, linked);
    const data = { subscriptionId: subscription.id };

    const own = cardIn(
      await click({ from: person, conversationId: newConversationId(), verb: "welcome.refresh", data }),
    );
    expect(allText(own)).toContain("Bienvenue dans votre espace collaboratif");
    expect(allText(own)).toContain("Invité");
    expect(own.refresh?.userIds).toEqual([person.teamsId]);

    const staff = cardIn(await click({ conversationId: newConversationId(), verb: "welcome.refresh", data }));
    expect(allText(staff)).toContain(linked.dossier.code);

    const otherClient = await invitedClient(h.app, await linkedDossier(h.app));
    for (const from of [otherClient.person, stranger()]) {
      const refused = cardIn(await click({ from, conversationId: newConversationId(), verb: "welcome.refresh", data }));
      expect(allText(refused)).toContain("Code : FORBIDDEN");
      expect(allText(refused)).not.toContain(linked.dossier.name);
    }
  });
});
