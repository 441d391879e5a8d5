import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AdaptiveCard, CardInvokeResponse } from "@comptoir/shared";
import { LOCAL_APP_CLIENT_ID } from "../../dev/local-mode";
import { staffCommands, staffDataIn, staffVerbs, type StaffTarget } from "../support/staff-surface";
import {
  allText,
  ask,
  BOT_ACCOUNT,
  botAdded,
  cardsIn,
  directoryPerson,
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
import { unique } from "./fixtures";
import { PERSONS, TEST_TENANT } from "./harness";

/**
 * Who may do what in chat, in local mode: roles come from the local Graph server's directory through the same
 * lookup as teams mode (Comptoir's service principal, the user's type and app role assignments).
 */
let h: BotHarness;
let target: StaffTarget;
let client: TeamsPerson;
beforeAll(async () => {
  h = await startBotHarness();
  // Names found nowhere else, so that any of them in a card is this dossier's data leaking.
  const { dossier, contact } = await linkedDossier(h.app, {
    dossier: { name: unique("Cible Secrète ") },
    contact: { nom: unique("Zorglub"), prenom: "Hélène" },
  });
  const invited = await invitedClient(h.app, await linkedDossier(h.app));
  client = invited.person;
  target = { dossier, contact, subscriptionId: invited.subscription.id };
  // The client's welcome card waits until the bot hears from the tenant: let it land now, not amid the asserts.
  expect(
    (await h.post(message(h, { from: client, conversationId: newConversationId(), text: "bonjour" }))).status,
  ).toBe(200);
  await h.bot.idle();
});
afterAll(() => h.close());

async function click(from: TeamsPerson, verb: string, data: object, locale = "fr-FR"): Promise<AdaptiveCard> {
  const res = await h.post(execute(h, { from, conversationId: newConversationId(), verb, data, locale }));
  expect(res.status).toBe(200);
  const body = res.body as CardInvokeResponse;
  expect(body).toMatchObject({ statusCode: 200, type: "application/vnd.microsoft.card.adaptive" });
  return body.value as AdaptiveCard;
}

const NO_ROLE = { fr: "Aucun rôle Comptoir sur votre compte", en: "Your account has no Comptoir role" };
const NO_ACCESS = { fr: "Aucun espace client sur votre compte", en: "No client space on your account" };
const lang = (locale: string) => (locale.startsWith("fr") ? "fr" : "en");

async function invitationsTo(email: string): Promise<number> {
  const stats = (await (await fetch(`${h.app.running.wiring.localGraphUrl}/_control/stats`)).json()) as {
    invitationsByEmail: Record<string, number>;
  };
  return stats.invitationsByEmail[email.toLowerCase()] ?? 0;
}

describe("people without a staff role get their card for every staff command and verb", () => {
  it("a member of the firm without a role: the card naming what the admin must do, in French and English", async () => {
    const member = directoryPerson(h, "Member");
    for (const command of staffCommands(target)) {
      const card = await ask(h, { from: member, conversationId: newConversationId(), ...command });
      expect(allText(card), command.text).toContain(NO_ROLE[lang(command.locale)]);
      expect(allText(card)).toContain("Firm.Staff");
      expect(staffDataIn(allText(card), target), command.text).toEqual([]);
    }
    for (const { verb, data } of staffVerbs(target)) {
      for (const locale of ["fr-FR", "en-US"]) {
        const card = await click(member, verb, data, locale);
        expect(allText(card), verb).toContain(NO_ROLE[lang(locale)]);
        expect(staffDataIn(allText(card), target), verb).toEqual([]);
      }
    }
  });

  it("an unbound guest: the no-access card, and nothing else", async () => {
    const guest = directoryPerson(h, "Guest");
    for (const command of staffCommands(target)) {
      const card = await ask(h, { from: guest, conversationId: newConversationId(), ...command });
      expect(allText(card), command.text).toContain(NO_ACCESS[lang(command.locale)]);
      expect(staffDataIn(allText(card), target), command.text).toEqual([]);
    }
    for (const { verb, data } of staffVerbs(target)) {
      const card = await click(guest, verb, data);
      expect(allText(card), verb).toContain(NO_ACCESS.fr);
      expect(staffDataIn(allText(card), target), verb).toEqual([]);
    }
  });

  it("a guest holding a Comptoir role is still no staff in chat: staff are members", async () => {
    const guest = directoryPerson(h, "Guest", ["Firm.Staff"]);
    const card = await ask(h, {
      from: guest,
      conversationId: newConversationId(),
      text: `dossier ${target.dossier.code}`,
    });
    expect(allText(card)).toContain(NO_ACCESS.fr);
  });

  it("a client: their own sociétés for any command, a refusal for the staff verbs, their welcome card", async () => {
    for (const command of staffCommands(target)) {
      const card = await ask(h, { from: client, conversationId: newConversationId(), ...command });
      expect(allText(card), command.text).toContain(lang(command.locale) === "fr" ? "Vos sociétés" : "Your companies");
      expect(staffDataIn(allText(card), target), command.text).toEqual([]);
    }
    for (const { verb, data } of staffVerbs(target)) {
      const card = await click(client, verb, data);
      if (verb === "welcome.refresh") expect(allText(card)).toContain("Bienvenue dans votre espace collaboratif");
      else expect(allText(card), verb).toContain("Code : FORBIDDEN");
      expect(staffDataIn(allText(card), target), verb).toEqual([]);
    }
  });

  it("someone the directory does not know: the stranger card, the FORBIDDEN card for verbs", async () => {
    const nobody = stranger();
    const card = await ask(h, {
      from: nobody,
      conversationId: newConversationId(),
      text: `statut ${target.dossier.code}`,
    });
    expect(allText(card)).toContain("Compte non reconnu");
    for (const { verb, data } of staffVerbs(target))
      expect(allText(await click(nobody, verb, data)), verb).toContain("Code : FORBIDDEN");
  });

  it("none of it touched the domain: no proposal, no invitation", async () => {
    expect(await subscriptionsOf(h.app, target.dossier.id)).toEqual([]);
    expect(await invitationsTo(target.contact.email)).toBe(0);
  });
});

describe("staff: members holding Firm.Staff or Firm.Admin", () => {
  it("the demo staff and admin, and a new collaborator, get the answers of every command", async () => {
    const admin: TeamsPerson = { oid: PERSONS.admin.oid, name: PERSONS.admin.name, teamsId: "29:1aurelie" };
    for (const from of [STAFF, admin, directoryPerson(h, "Member", ["Firm.Staff"])]) {
      for (const command of staffCommands(target)) {
        const card = await ask(h, { from, conversationId: newConversationId(), ...command });
        expect(allText(card), `${from.name}: ${command.text}`).toContain(command.staffSees);
      }
    }
  });

  it("a role held through a group the member belongs to counts, as Graph reports it", async () => {
    const person = directoryPerson(h, "Member");
    const directory = h.app.running.wiring.localDirectory;
    const groupId = randomUUID();
    directory.addGroup({ id: groupId, displayName: "Associés", members: [person.oid] });
    directory.assignAppRole({ principalId: groupId, appId: LOCAL_APP_CLIENT_ID, role: "Firm.Staff" });
    const card = await ask(h, {
      from: person,
      conversationId: newConversationId(),
      text: `dossier ${target.dossier.code}`,
    });
    expect(allText(card)).toContain(target.dossier.name);
  });

  it("every verb works for staff, and service.propose proposes (then the pipeline invites)", async () => {
    const answers: Record<string, string> = {
      "service.propose": "Service proposé",
      "proposal.open": "Proposer un service collaboratif",
      "status.refresh": "Statut des services",
      "welcome.refresh": "Bienvenue dans votre espace collaboratif",
    };
    for (const { verb, data } of staffVerbs(target))
      expect(allText(await click(STAFF, verb, data)), verb).toContain(answers[verb]);
    expect(await subscriptionsOf(h.app, target.dossier.id)).toHaveLength(1);
    await h.app.running.pipeline.idle();
    expect(await invitationsTo(target.contact.email)).toBe(1);
  });
});

describe("the directory lookup", () => {
  it("fails closed: when Graph refuses to list app role assignments, a collaborator is nobody", async () => {
    const person = directoryPerson(h, "Member", ["Firm.Staff"]);
    const res = await fetch(`${h.app.running.wiring.localGraphUrl}/_control/faults`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ match: `GET /v1.0/users/${person.oid}/appRoleAssignments`, status: 403 }),
    });
    expect(res.status).toBe(201);
    try {
      const card = await ask(h, {
        from: person,
        conversationId: newConversationId(),
        text: `dossier ${target.dossier.code}`,
      });
      expect(allText(card)).toContain("Compte non reconnu");
      expect(staffDataIn(allText(card), target)).toEqual([]);
    } finally {
      await fetch(`${h.app.running.wiring.localGraphUrl}/_control/faults`, { method: "DELETE" });
    }
  });

  it("a member without a role who installs the app is told what to ask for, and gets no staff notifications", async () => {
    const member = directoryPerson(h, "Member");
    const conversationId = newConversationId();
    // Remembered as staff before their role was removed in Entra ID…
    await h.refs.save(
      TEST_TENANT,
      {
        userOid: member.oid,
        role: "staff",
        reference: {
          channelId: "msteams",
          serviceUrl: h.connector.url,
          conversation: { id: conversationId, conversationType: "personal", tenantId: TEST_TENANT, isGroup: false },
          user: { id: member.teamsId, name: member.name },
          agent: BOT_ACCOUNT,
        },
        updatedAt: new Date().toISOString(),
      },
      null,
    );
    expect((await h.refs.listStaff(TEST_TENANT)).map((s) => s.userOid)).toContain(member.oid);
    // …their next activity forgets them.
    const res = await h.post(botAdded(h, { from: member, conversationId }));
    expect(res.status).toBe(200);
    expect(allText(cardsIn(h, conversationId).at(-1))).toContain(NO_ROLE.fr);
    expect((await h.refs.listStaff(TEST_TENANT)).map((s) => s.userOid)).not.toContain(member.oid);
  });
});
