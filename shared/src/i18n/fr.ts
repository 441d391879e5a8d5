import { allMessages } from "./messages";

export type MessageKey = keyof typeof allMessages;

function pick(lang: "fr" | "en"): Record<MessageKey, string> {
  const out = {} as Record<MessageKey, string>;
  for (const key of Object.keys(allMessages) as MessageKey[]) out[key] = allMessages[key][lang];
  return out;
}

/** French is the default catalogue. */
export const fr = pick("fr");
export const englishCatalogue = pick("en");
