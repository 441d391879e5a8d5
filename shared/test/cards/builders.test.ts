import { describe, expect, it } from "vitest";
import {
  ADAPTIVE_CARD_SCHEMA,
  MAX_LIST_ITEMS,
  MAX_REFRESH_USER_IDS,
  PROPOSAL_INPUT_IDS,
  SUBMIT_VERB_KEY,
  VERBS,
  clientSocietesCard,
  contactCard,
  dossierCard,
  errorCard,
  formatDateTime,
  helpCard,
  notificationCard,
  parseCommand,
  proposalCard,
  proposalResultCard,
  statusCard,
  statusLabel,
  welcomeCard,
  type AdaptiveCard,
  type ChoiceSetInput,
  type Container,
  type FactSet,
  type WelcomeCardInput,
} from "../../src/cards/index";
import { SUBSCRIPTION_STATUSES } from "../../src/domain/service-subscription";
import {
  CONTACTS,
  DOSSIER,
  SERVICES,
  SPACE_LINK,
  SUMMER_INSTANT,
  WINTER_INSTANT,
  actionsOf,
  allCardVariants,
  elementsOf,
  executeActions,
  many,
  visibleText,
} from "./fixtures";

const factSets = (card: AdaptiveCard) => elementsOf(card).filter((e): e is FactSet => e.type === "FactSet");
const allFacts = (card: AdaptiveCard) =>
  Object.fromEntries(factSets(card).flatMap((s) => s.facts.map((f) => [f.title, f.value])));
const choiceSets = (card: AdaptiveCard) =>
  elementsOf(card).filter((e): e is ChoiceSetInput => e.type === "Input.ChoiceSet");
function utf8Length(text: string): number {
  let bytes = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    bytes += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }
  return bytes;
}
const errorContainer = (card: AdaptiveCard) =>
  elementsOf(card).find((e): e is Container => e.type === "Container" && e.style === "attention");

describe("every card", () => {
  const variants = allCardVariants();

  it.each(variants)("$name is an Adaptive Card 1.5 in its language, with no placeholder left", ({ name, card }) => {
    expect(card.type).toBe("AdaptiveCard");
    expect(card.version).toBe("1.5");
    expect(card.$schema).toBe(ADAPTIVE_CARD_SCHEMA);
    expect(card.lang).toBe(name.slice(0, 2));
    expect(card.fallbackText).toBeTruthy();
    expect(JSON.stringify(card)).not.toMatch(/\{[A-Za-z]\w*\}/);
    // Teams refuses cards over about 28 KB.
    expect(utf8Length(JSON.stringify(card))).toBeLessThan(28_000);
  });

  it.each(variants)("$name: every Action.Execute uses a known verb and falls back to Action.Submit", ({ card }) => {
    const known: string[] = Object.values(VERBS);
    for (const action of executeActions(card)) {
      expect(known).toContain(action.verb);
      if (action === card.refresh?.action) {
        expect(action.fallback).toBeUndefined();
        continue;
      }
      expect(action.fallback).toEqual({
        type: "Action.Submit",
        title: action.title,
        data: { ...action.data, [SUBMIT_VERB_KEY]: action.verb },
        ...(action.style ? { style: action.style } : {}),
      });
    }
  });
});

describe("statusLabel", () => {
  it("names every status in French and English", () => {
    expect(SUBSCRIPTION_STATUSES.map((s) => statusLabel("fr", s))).toEqual([
      "Proposé",
      "Invité",
      "Accepté",
      "Actif",
      "Révoqué",
    ]);
    expect(SUBSCRIPTION_STATUSES.map((s) => statusLabel("en", s))).toEqual([
      "Proposed",
      "Invited",
      "Accepted",
      "Active",
      "Revoked",
    ]);
  });
});

describe("formatDateTime", () => {
  it("shows the Paris wall clock, winter and summer", () => {
    expect(formatDateTime("fr", WINTER_INSTANT)).toBe("5 janvier 2025 à 14:30");
    expect(formatDateTime("en", WINTER_INSTANT)).toBe("5 January 2025 at 14:30");
    expect(formatDateTime("fr", SUMMER_INSTANT)).toBe("1 juillet 2025 à 14:00");
    expect(formatDateTime("fr", new Date(SUMMER_INSTANT))).toBe(formatDateTime("fr", SUMMER_INSTANT));
  });

  it("shows an unreadable value as is instead of failing the whole card", () => {
    expect(formatDateTime("fr", "pas une date")).toBe("pas une date");
  });
});

describe("welcomeCard", () => {
  const base: WelcomeCardInput = {
    locale: "fr",
    firmName: "Cabinet Durand",
    dossier: DOSSIER,
    serviceLabel: "Offre Consultation (Start)",
    status: "invited",
    spaceLink: SPACE_LINK,
    subscriptionId: "sub-42",
    userIds: ["29:client-mri"],
  };

  it("shows firm, dossier, service and status, and opens the space", () => {
    const card = welcomeCard(base);
    expect(allFacts(card)).toEqual({
      Cabinet: "Cabinet Durand",
      Dossier: "000097 – ROLL N CO 2",
      Service: "Offre Consultation (Start)",
      Statut: "Invité",
    });
    expect(card.actions).toEqual([{ type: "Action.OpenUrl", title: "Ouvrir mon espace", url: SPACE_LINK }]);
    expect(visibleText(card)).toContain("Acceptez l'invitation");
  });

  it("refreshes itself for the client with welcome.refresh and the subscription id", () => {
    const card = welcomeCard(base);
    expect(card.refresh?.userIds).toEqual(["29:client-mri"]);
    expect(card.refresh?.action).toMatchObject({
      type: "Action.Execute",
      verb: VERBS.refreshWelcome,
      data: { subscriptionId: "sub-42" },
    });
  });

  it("keeps at most 60 user ids (the Teams limit for automatic refresh)", () => {
    const userIds = many(75, (i) => `29:user-${i}`);
    const card = welcomeCard({ ...base, userIds });
    expect(card.refresh?.userIds).toEqual(userIds.slice(0, MAX_REFRESH_USER_IDS));
    expect(MAX_REFRESH_USER_IDS).toBe(60);
  });

  it("speaks English and takes a custom help text", () => {
    const card = welcomeCard({ ...base, locale: "en", status: "active", helpText: "Call us on Mondays." });
    expect(allFacts(card)).toMatchObject({ Firm: "Cabinet Durand", Status: "Active" });
    expect(card.actions?.[0]).toMatchObject({ title: "Open my space" });
    expect(visibleText(card)).toContain("Call us on Mondays.");
    expect(visibleText(card)).not.toContain("read-only");
  });

  it("no longer offers the space once revoked", () => {
    const card = welcomeCard({ ...base, status: "revoked" });
    expect(card.actions).toBeUndefined();
    expect(allFacts(card)["Statut"]).toBe("Révoqué");
    expect(visibleText(card)).toContain("révoqué");
  });
});

describe("proposalCard", () => {
  const base = { locale: "fr" as const, dossier: DOSSIER, contacts: CONTACTS, services: SERVICES };

  it("asks for a contact and a service, both required, with localized labels and messages", () => {
    const [contact, service] = choiceSets(proposalCard(base));
    expect(contact).toMatchObject({
      id: PROPOSAL_INPUT_IDS.contact,
      label: "Interlocuteur",
      isRequired: true,
      errorMessage: "Choisissez un interlocuteur.",
      choices: [
        { title: "Client Collaboratif (client.collaboratif@example.fr)", value: "ct-1" },
        { title: "Élodie Martin (elodie.martin@example.fr)", value: "ct-2" },
      ],
    });
    expect(contact?.value).toBeUndefined();
    expect(service).toMatchObject({
      id: PROPOSAL_INPUT_IDS.service,
      label: "Service",
      isRequired: true,
      errorMessage: "Choisissez un service.",
      choices: SERVICES.map((s) => ({ title: s.label, value: s.id })),
    });
    const [en] = choiceSets(proposalCard({ ...base, locale: "en" }));
    expect(en).toMatchObject({ label: "Contact", errorMessage: "Choose a contact." });
  });

  it("*Proposer* executes service.propose with the dossier id, and submits the same for older clients", () => {
    const card = proposalCard(base);
    expect(card.actions).toEqual([
      {
        type: "Action.Execute",
        title: "Proposer",
        verb: VERBS.propose,
        data: { dossierId: DOSSIER.id },
        style: "positive",
        fallback: {
          type: "Action.Submit",
          title: "Proposer",
          data: { dossierId: DOSSIER.id, verb: VERBS.propose },
          style: "positive",
        },
      },
    ]);
  });

  it("shows no error block unless given one, then shows its message and code", () => {
    expect(errorContainer(proposalCard(base))).toBeUndefined();
    const card = proposalCard({
      ...base,
      error: { code: "LINK_NOT_FOUND", message: "Cet interlocuteur n'est pas associé." },
    });
    const block = errorContainer(card);
    expect(block?.id).toBe("error");
    const texts = block?.items.map((i) => (i.type === "TextBlock" ? i.text : ""));
    expect(texts).toEqual([
      "La proposition n'a pas abouti",
      "Cet interlocuteur n'est pas associé.",
      "Code : LINK_NOT_FOUND",
    ]);
    // the block comes before the inputs, where the eye starts
    const order = card.body.map((e) => e.type);
    expect(order.indexOf("Container")).toBeLessThan(order.indexOf("Input.ChoiceSet"));
  });

  it("keeps the previous choices, preselects a lone choice, ignores a choice no longer offered", () => {
    const kept = choiceSets(proposalCard({ ...base, selected: { contactId: "ct-2", serviceId: "consultation-tpe" } }));
    expect(kept.map((c) => c.value)).toEqual(["ct-2", "consultation-tpe"]);
    const lone = choiceSets(proposalCard({ ...base, contacts: CONTACTS.slice(1), services: SERVICES.slice(0, 1) }));
    expect(lone.map((c) => c.value)).toEqual(["ct-2", "consultation"]);
    const gone = choiceSets(proposalCard({ ...base, selected: { contactId: "ct-9" } }));
    expect(gone[0]?.value).toBeUndefined();
  });

  it("explains, without inputs nor action, when there is nobody or nothing to propose", () => {
    const noContacts = proposalCard({ ...base, contacts: [] });
    expect(choiceSets(noContacts)).toEqual([]);
    expect(noContacts.actions).toBeUndefined();
    expect(visibleText(noContacts)).toContain("Aucun interlocuteur n'est associé à ce dossier");
    const noServices = proposalCard({ ...base, locale: "en", services: [] });
    expect(noServices.actions).toBeUndefined();
    expect(visibleText(noServices)).toContain("No collaborative service is available");
  });
});

describe("proposalResultCard", () => {
  const base = {
    locale: "fr" as const,
    dossier: DOSSIER,
    contactName: "Client Collaboratif",
    serviceLabel: "Offre Consultation (Start)",
    status: "proposed" as const,
  };

  it("says what was proposed, to whom, by whom and when", () => {
    const card = proposalResultCard({ ...base, created: true, proposedBy: "Camille Expert", at: WINTER_INSTANT });
    expect(card.body[0]).toMatchObject({ text: "Service proposé" });
    expect(visibleText(card)).toContain(
      "Le service « Offre Consultation (Start) » a été proposé à Client Collaboratif sur le dossier 000097 – ROLL N CO 2.",
    );
    expect(allFacts(card)).toEqual({
      Dossier: "000097 – ROLL N CO 2",
      Interlocuteur: "Client Collaboratif",
      Service: "Offre Consultation (Start)",
      Statut: "Proposé",
      "Proposé par": "Camille Expert",
      Date: "5 janvier 2025 à 14:30",
    });
    expect(executeActions(card)).toMatchObject([{ verb: VERBS.refreshStatus, data: { dossierId: DOSSIER.id } }]);
  });

  it("tells an existing proposal apart", () => {
    const card = proposalResultCard({ ...base, locale: "en", created: false, status: "accepted" });
    expect(card.body[0]).toMatchObject({ text: "Service already proposed" });
    expect(visibleText(card)).toContain("nothing was added");
    expect(allFacts(card)).not.toHaveProperty("Proposed by");
    expect(allFacts(card)["Status"]).toBe("Accepted");
  });
});

describe("dossierCard", () => {
  const dossier = {
    ...DOSSIER,
    siren: "552100554",
    responsible: { oid: "oid-1", name: "Camille Expert" },
    consultationActive: true,
    extensionActive: false,
  };

  it("shows the dossier, its offer and services, with *Proposer* (proposal.open)", () => {
    const card = dossierCard({
      locale: "fr",
      dossier,
      services: [
        { contactName: "Client Collaboratif", serviceLabel: "Offre Consultation (Start)", status: "accepted" },
      ],
    });
    expect(card.body[0]).toMatchObject({ text: "Dossier 000097 – ROLL N CO 2" });
    expect(allFacts(card)).toEqual({
      SIREN: "552100554",
      Collaborateur: "Camille Expert",
      "Offre Consultation": "Activée",
      "Extension collaborative": "Désactivée",
      "Client Collaboratif": "Offre Consultation (Start) — Accepté",
    });
    expect(executeActions(card).map((a) => [a.title, a.verb, a.data])).toEqual([
      ["Proposer", VERBS.openProposal, { dossierId: DOSSIER.id }],
      ["Voir le statut", VERBS.refreshStatus, { dossierId: DOSSIER.id }],
    ]);
    expect(actionsOf(card).some((a) => a.type === "Action.OpenUrl")).toBe(false);
  });

  it("fills blanks, says when there is no service, and links to the tab when asked", () => {
    const card = dossierCard({
      locale: "en",
      dossier: { ...dossier, siren: null, responsible: null },
      services: [],
      openLink: "https://teams.microsoft.com/l/entity/app/staff",
    });
    expect(allFacts(card)).toMatchObject({ SIREN: "Not set", "Accountant in charge": "Not set" });
    expect(visibleText(card)).toContain("No collaborative service on this dossier.");
    expect(actionsOf(card)).toContainEqual({
      type: "Action.OpenUrl",
      title: "Open in Comptoir",
      url: "https://teams.microsoft.com/l/entity/app/staff",
    });
  });

  it("cuts long service lists and counts the rest", () => {
    const services = many(MAX_LIST_ITEMS + 5, (i) => ({
      contactName: `Contact ${i}`,
      serviceLabel: "S",
      status: "active" as const,
    }));
    const card = dossierCard({ locale: "fr", dossier, services });
    const serviceFacts = factSets(card)[1]?.facts ?? [];
    expect(serviceFacts).toHaveLength(MAX_LIST_ITEMS);
    expect(visibleText(card)).toContain("… et 5 autres");
  });
});

describe("contactCard", () => {
  it("shows the contact's details, role, last sign-in and dossiers", () => {
    const card = contactCard({
      locale: "fr",
      contact: {
        name: "Élodie Martin",
        email: "elodie.martin@example.fr",
        phone: "+33123456789",
        mobile: null,
        lastSignInAt: SUMMER_INSTANT,
      },
      roleLabel: "Dirigeant",
      dossiers: [DOSSIER, { code: "000100", name: "TESTROLNCO" }],
    });
    expect(card.body[0]).toMatchObject({ text: "Élodie Martin" });
    expect(allFacts(card)).toEqual({
      "E-mail": "elodie.martin@example.fr",
      Téléphone: "+33123456789",
      "Rôle organisationnel": "Dirigeant",
      "Dernière connexion": "1 juillet 2025 à 14:00",
    });
    expect(visibleText(card)).toContain("000097 – ROLL N CO 2\n000100 – TESTROLNCO");
    expect(card.actions).toBeUndefined();
  });

  it("says when the contact never signed in or has no dossier", () => {
    const card = contactCard({
      locale: "en",
      contact: { name: "Client Collaboratif", email: "c@example.fr" },
      roleLabel: "Comptable",
      dossiers: [],
    });
    expect(allFacts(card)["Last sign-in"]).toBe("Never signed in");
    expect(visibleText(card)).toContain("This contact is not linked to any dossier.");
  });

  it("cuts a long dossier list", () => {
    const card = contactCard({
      locale: "en",
      contact: { name: "A", email: "a@example.fr" },
      roleLabel: "R",
      dossiers: many(MAX_LIST_ITEMS + 1, (i) => ({ code: `C${i}`, name: `N${i}` })),
    });
    expect(visibleText(card)).toContain(`C${MAX_LIST_ITEMS - 1} – N${MAX_LIST_ITEMS - 1}`);
    expect(visibleText(card)).not.toContain(`C${MAX_LIST_ITEMS} – `);
    expect(visibleText(card)).toContain("… and 1 more");
  });
});

describe("statusCard", () => {
  it("shows one block per service with status and last sign-in, and refreshes with status.refresh", () => {
    const card = statusCard({
      locale: "fr",
      dossier: DOSSIER,
      rows: [
        { contactName: "Client Collaboratif", serviceLabel: "Start", status: "active", lastSignInAt: WINTER_INSTANT },
        { contactName: "Élodie Martin", serviceLabel: "TPE", status: "invited", lastSignInAt: null },
      ],
    });
    expect(card.body[0]).toMatchObject({ text: "Statut des services – 000097 – ROLL N CO 2" });
    const blocks = card.body.filter((e): e is Container => e.type === "Container");
    expect(blocks).toHaveLength(2);
    expect(blocks[0]?.items[0]).toMatchObject({ text: "Client Collaboratif", weight: "bolder" });
    expect(factSets(card).map((s) => s.facts.map((f) => f.value))).toEqual([
      ["Start", "Actif", "5 janvier 2025 à 14:30"],
      ["TPE", "Invité", "Jamais connecté"],
    ]);
    expect(executeActions(card).map((a) => [a.title, a.verb, a.data])).toEqual([
      ["Actualiser", VERBS.refreshStatus, { dossierId: DOSSIER.id }],
      ["Proposer", VERBS.openProposal, { dossierId: DOSSIER.id }],
    ]);
  });

  it("says when the dossier has no service, and cuts long lists", () => {
    expect(visibleText(statusCard({ locale: "en", dossier: DOSSIER, rows: [] }))).toContain(
      "No collaborative service on this dossier.",
    );
    const rows = many(MAX_LIST_ITEMS + 3, (i) => ({
      contactName: `C${i}`,
      serviceLabel: "S",
      status: "proposed" as const,
      lastSignInAt: null,
    }));
    const card = statusCard({ locale: "en", dossier: DOSSIER, rows });
    expect(card.body.filter((e) => e.type === "Container")).toHaveLength(MAX_LIST_ITEMS);
    expect(visibleText(card)).toContain("… and 3 more");
  });
});

describe("helpCard", () => {
  it("lists the five commands in French", () => {
    const titles = factSets(helpCard({ locale: "fr" }))[0]?.facts.map((f) => f.title);
    expect(titles).toEqual([
      "aide",
      "dossier <code ou nom>",
      "interlocuteur <e-mail ou nom>",
      "proposer <code>",
      "statut <code>",
    ]);
  });

  it("lists them in English", () => {
    const titles = factSets(helpCard({ locale: "en" }))[0]?.facts.map((f) => f.title);
    expect(titles).toEqual([
      "help",
      "dossier <code or name>",
      "contact <email or name>",
      "propose <code>",
      "status <code>",
    ]);
  });

  it("only documents commands the parser understands", () => {
    for (const locale of ["fr", "en"] as const) {
      const names = factSets(helpCard({ locale }))[0]?.facts.map((f) => parseCommand(f.title.split(" ")[0]).name);
      expect(names).toEqual(["help", "dossier", "interlocuteur", "proposer", "statut"]);
    }
  });
});

describe("clientSocietesCard", () => {
  it("lists only the given sociétés and opens the client's space", () => {
    const card = clientSocietesCard({
      locale: "fr",
      societes: [{ name: "DIRECT3", code: "000123" }],
      spaceLink: SPACE_LINK,
    });
    expect(card.body[0]).toMatchObject({ text: "Vos sociétés" });
    expect(visibleText(card)).toContain("DIRECT3 (000123)");
    expect(card.actions).toEqual([{ type: "Action.OpenUrl", title: "Ouvrir mon espace", url: SPACE_LINK }]);
    expect(executeActions(card)).toEqual([]);
  });

  it("says when nothing is consultable yet", () => {
    const card = clientSocietesCard({ locale: "en", societes: [], spaceLink: SPACE_LINK });
    expect(visibleText(card)).toContain("No company can be viewed from your account yet.");
    expect(card.actions).toHaveLength(1);
  });
});

describe("notificationCard", () => {
  it("tells staff a client accepted, with when and a way to the status", () => {
    const card = notificationCard({
      locale: "fr",
      kind: "accepted",
      contactName: "Client Collaboratif",
      dossier: DOSSIER,
      at: WINTER_INSTANT,
      serviceLabel: "Offre Consultation (Start)",
    });
    expect(card.body[0]).toMatchObject({ text: "Service accepté" });
    expect(visibleText(card)).toContain(
      "Client Collaboratif a accepté le service collaboratif sur le dossier 000097 – ROLL N CO 2.",
    );
    expect(allFacts(card)).toEqual({
      Interlocuteur: "Client Collaboratif",
      Dossier: "000097 – ROLL N CO 2",
      Service: "Offre Consultation (Start)",
      Date: "5 janvier 2025 à 14:30",
    });
    expect(executeActions(card)).toMatchObject([{ verb: VERBS.refreshStatus, data: { dossierId: DOSSIER.id } }]);
  });

  it("tells staff about a first sign-in, in English", () => {
    const card = notificationCard({
      locale: "en",
      kind: "firstSignIn",
      contactName: "Élodie Martin",
      dossier: DOSSIER,
      at: SUMMER_INSTANT,
    });
    expect(card.body[0]).toMatchObject({ text: "First sign-in" });
    expect(visibleText(card)).toContain("Élodie Martin signed in to their collaborative space for the first time");
    expect(allFacts(card)).not.toHaveProperty("Service");
    expect(allFacts(card)["Date"]).toBe("1 July 2025 at 14:00");
  });
});

describe("errorCard", () => {
  it("shows the message in an attention block, with the code when given", () => {
    const card = errorCard({ locale: "fr", message: "Ce dossier client est introuvable.", code: "DOSSIER_NOT_FOUND" });
    const block = errorContainer(card);
    expect(block?.items.map((i) => (i.type === "TextBlock" ? i.text : ""))).toEqual([
      "Une erreur est survenue",
      "Ce dossier client est introuvable.",
      "Code : DOSSIER_NOT_FOUND",
    ]);
    const bare = errorContainer(errorCard({ locale: "en", message: "Oops." }));
    expect(bare?.items.map((i) => (i.type === "TextBlock" ? i.text : ""))).toEqual(["Something went wrong", "Oops."]);
  });
});
