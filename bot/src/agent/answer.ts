import {
  MAX_CHAT_TEXT_CHARS,
  helpCard,
  isReadableChatText,
  noAccessCard,
  noRoleCard,
  translate,
  type AdaptiveCard,
  type Locale,
} from "@comptoir/shared";
import type { ActionKit } from "./actions";
import { answerClient } from "./client-chat";
import { answerStaffCommand } from "./commands";
import type { Caller } from "./identity";
import { noticeCard, strangerCard } from "./replies";

/**
 * A chat message, answered as the caller's kind allows: staff get their command's card; a client their own
 * sociétés whatever they write; a member without a role, an unbound guest or a stranger one fixed card that
 * shows none of the firm's data, whatever the command.
 */
export async function answerMessage(
  kit: ActionKit,
  caller: Caller,
  text: string | undefined,
  locale: Locale,
): Promise<AdaptiveCard> {
  // Before any parsing: the endpoint accepts a megabyte, a command needs a few dozen characters.
  if (!isReadableChatText(text)) return tooLongCard(locale);
  switch (caller.kind) {
    case "staff":
      return answerStaffCommand(kit, caller, text, locale);
    case "client":
      return answerClient(kit, caller, locale);
    case "member":
      return noRoleCard({ locale });
    case "guest":
      return noAccessCard({ locale });
    case "stranger":
      return strangerCard(locale);
  }
}

function tooLongCard(locale: Locale): AdaptiveCard {
  const max = new Intl.NumberFormat(locale).format(MAX_CHAT_TEXT_CHARS);
  return noticeCard(locale, "bot.tooLong.title", translate(locale, "bot.tooLong.text", { max }));
}

/** When the app is installed: what the bot can do for staff, what to ask for to a member without a role. */
export function installGreeting(caller: Caller, locale: Locale): AdaptiveCard | null {
  if (caller.kind === "staff") return helpCard({ locale });
  if (caller.kind === "member") return noRoleCard({ locale });
  return null;
}
