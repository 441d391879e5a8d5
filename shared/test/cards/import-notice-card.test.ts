import { describe, expect, it } from "vitest";
import {
  formatEuros,
  importNoticeCard,
  importNoticePreferenceCard,
  parseActionData,
  SUBMIT_VERB_KEY,
  VERBS,
  type AdaptiveCard,
  type ExecuteAction,
  type OpenUrlAction,
} from "../../src/cards/index";
import { DOSSIER, NOTICE, NOTICE_PREVIOUS } from "./fixtures";

const texts = (card: AdaptiveCard) =>
  JSON.stringify(card.body)
    .replace(/\s/g, " ")
    .replace(/\\u202f/g, " ");
const facts = (card: AdaptiveCard) => {
  const set = card.body.find((e) => e.type === "FactSet");
  return set && set.type === "FactSet" ? set.facts.map((f) => [f.title, f.value.replace(/\s/g, " ")]) : [];
};

describe("importNoticeCard", () => {
  it("shows the three key figures in French, exactly to the cent", () => {
    const card = importNoticeCard({ ...NOTICE, locale: "fr", previous: null, limited: false });
    expect(card.lang).toBe("fr");
    expect(facts(card)).toEqual([
      ["Chiffre d'affaires", "1 234 567,89 €"],
      ["Résultat", "-4 500,00 €"],
      ["Trésorerie", "0,00 €"],
    ]);
    expect(texts(card)).toContain("pour l'exercice clos le 31 décembre 2024");
    expect(texts(card)).toContain("000097");
    expect(texts(card)).not.toContain("N-1");
    expect(texts(card)).not.toContain("limités");
  });

  it("puts N-1 beside each figure when the previous exercice is imported, in English too", () => {
    const fr = importNoticeCard({ ...NOTICE, locale: "fr", previous: NOTICE_PREVIOUS, limited: false });
    expect(facts(fr)[0]).toEqual(["Chiffre d'affaires", "1 234 567,89 € (N-1 : 100 000,00 €)"]);
    expect(facts(fr)[2]).toEqual(["Trésorerie", "0,00 € (N-1 : -0,05 €)"]);
    const en = importNoticeCard({ ...NOTICE, locale: "en", previous: NOTICE_PREVIOUS, limited: true });
    expect(facts(en)).toEqual([
      ["Revenue", "€1,234,567.89 (prior year: €100,000.00)"],
      ["Net income", "-€4,500.00 (prior year: €12.00)"],
      ["Cash", "€0.00 (prior year: -€0.05)"],
    ]);
    expect(texts(en)).toContain("for the year ended 31 December 2024");
    expect(texts(en)).toContain("Figures limited to your establishments.");
  });

  it("opens the synthèse through the Teams deep link and offers to stop, with the verb's data", () => {
    const card = importNoticeCard({ ...NOTICE, locale: "fr", previous: null, limited: false });
    const [open, stop] = card.actions ?? [];
    expect(open).toEqual<OpenUrlAction>({
      type: "Action.OpenUrl",
      title: "Ouvrir la synthèse",
      url: NOTICE.syntheseLink,
    });
    expect(NOTICE.syntheseLink).toMatch(/^https:\/\/teams\.microsoft\.com\/l\/entity\/5f1c2b9e-app\/client\?/);
    const execute = stop as ExecuteAction;
    expect(execute).toMatchObject({ type: "Action.Execute", title: "Ne plus me prévenir", verb: VERBS.importNotices });
    expect(execute.data).toEqual({ dossierId: DOSSIER.id, enabled: false });
    expect(execute.fallback).toMatchObject({
      data: { dossierId: DOSSIER.id, enabled: false, [SUBMIT_VERB_KEY]: "notices.set" },
    });
    expect(parseActionData(VERBS.importNotices, execute.data)).toEqual({
      success: true,
      data: { dossierId: DOSSIER.id, enabled: false },
    });
  });
});

describe("importNoticePreferenceCard", () => {
  it("says the cards are off and offers to turn them back on", () => {
    const card = importNoticePreferenceCard({ locale: "fr", dossierId: DOSSIER.id, enabled: false });
    expect(texts(card)).toContain("Vous ne serez plus prévenu");
    const [again] = card.actions ?? [];
    expect(again).toMatchObject({ title: "Me prévenir à nouveau", verb: VERBS.importNotices });
    expect((again as ExecuteAction).data).toEqual({ dossierId: DOSSIER.id, enabled: true });
  });

  it("says they are on and offers to stop, in English", () => {
    const card = importNoticePreferenceCard({ locale: "en", dossierId: DOSSIER.id, enabled: true });
    expect(texts(card)).toContain("You will be notified");
    expect(card.actions?.[0]).toMatchObject({ title: "Stop notifying me" });
    expect((card.actions?.[0] as ExecuteAction).data).toEqual({ dossierId: DOSSIER.id, enabled: false });
  });
});

describe("the verb's data", () => {
  it("refuses a missing or non-boolean choice", () => {
    expect(parseActionData(VERBS.importNotices, { dossierId: DOSSIER.id }).success).toBe(false);
    expect(parseActionData(VERBS.importNotices, { dossierId: DOSSIER.id, enabled: "false" }).success).toBe(false);
  });

  it("formats any safe integer of cents without float rounding", () => {
    expect(formatEuros("fr", 9_007_199_254_740_991).replace(/\s/g, " ")).toBe("90 071 992 547 409,91 €");
  });
});
