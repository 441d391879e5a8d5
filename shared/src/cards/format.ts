import { FIRM_TIME_ZONE } from "../domain/common";
import type { SubscriptionStatus } from "../domain/service-subscription";
import type { MessageKey } from "../i18n/fr";
import type { Locale } from "../i18n/locale";
import { translate, translatePlural, type Params } from "../i18n/translate";

/** Regional formats for our two languages: the firm is French, its English readers get day-month order. */
const INTL_LOCALES: Record<Locale, string> = { fr: "fr-FR", en: "en-GB" };

export function t(locale: Locale, key: MessageKey, params?: Params): string {
  return translate(locale, key, params);
}

const STATUS_KEYS: Record<SubscriptionStatus, MessageKey> = {
  proposed: "cards.status.proposed",
  invited: "cards.status.invited",
  accepted: "cards.status.accepted",
  active: "cards.status.active",
  revoked: "cards.status.revoked",
};

export function statusLabel(locale: Locale, status: SubscriptionStatus): string {
  return t(locale, STATUS_KEYS[status]);
}

/** An instant as the firm reads it: long date and time on the Paris clock. An unreadable value is shown as is. */
export function formatDateTime(locale: Locale, instant: string | Date): string {
  const date = typeof instant === "string" ? new Date(instant) : instant;
  if (Number.isNaN(date.getTime())) return String(instant);
  return new Intl.DateTimeFormat(INTL_LOCALES[locale], {
    dateStyle: "long",
    timeStyle: "short",
    timeZone: FIRM_TIME_ZONE,
  }).format(date);
}

export function dossierLabel(locale: Locale, dossier: { code: string; name: string }): string {
  return t(locale, "cards.dossierLabel", { code: dossier.code, name: dossier.name });
}

/** Cards have a size limit (about 28 KB in Teams): long lists show their head and a count of the rest. */
export const MAX_LIST_ITEMS = 20;

export function truncateList<T>(items: readonly T[], max = MAX_LIST_ITEMS): { shown: T[]; hidden: number } {
  return { shown: items.slice(0, max), hidden: Math.max(0, items.length - max) };
}

export function moreLabel(locale: Locale, hidden: number): string {
  return translatePlural(locale, "cards.more", hidden);
}
