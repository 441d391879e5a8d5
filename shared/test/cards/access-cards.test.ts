import { beforeAll, describe, expect, it } from "vitest";
import { ADAPTIVE_CARD_SCHEMA, noAccessCard, noRoleCard, type AdaptiveCard } from "../../src/cards/index";
import type { Locale } from "../../src/i18n/locale";
import { droppedKeys, loadAdaptiveCards, parseWithLibrary, type AdaptiveCardsLib } from "./adaptivecards-lib";
import { actionsOf, visibleText } from "./fixtures";

const LOCALES: readonly Locale[] = ["fr", "en"];
const variants = LOCALES.flatMap((locale) => [
  { name: `${locale} noRole`, locale, card: noRoleCard({ locale }) },
  { name: `${locale} noAccess`, locale, card: noAccessCard({ locale }) },
]);

describe("the access cards (member without a role, unbound guest)", () => {
  it.each(variants)("$name is an Adaptive Card 1.5 in its language, with no placeholder and no action", (v) => {
    const card: AdaptiveCard = v.card;
    expect(card).toMatchObject({ type: "AdaptiveCard", version: "1.5", $schema: ADAPTIVE_CARD_SCHEMA, lang: v.locale });
    expect(card.fallbackText).toBeTruthy();
    expect(JSON.stringify(card)).not.toMatch(/\{[A-Za-z]\w*\}/);
    // Nothing to click: the reader may do nothing in Comptoir yet.
    expect(actionsOf(card)).toEqual([]);
  });

  it("tells a member without a role what the firm's admin must do, in French and in English", () => {
    const fr = visibleText(noRoleCard({ locale: "fr" }));
    expect(fr).toContain("Aucun rôle Comptoir sur votre compte");
    expect(fr).toContain("administrateur de votre cabinet");
    expect(fr).toContain("Microsoft Entra ID");
    expect(fr).toContain("Applications d'entreprise › Comptoir › Utilisateurs et groupes");
    expect(fr).toMatch(/Firm\.Staff\nCollaborateur du cabinet/);
    expect(fr).toMatch(/Firm\.Admin\nAdministrateur du cabinet/);

    const en = visibleText(noRoleCard({ locale: "en" }));
    expect(en).toContain("Your account has no Comptoir role");
    expect(en).toContain("Enterprise applications › Comptoir › Users and groups");
    expect(en).toMatch(/Firm\.Staff\nFirm staff/);
    expect(en).toMatch(/Firm\.Admin\nFirm administrator/);
  });

  it("tells an unbound guest there is no client space, without naming any role or the firm's data", () => {
    const fr = visibleText(noAccessCard({ locale: "fr" }));
    expect(fr).toContain("Aucun espace client sur votre compte");
    expect(fr).toContain("lien reçu par e-mail");
    const en = visibleText(noAccessCard({ locale: "en" }));
    expect(en).toContain("No client space on your account");
    for (const text of [fr, en]) expect(text).not.toMatch(/Firm\.(Staff|Admin)/);
  });

  describe("parsed by the adaptivecards library", () => {
    let lib: AdaptiveCardsLib;
    beforeAll(async () => {
      lib = await loadAdaptiveCards();
    });

    it.each(variants)("$name parses without warnings and keeps every property", ({ card }) => {
      const { events, roundTrip } = parseWithLibrary(lib, card);
      // The library's `lang` check is flaky (a global regex); the language is asserted above.
      expect(events.filter((e) => !/property "lang"/.test(e.message)).map((e) => e.message)).toEqual([]);
      expect(droppedKeys(card, roundTrip, (parent, key) => key === "lang" && parent.type === "AdaptiveCard")).toEqual(
        [],
      );
    });
  });
});
