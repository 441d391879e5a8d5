import type { MessageKey } from "../i18n/fr";
import type { Locale } from "../i18n/locale";
import { card, facts, heading, paragraph } from "./elements";
import { t } from "./format";
import type { AdaptiveCard } from "./types";

/** The staff commands, in the order the help lists them (syntax key, description key). */
export const HELP_COMMANDS: readonly (readonly [MessageKey, MessageKey])[] = [
  ["cards.help.cmd.help", "cards.help.cmd.help.desc"],
  ["cards.help.cmd.dossier", "cards.help.cmd.dossier.desc"],
  ["cards.help.cmd.contact", "cards.help.cmd.contact.desc"],
  ["cards.help.cmd.propose", "cards.help.cmd.propose.desc"],
  ["cards.help.cmd.status", "cards.help.cmd.status.desc"],
];

/** Answer to `aide`/`help` and to anything the bot does not understand. */
export function helpCard({ locale }: { locale: Locale }): AdaptiveCard {
  const title = t(locale, "cards.help.title");
  return card(locale, title, [
    heading(title),
    paragraph(t(locale, "cards.help.intro")),
    facts(HELP_COMMANDS.map(([syntax, desc]) => ({ title: t(locale, syntax), value: t(locale, desc) }))),
    paragraph(t(locale, "cards.help.footer"), { isSubtle: true, size: "small" }),
  ]);
}
