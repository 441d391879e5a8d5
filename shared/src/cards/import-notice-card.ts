import type { Locale } from "../i18n/locale";
import { card, execute, facts, heading, openUrl, paragraph } from "./elements";
import { dossierLabel, t } from "./format";
import type { AdaptiveCard, Fact } from "./types";
import { VERBS } from "./verbs";

/** The three figures the card shows, in cents (as `computeKeyFigures` gives them). */
export interface ImportNoticeFigures {
  chiffreAffairesCents: number;
  resultatCents: number;
  tresorerieCents: number;
}

export interface ImportNoticeCardInput {
  locale: Locale;
  dossier: { id: string; code: string; name: string };
  /** Closing date of the imported exercice, `YYYY-MM-DD`. */
  exerciceEnd: string;
  figures: ImportNoticeFigures;
  /** The same figures for the previous exercice, when it is imported too. */
  previous: ImportNoticeFigures | null;
  /** The contact sees only some établissements (*Limité à*): the figures are theirs. */
  limited: boolean;
  /** Deep link to the dossier's synthèse in the client's tab. */
  syntheseLink: string;
}

const INTL_LOCALES: Record<Locale, string> = { fr: "fr-FR", en: "en-GB" };

/** `-123456` → "-1 234,56 €" / "-€1,234.56", from the digits (no float rounding). */
export function formatEuros(locale: Locale, cents: number): string {
  const abs = Math.abs(cents);
  const decimal = `${cents < 0 ? "-" : ""}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
  const format = new Intl.NumberFormat(INTL_LOCALES[locale], { style: "currency", currency: "EUR" });
  return format.format(cents === 0 ? "0" : (decimal as `${number}`));
}

function formatDay(locale: Locale, day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return day;
  return new Intl.DateTimeFormat(INTL_LOCALES[locale], { dateStyle: "long", timeZone: "UTC" }).format(date);
}

const FIGURES = [
  ["chiffreAffairesCents", "importNotice.card.chiffreAffaires"],
  ["resultatCents", "importNotice.card.resultat"],
  ["tresorerieCents", "importNotice.card.tresorerie"],
] as const;

/** Sent to a client when an import switches an exercice of a dossier they consult: its key figures, N-1 beside. */
export function importNoticeCard(input: ImportNoticeCardInput): AdaptiveCard {
  const { locale, dossier, previous } = input;
  const title = t(locale, "importNotice.card.title");
  const list: Fact[] = FIGURES.map(([field, label]) => {
    const value = formatEuros(locale, input.figures[field]);
    return {
      title: t(locale, label),
      value: previous
        ? t(locale, "importNotice.card.withPrevious", { value, previous: formatEuros(locale, previous[field]) })
        : value,
    };
  });
  const text = t(locale, "importNotice.card.text", {
    dossier: dossierLabel(locale, dossier),
    exercice: formatDay(locale, input.exerciceEnd),
  });
  return card(
    locale,
    title,
    [
      heading(title),
      paragraph(text),
      facts(list),
      ...(input.limited ? [paragraph(t(locale, "importNotice.card.limited"), { isSubtle: true, size: "small" })] : []),
    ],
    {
      actions: [
        openUrl(t(locale, "importNotice.card.open"), input.syntheseLink),
        execute(VERBS.importNotices, t(locale, "importNotice.card.turnOff"), { dossierId: dossier.id, enabled: false }),
      ],
    },
  );
}

/** The answer to *Ne plus me prévenir* (and to turning it back on): what now holds, and the way back. */
export function importNoticePreferenceCard(input: {
  locale: Locale;
  dossierId: string;
  enabled: boolean;
}): AdaptiveCard {
  const { locale, enabled } = input;
  const title = t(locale, enabled ? "importNotice.card.onTitle" : "importNotice.card.offTitle");
  return card(
    locale,
    title,
    [heading(title), paragraph(t(locale, enabled ? "importNotice.card.onText" : "importNotice.card.offText"))],
    {
      actions: [
        execute(VERBS.importNotices, t(locale, enabled ? "importNotice.card.turnOff" : "importNotice.card.turnOn"), {
          dossierId: input.dossierId,
          enabled: !enabled,
        }),
      ],
    },
  );
}
