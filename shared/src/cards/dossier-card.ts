import type { DossierSummary } from "../api/back-office";
import type { SubscriptionStatus } from "../domain/service-subscription";
import type { Locale } from "../i18n/locale";
import { card, execute, factList, facts, heading, openUrl, paragraph, subheading } from "./elements";
import { dossierLabel, statusLabel, t } from "./format";
import type { AdaptiveCard, CardAction, CardElement } from "./types";
import { VERBS } from "./verbs";

export interface DossierCardInput {
  locale: Locale;
  dossier: Pick<
    DossierSummary,
    "id" | "code" | "name" | "siren" | "responsible" | "consultationActive" | "extensionActive"
  >;
  /** Every live or past service of the dossier, labels already in `locale`. */
  services: readonly { contactName: string; serviceLabel: string; status: SubscriptionStatus }[];
  /** Deep link to the dossier in the staff tab, when known. */
  openLink?: string;
}

/** Answer to `dossier <code|nom>`: the dossier, its offer, its services, and *Proposer*. */
export function dossierCard(input: DossierCardInput): AdaptiveCard {
  const { locale, dossier } = input;
  const title = t(locale, "cards.dossier.title", { dossier: dossierLabel(locale, dossier) });
  const notSet = t(locale, "cards.value.notSet");
  const onOff = (on: boolean) => t(locale, on ? "cards.value.on" : "cards.value.off");
  const body: CardElement[] = [
    heading(title),
    facts([
      { title: t(locale, "cards.field.siren"), value: dossier.siren ?? notSet },
      { title: t(locale, "cards.field.responsible"), value: dossier.responsible?.name ?? notSet },
      { title: t(locale, "cards.field.consultationOffer"), value: onOff(dossier.consultationActive) },
      { title: t(locale, "cards.field.extension"), value: onOff(dossier.extensionActive) },
    ]),
    subheading(t(locale, "cards.dossier.services")),
  ];
  if (input.services.length === 0) {
    body.push(paragraph(t(locale, "cards.dossier.noServices"), { isSubtle: true }));
  } else {
    body.push(
      ...factList(
        locale,
        input.services.map((s) => ({
          title: s.contactName,
          value: t(locale, "cards.dossier.serviceStatus", {
            service: s.serviceLabel,
            status: statusLabel(locale, s.status),
          }),
        })),
      ),
    );
  }
  const actions: CardAction[] = [
    execute(VERBS.openProposal, t(locale, "cards.action.propose"), { dossierId: dossier.id }, { style: "positive" }),
    execute(VERBS.refreshStatus, t(locale, "cards.action.viewStatus"), { dossierId: dossier.id }),
  ];
  if (input.openLink) actions.push(openUrl(t(locale, "cards.action.openInApp"), input.openLink));
  return card(locale, title, body, { actions });
}
