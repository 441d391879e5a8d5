import { fr, type MessageKey } from "./fr";
import { en } from "./en";
import type { Locale } from "./locale";

export type Catalogue = Record<MessageKey, string>;
export const CATALOGUES: Record<Locale, Catalogue> = { fr, en };

export type Params = Record<string, string | number>;

/** Replaces `{name}` placeholders; an unknown placeholder stays visible so it gets noticed. */
export function interpolate(template: string, params: Params = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

export function translate(locale: Locale, key: MessageKey, params?: Params): string {
  return interpolate(CATALOGUES[locale][key], params);
}

export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(fr, key);
}

/** Keys ending in `_one` / `_other` form a plural pair; `count` picks the form with Intl rules. */
export function translatePlural(locale: Locale, baseKey: string, count: number, params: Params = {}): string {
  const form = new Intl.PluralRules(locale).select(count) === "one" ? "one" : "other";
  const key = `${baseKey}_${form}`;
  if (!isMessageKey(key)) throw new Error(`Missing plural key ${key}`);
  return translate(locale, key, { count, ...params });
}
