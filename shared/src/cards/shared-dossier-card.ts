import type { CollaborativeStatus } from "../api/back-office";
import type { Locale } from "../i18n/locale";
import { MAX_REFRESH_USER_IDS } from "./welcome-card";
import { card, execute, facts, heading, openUrl, paragraph } from "./elements";
import { dossierLabel, statusLabel, t } from "./format";
import type { AdaptiveCard, CardAction, Fact } from "./types";
import { VERBS, type ViewDossierData } from "./verbs";

/** What any reader of the shared card may see: what the person who shared it chose to put in the message. */
export type SharedDossier = Pick<ViewDossierData, "code" | "name" | "siren"> & { id: string };

/** Where the dossier stands, for staff of the firm only (the Portefeuille's summary). */
export interface DossierStanding {
  consultationActive: boolean;
  extensionActive: boolean;
  collaborativeStatus: CollaborativeStatus;
  liveServices: number;
}

export interface SharedDossierCardInput {
  locale: Locale;
  dossier: SharedDossier;
  /** Staff see where the dossier stands; anyone else (`null`) gets the neutral card. */
  standing: DossierStanding | null;
  /** The dossier in Comptoir as a Teams deep link (to the static tab), or the web URL when there is no Teams app. */
  openLink: string;
  /** The same page as a plain URL, for Outlook and the browser. */
  webLink: string;
  /** Teams user ids (`29:…`) whose card refreshes itself to their own view; Teams honours at most 60. */
  userIds: readonly string[];
}

export function collaborativeStatusLabel(locale: Locale, status: CollaborativeStatus): string {
  return status === "none" ? t(locale, "msgext.status.none") : statusLabel(locale, status);
}

/**
 * The dossier card the message extension inserts (search result or unfurled link). It refreshes itself for each
 * viewer (Universal Actions): staff of the firm see the offer and the service status, anyone else a neutral card
 * built from the card's own data only. *Voir le statut* runs the same verb for hosts that do not refresh.
 */
export function sharedDossierCard(input: SharedDossierCardInput): AdaptiveCard {
  const { locale, dossier, standing } = input;
  const title = dossierLabel(locale, dossier);
  const onOff = (on: boolean) => t(locale, on ? "cards.value.on" : "cards.value.off");
  const shown: Fact[] = [
    { title: t(locale, "cards.field.name"), value: dossier.name },
    { title: t(locale, "cards.field.siren"), value: dossier.siren ?? t(locale, "cards.value.notSet") },
  ];
  if (standing) {
    shown.push(
      { title: t(locale, "cards.field.consultationOffer"), value: onOff(standing.consultationActive) },
      { title: t(locale, "cards.field.extension"), value: onOff(standing.extensionActive) },
      {
        title: t(locale, "msgext.card.collaborative"),
        value: collaborativeStatusLabel(locale, standing.collaborativeStatus),
      },
      { title: t(locale, "msgext.card.liveServices"), value: String(standing.liveServices) },
    );
  }
  const data: ViewDossierData = { dossierId: dossier.id, code: dossier.code, name: dossier.name, siren: dossier.siren };
  const actions: CardAction[] = [openUrl(t(locale, "msgext.action.open"), input.openLink)];
  if (input.webLink !== input.openLink) actions.push(openUrl(t(locale, "msgext.action.openInBrowser"), input.webLink));
  actions.push(execute(VERBS.viewDossier, t(locale, "msgext.action.viewStatus"), data));
  const body = [heading(title), facts(shown)];
  if (!standing) body.push(paragraph(t(locale, "msgext.card.neutral"), { isSubtle: true, size: "small" }));
  return card(locale, title, body, {
    actions,
    refresh: {
      action: execute(VERBS.viewDossier, t(locale, "cards.action.refresh"), data, { fallback: false }),
      userIds: input.userIds.slice(0, MAX_REFRESH_USER_IDS),
    },
  });
}
