import type { Locale } from "../i18n/locale";
import { card, execute, facts, heading, paragraph } from "./elements";
import { dossierLabel, formatDateTime, t } from "./format";
import type { AdaptiveCard, Fact } from "./types";
import { VERBS } from "./verbs";

export const NOTIFICATION_KINDS = ["accepted", "firstSignIn", "earlyArrival"] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export interface NotificationCardInput {
  locale: Locale;
  kind: NotificationKind;
  contactName: string;
  dossier: { id: string; code: string; name: string };
  /** ISO instant of the event. */
  at: string;
  serviceLabel?: string;
}

const TEXTS = {
  accepted: { title: "cards.notification.accepted.title", text: "cards.notification.accepted.text" },
  firstSignIn: { title: "cards.notification.firstSignIn.title", text: "cards.notification.firstSignIn.text" },
  earlyArrival: { title: "cards.notification.earlyArrival.title", text: "cards.notification.earlyArrival.text" },
} as const;

/**
 * Tells staff that a client accepted their service, signed in for the first time, or came to consult a dossier
 * whose space is not open yet (offer or collaborative extension still inactive).
 */
export function notificationCard(input: NotificationCardInput): AdaptiveCard {
  const { locale, dossier } = input;
  const label = dossierLabel(locale, dossier);
  const title = t(locale, TEXTS[input.kind].title);
  const list: Fact[] = [
    { title: t(locale, "cards.field.contact"), value: input.contactName },
    { title: t(locale, "cards.field.dossier"), value: label },
  ];
  if (input.serviceLabel) list.push({ title: t(locale, "cards.field.service"), value: input.serviceLabel });
  list.push({ title: t(locale, "cards.field.when"), value: formatDateTime(locale, input.at) });
  return card(
    locale,
    title,
    [
      heading(title),
      paragraph(t(locale, TEXTS[input.kind].text, { contact: input.contactName, dossier: label })),
      facts(list),
    ],
    { actions: [execute(VERBS.refreshStatus, t(locale, "cards.action.viewStatus"), { dossierId: dossier.id })] },
  );
}
