import { beforeAll, describe, expect, it } from "vitest";
import { AppError, LOCALES, type AdaptiveCard } from "@comptoir/shared";
import { botMessages } from "@comptoir/shared/i18n/messages/bot";
import {
  contactMatchesCard,
  dossierMatchesCard,
  errorCardFor,
  errorMessage,
  missingArgCard,
  notFoundCard,
  strangerCard,
} from "../../src/agent/replies";
import {
  loadAdaptiveCards,
  parseWithLibrary,
  type AdaptiveCardsLib,
} from "../../../shared/test/cards/adaptivecards-lib";

const LANG_BUG = /property "lang"/;

function texts(card: AdaptiveCard): string {
  return JSON.stringify(card.body);
}

describe("the bot's own messages", () => {
  it("exist in real French and in English, with the same placeholders", () => {
    for (const [key, { fr, en }] of Object.entries(botMessages)) {
      expect(fr.trim(), key).not.toBe("");
      expect(en.trim(), key).not.toBe("");
      const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(names(fr), key).toEqual(names(en));
    }
    expect(botMessages["bot.stranger.title"].fr).toBe("Compte non reconnu");
  });
});

describe("reply cards", () => {
  let lib: AdaptiveCardsLib;
  beforeAll(async () => {
    lib = await loadAdaptiveCards();
  });

  const dossiers = Array.from({ length: 25 }, (_, i) => ({
    code: `D${String(i).padStart(3, "0")}`,
    name: `Société ${i}`,
  }));
  const contacts = [
    { nom: "Durand", prenom: "Élise", email: "elise.durand@exemple.fr" },
    { nom: "Martin", prenom: "Paul", email: "paul.martin@exemple.fr" },
  ];

  it.each(LOCALES)("parse without warnings (%s)", (locale) => {
    const cards = [
      notFoundCard(locale, "bot.notFound.dossier", "xyz"),
      notFoundCard(locale, "bot.notFound.contact", "xyz"),
      missingArgCard(locale, "…"),
      dossierMatchesCard(locale, "soc", "dossier", dossiers.slice(0, 8), 25),
      contactMatchesCard(locale, "a", contacts, 2),
      strangerCard(locale),
      errorCardFor(locale, new AppError("OFFER_NOT_ACTIVE", { dossier: "000097" })),
    ];
    for (const card of cards) {
      expect(card.lang).toBe(locale);
      const { events } = parseWithLibrary(lib, card);
      expect(events.filter((e) => !LANG_BUG.test(e.message)).map((e) => e.message)).toEqual([]);
    }
  });

  it("lists the first matches, counts the rest and hints at the exact command", () => {
    const card = dossierMatchesCard("fr", "soc", "statut", dossiers.slice(0, 8), 25);
    expect(texts(card)).toContain("Plusieurs dossiers correspondent à « soc »");
    expect(texts(card)).toContain("D007 – Société 7");
    expect(texts(card)).not.toContain("D008");
    expect(texts(card)).toContain("… et 17 autres");
    expect(texts(card)).toContain("« statut D000 »");

    const people = contactMatchesCard("en", "a", contacts, 2);
    expect(texts(people)).toContain("Élise Durand – elise.durand@exemple.fr");
    expect(texts(people)).toContain("“contact elise.durand@exemple.fr”");
  });

  it("turns any failure into a catalogue message, never the raw error", () => {
    expect(errorMessage("fr", new AppError("OFFER_NOT_ACTIVE", { dossier: "000097" }))).toEqual({
      code: "OFFER_NOT_ACTIVE",
      message:
        "L'offre Consultation n'est pas activée sur le dossier 000097. Activez-la d'abord depuis le portefeuille.",
    });
    const internal = errorCardFor("en", new Error("ECONNRESET at socket.js:12"));
    expect(texts(internal)).not.toContain("ECONNRESET");
    expect(texts(internal)).toContain("Code: INTERNAL");
  });

  it("tells a stranger nothing about the firm or its data", () => {
    const card = strangerCard("fr");
    expect(card.actions).toBeUndefined();
    expect(texts(card)).toContain("Je ne trouve aucun espace Comptoir associé à votre compte");
  });
});
