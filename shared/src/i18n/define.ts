/** Each message carries both languages side by side, so a missing translation is a type error. */
export type Bilingual = { readonly fr: string; readonly en: string };
export function defineMessages<const T extends Record<string, Bilingual>>(messages: T): T {
  return messages;
}
