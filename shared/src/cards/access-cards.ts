import type { Locale } from "../i18n/locale";
import { APP_ROLES } from "../identity";
import { card, facts, heading, paragraph } from "./elements";
import { t } from "./format";
import type { AdaptiveCard } from "./types";

/**
 * A member of the firm's tenant whom Entra ID gives no Comptoir app role: the bot shows nothing of the firm's
 * data and says what the firm's administrator must do (assign Firm.Staff or Firm.Admin in the enterprise app).
 */
export function noRoleCard({ locale }: { locale: Locale }): AdaptiveCard {
  const title = t(locale, "cards.noRole.title");
  return card(locale, title, [
    heading(title),
    paragraph(t(locale, "cards.noRole.text")),
    paragraph(t(locale, "cards.noRole.ask")),
    facts(
      APP_ROLES.map((role) => ({
        title: role,
        value: t(locale, role === "Firm.Admin" ? "cards.noRole.role.admin" : "cards.noRole.role.staff"),
      })),
    ),
    paragraph(t(locale, "cards.noRole.delay"), { isSubtle: true, size: "small" }),
  ]);
}

/** A guest of the firm's tenant bound to none of its contacts: no client space to show, and nothing else. */
export function noAccessCard({ locale }: { locale: Locale }): AdaptiveCard {
  const title = t(locale, "cards.noAccess.title");
  return card(locale, title, [heading(title), paragraph(t(locale, "cards.noAccess.text"))]);
}
