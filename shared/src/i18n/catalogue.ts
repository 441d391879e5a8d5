import { allMessages } from "./messages";

export type MessageKey = keyof typeof allMessages;

/** One language's messages, by key. */
export function catalogueOf(lang: "fr" | "en"): Record<MessageKey, string> {
  const out = {} as Record<MessageKey, string>;
  for (const key of Object.keys(allMessages) as MessageKey[]) out[key] = allMessages[key][lang];
  return out;
}
