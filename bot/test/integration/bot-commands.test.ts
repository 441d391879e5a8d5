import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  allText,
  ask,
  linkedDossier,
  newConversationId,
  STAFF,
  startBotHarness,
  type BotHarness,
} from "./bot-fixtures";
import { dossierWithOffer, newContact, newRole, unique } from "./fixtures";
import { call } from "./harness";

let h: BotHarness;
beforeAll(async () => {
  h = await startBotHarness();
});
afterAll(() => h.close());

const staffSays = (text: string, locale = "fr-FR") =>
  ask(h, { from: STAFF, conversationId: newConversationId(), text, locale });

describe("staff commands, in French and English", () => {
  it("answers aide / help with the help card in the reader's language", async () => {
    const fr = await staffSays("aide");
    expect(fr.lang).toBe("fr");
    expect(allText(fr)).toContain("Ce que je peux faire pour vous");
    expect(allText(fr)).toContain("interlocuteur <e-mail ou nom>");

    const en = await staffSays("help", "en-US");
    expect(en.lang).toBe("en");
    expect(allText(en)).toContain("What I can do for you");
  });

  it("never stays silent: unknown text, an empty message or a mention alone get the help card", async () => {
    for (const text of ["bonjour", "", "<at>Comptoir</at>", "qu'est-ce que tu sais faire ?"]) {
      const card = await staffSays(text);
      expect(allText(card)).toContain("Ce que je peux faire pour vous");
    }
  });

  it("answers a message over the length cap with a notice, before reading it (fr, en)", async () => {
    const long = `aide ${"<at".repeat(100_000)}`;
    const fr = await staffSays(long);
    expect(allText(fr)).toContain("Message trop long");
    expect(allText(fr)).toContain("4\u202f000 caractères");
    expect(allText(fr)).not.toContain("Ce que je peux faire pour vous");
    const en = await staffSays(long, "en-US");
    expect(allText(en)).toContain("I do not read messages longer than 4,000 characters");
    expect(allText(await staffSays(`aide ${"x".repeat(3_000)}`))).toContain("Ce que je peux faire pour vous");
  });

  it("shows a dossier by code, whatever the case and accents of the command and the query", async () => {
    const code = unique("B").slice(0, 12).toUpperCase();
    const { dossier, contact } = await linkedDossier(h.app, { dossier: { code, name: `Épicerie Fine ${code}` } });

    const byCode = await staffSays(`dossier ${code.toLowerCase()}`);
    expect(allText(byCode)).toContain(`Dossier ${dossier.code} – ${dossier.name}`);
    expect(allText(byCode)).toContain("Offre Consultation");
    // The dossier card's actions carry the dossier id for *Proposer* and *Voir le statut*.
    expect(JSON.stringify(byCode.actions)).toContain(dossier.id);

    const byName = await staffSays(`DÖSSIER epicerie fine ${code}`);
    expect(allText(byName)).toContain(dossier.name);

    const en = await staffSays(`File ${code}`, "en-GB");
    expect(en.lang).toBe("en");
    expect(allText(en)).toContain("Consultation offer");
    expect(allText(en)).not.toContain(contact.email);
  });

  it("lists several matches, says when nothing matches, and asks for the missing argument", async () => {
    const stem = unique("Menuiserie ");
    await dossierWithOffer(h.app, { name: `${stem} Nord` });
    await dossierWithOffer(h.app, { name: `${stem} Sud` });
    const many = await staffSays(`dossier ${stem}`);
    expect(allText(many)).toContain(`Plusieurs dossiers correspondent à « ${stem} »`);
    expect(allText(many)).toContain(`${stem} Nord`);
    expect(allText(many)).toContain(`${stem} Sud`);

    const none = await staffSays("dossier zzz-introuvable-42");
    expect(allText(none)).toContain("Aucun dossier ne correspond à « zzz-introuvable-42 »");
    const noneEn = await staffSays("file zzz-introuvable-42", "en");
    expect(allText(noneEn)).toContain("No dossier matches “zzz-introuvable-42”");

    expect(allText(await staffSays("dossier"))).toContain("Indiquez le code ou le nom du dossier");
    expect(allText(await staffSays("statut"))).toContain("« statut 000097 »");
  });

  it("shows a contact by e-mail or name: interlocuteur / contact", async () => {
    const { dossier, contact } = await linkedDossier(h.app);
    const byEmail = await staffSays(`interlocuteur ${contact.email.toUpperCase()}`);
    expect(allText(byEmail)).toContain(contact.email);
    expect(allText(byEmail)).toContain(`${dossier.code} – ${dossier.name}`);
    expect(allText(byEmail)).toContain("Jamais connecté");

    const role = await newRole(h.app);
    const nom = unique("Lefèvre");
    await newContact(h.app, role.id, { nom, prenom: "Hélène" });
    const byName = await staffSays(`Contact helene ${nom.replace("è", "e")}`, "en-US");
    expect(byName.lang).toBe("en");
    expect(allText(byName)).toContain(`Hélène ${nom}`);
    expect(allText(byName)).toContain("Never signed in");

    expect(allText(await staffSays("interlocuteur personne.inconnue@nulle-part.fr"))).toContain(
      "Aucun interlocuteur ne correspond",
    );
  });

  it("proposer / propose: the proposal card lists the dossier's contacts and the active services", async () => {
    const { dossier, contact } = await linkedDossier(h.app);
    const fr = await staffSays(`proposer ${dossier.code}`);
    expect(allText(fr)).toContain("Proposer un service collaboratif");
    const inputs = JSON.stringify(fr.body);
    expect(inputs).toContain('"Input.ChoiceSet"');
    expect(inputs).toContain(contact.id);
    expect(inputs).toContain('"consultation"');
    expect(JSON.stringify(fr.actions)).toContain("service.propose");

    const en = await staffSays(`PROPOSE ${dossier.code}`, "en-US");
    expect(allText(en)).toContain("Propose a collaborative service");
  });

  it("statut / status: the dossier's services, their status and the last sign-in", async () => {
    const { dossier, contact } = await linkedDossier(h.app);
    const empty = await staffSays(`statut ${dossier.code}`);
    expect(allText(empty)).toContain("Aucun service collaboratif sur ce dossier.");

    // Proposed through the REST API, as in the tab: the bot reads the same data.
    const proposed = await call(h.app, "POST", `/contacts/${contact.id}/dossiers/${dossier.id}/services`, {
      body: { serviceId: "consultation" },
    });
    expect(proposed.status).toBe(201);
    const fr = await staffSays(`Statut ${dossier.code}`);
    expect(allText(fr)).toContain(`${contact.prenom} ${contact.nom}`);
    expect(allText(fr)).toMatch(/Proposé|Invité/);
    expect(allText(fr)).toContain("Jamais connecté");

    const en = await staffSays(`STATUS ${dossier.code}`, "en-US");
    expect(allText(en)).toContain("Service status");
    expect(allText(en)).toMatch(/Proposed|Invited/);
  });
});
