import {
  AppError,
  contactDisplayName,
  dossierLabel,
  errorCard,
  explainError,
  isAppError,
  translate,
  type AdaptiveCard,
  type ContactSummary,
  type DossierSummary,
  type ErrorCode,
  type Locale,
  type MessageKey,
  noAccessCard,
  noRoleCard,
} from "@comptoir/shared";
import { card, heading, lines, moreLine, paragraph } from "@comptoir/shared/cards/elements";
import type { Caller } from "./identity";

/** The bot's short answers that are not one of the shared cards: not found, too many matches, unknown account. */

export function noticeCard(locale: Locale, titleKey: MessageKey, text: string): AdaptiveCard {
  const title = translate(locale, titleKey);
  return card(locale, title, [heading(title), paragraph(text)]);
}

export function notFoundCard(locale: Locale, key: "bot.notFound.dossier" | "bot.notFound.contact", query: string) {
  return noticeCard(locale, "bot.notFound.title", translate(locale, key, { query }));
}

export function missingArgCard(locale: Locale, text: string): AdaptiveCard {
  return noticeCard(locale, "bot.missingArg.title", text);
}

/** Several dossiers match: list them (the card shows their head) and say how to pick one. */
export function dossierMatchesCard(
  locale: Locale,
  query: string,
  command: string,
  items: readonly Pick<DossierSummary, "code" | "name">[],
  total: number,
): AdaptiveCard {
  const title = translate(locale, "bot.matches.dossiers.title", { query });
  const body = [
    heading(title),
    ...lines(
      locale,
      items.map((d) => dossierLabel(locale, d)),
    ),
  ];
  if (total > items.length) body.push(moreLine(locale, total - items.length));
  const first = items[0];
  if (first) body.push(paragraph(translate(locale, "bot.matches.dossiers.hint", { command, code: first.code })));
  return card(locale, title, body);
}

export function contactMatchesCard(
  locale: Locale,
  query: string,
  items: readonly Pick<ContactSummary, "nom" | "prenom" | "email">[],
  total: number,
): AdaptiveCard {
  const title = translate(locale, "bot.matches.contacts.title", { query });
  const body = [
    heading(title),
    ...lines(
      locale,
      items.map((c) => translate(locale, "bot.matches.contactLine", { name: contactDisplayName(c), email: c.email })),
    ),
  ];
  if (total > items.length) body.push(moreLine(locale, total - items.length));
  const first = items[0];
  if (first) body.push(paragraph(translate(locale, "bot.matches.contacts.hint", { email: first.email })));
  return card(locale, title, body);
}

/** Someone the bot cannot place: neither a member of the firm nor a client it knows. Says nothing about the firm. */
export function strangerCard(locale: Locale): AdaptiveCard {
  return noticeCard(locale, "bot.stranger.title", translate(locale, "bot.stranger.text"));
}

/**
 * What someone who may not run a staff command or verb gets instead: a member without a role learns what to
 * ask the firm's admin, an unbound guest that there is no space for them; clients and strangers a FORBIDDEN.
 */
export function refusalCard(locale: Locale, caller: Caller): AdaptiveCard {
  if (caller.kind === "member") return noRoleCard({ locale });
  if (caller.kind === "guest") return noAccessCard({ locale });
  return errorCardFor(locale, new AppError("FORBIDDEN"));
}

/** A failure as the user reads it: a catalogue message, never a stack trace or an English-only text. */
export function errorMessage(locale: Locale, error: unknown): { code: ErrorCode; message: string } {
  const code: ErrorCode = isAppError(error) ? error.code : "INTERNAL";
  const params = isAppError(error) ? error.params : {};
  return { code, message: explainError(locale, code, params) };
}

export function errorCardFor(locale: Locale, error: unknown): AdaptiveCard {
  const { code, message } = errorMessage(locale, error);
  return errorCard({ locale, message, code });
}
