import type { Locale } from "../i18n/locale";
import { moreLabel, t, truncateList } from "./format";
import {
  ADAPTIVE_CARD_SCHEMA,
  ADAPTIVE_CARD_VERSION,
  type AdaptiveCard,
  type CardAction,
  type CardElement,
  type Container,
  type ExecuteAction,
  type Fact,
  type FactSet,
  type OpenUrlAction,
  type Refresh,
  type TextBlock,
} from "./types";
import { SUBMIT_VERB_KEY, type CardDataOf, type Verb } from "./verbs";

/** Small constructors shared by the builders, so every card looks alike. */

export function card(
  locale: Locale,
  title: string,
  body: CardElement[],
  extra: { actions?: CardAction[]; refresh?: Refresh } = {},
): AdaptiveCard {
  return {
    type: "AdaptiveCard",
    $schema: ADAPTIVE_CARD_SCHEMA,
    version: ADAPTIVE_CARD_VERSION,
    lang: locale,
    fallbackText: title,
    ...(extra.refresh ? { refresh: extra.refresh } : {}),
    body,
    ...(extra.actions && extra.actions.length > 0 ? { actions: extra.actions } : {}),
  };
}

export function heading(text: string): TextBlock {
  return { type: "TextBlock", text, style: "heading", size: "medium", weight: "bolder", wrap: true };
}

export function subheading(text: string): TextBlock {
  return { type: "TextBlock", text, weight: "bolder", wrap: true, spacing: "medium" };
}

export function paragraph(text: string, extra: Partial<Omit<TextBlock, "type" | "text">> = {}): TextBlock {
  return { type: "TextBlock", text, wrap: true, ...extra };
}

export function facts(list: Fact[], extra: Partial<Omit<FactSet, "type" | "facts">> = {}): FactSet {
  return { type: "FactSet", facts: list, ...extra };
}

/** "… et N autres", under a list cut at `MAX_LIST_ITEMS`. */
export function moreLine(locale: Locale, hidden: number): TextBlock {
  return paragraph(moreLabel(locale, hidden), { isSubtle: true, spacing: "small" });
}

/** A list of lines, cut at `MAX_LIST_ITEMS` with "… et N autres". */
export function lines(locale: Locale, items: readonly string[]): TextBlock[] {
  const { shown, hidden } = truncateList(items);
  const blocks = shown.map((line) => paragraph(line, { spacing: "small" }));
  if (hidden > 0) blocks.push(moreLine(locale, hidden));
  return blocks;
}

/** A visible error: attention-styled container with a title, the localized message and its code. */
export function errorBlock(locale: Locale, title: string, message: string, code?: string): Container {
  const items: CardElement[] = [
    { type: "TextBlock", text: title, weight: "bolder", color: "attention", wrap: true },
    paragraph(message),
  ];
  if (code) items.push(paragraph(t(locale, "cards.errorCode", { code }), { isSubtle: true, size: "small" }));
  return { type: "Container", id: "error", style: "attention", items };
}

/**
 * Action.Execute with an Action.Submit fallback carrying the same data plus the verb, so hosts without
 * Universal Actions still reach the bot (as a message whose `value` holds the data).
 */
export function execute<V extends Verb>(
  verb: V,
  title: string,
  data: CardDataOf<V>,
  options: { style?: ExecuteAction["style"]; fallback?: boolean } = {},
): ExecuteAction {
  const action: ExecuteAction = { type: "Action.Execute", title, verb, data: { ...data } };
  if (options.style) action.style = options.style;
  if (options.fallback !== false) {
    action.fallback = {
      type: "Action.Submit",
      title,
      data: { ...data, [SUBMIT_VERB_KEY]: verb },
      ...(options.style ? { style: options.style } : {}),
    };
  }
  return action;
}

export function openUrl(title: string, url: string): OpenUrlAction {
  return { type: "Action.OpenUrl", title, url };
}

/** Facts cut at `MAX_LIST_ITEMS`, with "… et N autres" under them. */
export function factList(locale: Locale, list: readonly Fact[]): CardElement[] {
  const { shown, hidden } = truncateList(list);
  const out: CardElement[] = [facts(shown)];
  if (hidden > 0) out.push(moreLine(locale, hidden));
  return out;
}
