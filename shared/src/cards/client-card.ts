import type { Locale } from "../i18n/locale";
import { card, heading, lines, openUrl, paragraph } from "./elements";
import { t } from "./format";
import type { AdaptiveCard, CardElement } from "./types";

export interface ClientSocietesCardInput {
  locale: Locale;
  /** Only the sociétés this client may consult (see `canClientConsult`). */
  societes: readonly { name: string; code: string }[];
  /** Deep link to the client's tab. */
  spaceLink: string;
}

/** What a client gets whatever they write: their own sociétés and a way into their space. */
export function clientSocietesCard(input: ClientSocietesCardInput): AdaptiveCard {
  const { locale } = input;
  const title = t(locale, "cards.client.title");
  const body: CardElement[] = [heading(title)];
  if (input.societes.length === 0) {
    body.push(paragraph(t(locale, "cards.client.none")));
  } else {
    body.push(
      paragraph(t(locale, "cards.client.intro")),
      ...lines(
        locale,
        input.societes.map((s) => t(locale, "cards.client.societe", { name: s.name, code: s.code })),
      ),
    );
  }
  return card(locale, title, body, { actions: [openUrl(t(locale, "cards.action.openSpace"), input.spaceLink)] });
}
