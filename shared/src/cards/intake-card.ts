import type { Locale } from "../i18n/locale";
import { card, execute, facts, heading, paragraph } from "./elements";
import { dossierLabel, formatDateTime, t } from "./format";
import type { AdaptiveCard } from "./types";
import { VERBS } from "./verbs";

export interface IntakeRejectedCardInput {
  locale: Locale;
  dossier: { id: string; code: string; name: string };
  fileName: string;
  /** ISO instant the file was refused. */
  at: string;
}

/**
 * Tells the collaborateur who chose a dossier's drop folder that a file found there was refused by its
 * validation report (issue 20): the clients keep seeing the last imported figures.
 */
export function intakeRejectedCard(input: IntakeRejectedCardInput): AdaptiveCard {
  const { locale, dossier } = input;
  const label = dossierLabel(locale, dossier);
  const title = t(locale, "cards.intake.rejected.title");
  return card(
    locale,
    title,
    [
      heading(title),
      paragraph(t(locale, "cards.intake.rejected.text", { file: input.fileName, dossier: label })),
      facts([
        { title: t(locale, "cards.field.dossier"), value: label },
        { title: t(locale, "cards.intake.field.file"), value: input.fileName },
        { title: t(locale, "cards.field.when"), value: formatDateTime(locale, input.at) },
      ]),
    ],
    { actions: [execute(VERBS.refreshStatus, t(locale, "cards.action.viewStatus"), { dossierId: dossier.id })] },
  );
}
