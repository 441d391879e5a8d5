import type { Locale } from "../i18n/locale";
import { card, errorBlock } from "./elements";
import { t } from "./format";
import type { AdaptiveCard } from "./types";

/** A failure the user should see, `message` already localized (e.g. `translate(locale, errorMessageKey(code))`). */
export function errorCard({ locale, message, code }: { locale: Locale; message: string; code?: string }): AdaptiveCard {
  const title = t(locale, "cards.error.title");
  return card(locale, title, [errorBlock(locale, title, message, code)]);
}
