import type { SubscriptionStatus } from "../domain/service-subscription";
import type { MessageKey } from "../i18n/fr";
import type { Locale } from "../i18n/locale";
import { card, execute, facts, heading, openUrl, paragraph } from "./elements";
import { dossierLabel, statusLabel, t } from "./format";
import type { AdaptiveCard } from "./types";
import { VERBS } from "./verbs";

/** Teams refreshes a card automatically for at most 60 users. */
export const MAX_REFRESH_USER_IDS = 60;

export interface WelcomeCardInput {
  locale: Locale;
  firmName: string;
  dossier: { code: string; name: string };
  serviceLabel: string;
  status: SubscriptionStatus;
  /** Deep link to the client's tab (`teamsTabDeepLink`). */
  spaceLink: string;
  /** Replaces the standard help text. */
  helpText?: string;
  /** The subscription the card is about: `welcome.refresh` reloads its status. */
  subscriptionId: string;
  /** The client's user MRIs (e.g. Teams `29:…`): the card refreshes itself when they see it. */
  userIds: readonly string[];
}

const HINTS: Record<SubscriptionStatus, MessageKey> = {
  proposed: "cards.welcome.hint.proposed",
  invited: "cards.welcome.hint.invited",
  accepted: "cards.welcome.hint.accepted",
  active: "cards.welcome.hint.active",
  revoked: "cards.welcome.hint.revoked",
};

/** Sent to the client once their service is invited or accepted; refreshes to show the current status. */
export function welcomeCard(input: WelcomeCardInput): AdaptiveCard {
  const { locale } = input;
  const dossier = dossierLabel(locale, input.dossier);
  const title = t(locale, "cards.welcome.title");
  const revoked = input.status === "revoked";
  return card(
    locale,
    title,
    [
      heading(title),
      paragraph(t(locale, "cards.welcome.intro", { firm: input.firmName, dossier })),
      facts([
        { title: t(locale, "cards.field.firm"), value: input.firmName },
        { title: t(locale, "cards.field.dossier"), value: dossier },
        { title: t(locale, "cards.field.service"), value: input.serviceLabel },
        { title: t(locale, "cards.field.status"), value: statusLabel(locale, input.status) },
      ]),
      paragraph(t(locale, HINTS[input.status]), revoked ? { color: "attention" } : {}),
      paragraph(input.helpText ?? t(locale, "cards.welcome.help"), { isSubtle: true, size: "small" }),
    ],
    {
      actions: revoked ? [] : [openUrl(t(locale, "cards.action.openSpace"), input.spaceLink)],
      refresh: {
        action: execute(
          VERBS.refreshWelcome,
          t(locale, "cards.action.refresh"),
          { subscriptionId: input.subscriptionId },
          { fallback: false },
        ),
        userIds: input.userIds.slice(0, MAX_REFRESH_USER_IDS),
      },
    },
  );
}
