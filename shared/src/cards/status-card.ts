import type { SubscriptionStatus } from "../domain/service-subscription";
import type { Locale } from "../i18n/locale";
import { card, execute, facts, heading, moreLine, paragraph } from "./elements";
import { dossierLabel, formatDateTime, statusLabel, t, truncateList } from "./format";
import type { AdaptiveCard, CardElement } from "./types";
import { VERBS } from "./verbs";

export interface StatusCardInput {
  locale: Locale;
  dossier: { id: string; code: string; name: string };
  rows: readonly {
    contactName: string;
    serviceLabel: string;
    status: SubscriptionStatus;
    lastSignInAt: string | null;
  }[];
}

/** Answer to `statut <code>` and to `status.refresh`: where each service of the dossier stands. */
export function statusCard(input: StatusCardInput): AdaptiveCard {
  const { locale, dossier } = input;
  const title = t(locale, "cards.statusCard.title", { dossier: dossierLabel(locale, dossier) });
  const body: CardElement[] = [heading(title)];
  if (input.rows.length === 0) body.push(paragraph(t(locale, "cards.dossier.noServices"), { isSubtle: true }));
  const { shown, hidden } = truncateList(input.rows);
  for (const row of shown) {
    body.push({
      type: "Container",
      separator: true,
      spacing: "medium",
      items: [
        paragraph(row.contactName, { weight: "bolder" }),
        facts([
          { title: t(locale, "cards.field.service"), value: row.serviceLabel },
          { title: t(locale, "cards.field.status"), value: statusLabel(locale, row.status) },
          {
            title: t(locale, "cards.field.lastSignIn"),
            value: row.lastSignInAt ? formatDateTime(locale, row.lastSignInAt) : t(locale, "cards.value.neverSignedIn"),
          },
        ]),
      ],
    });
  }
  if (hidden > 0) body.push(moreLine(locale, hidden));
  return card(locale, title, body, {
    actions: [
      execute(VERBS.refreshStatus, t(locale, "cards.action.refresh"), { dossierId: dossier.id }),
      execute(VERBS.openProposal, t(locale, "cards.action.propose"), { dossierId: dossier.id }),
    ],
  });
}
