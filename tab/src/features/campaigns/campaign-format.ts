import type { CampaignKind, CampaignStatus, CampaignView } from "@comptoir/shared/api/campaigns";
import type { Locale } from "@comptoir/shared/i18n/locale";
import { translate, translatePlural } from "@comptoir/shared/i18n/translate";

/** A running campaign is read about once a second (its progress), a paused one less often (someone may resume it). */
const POLL_MS: Record<CampaignStatus, number | false> = {
  running: 1_000,
  paused: 5_000,
  done: false,
  cancelled: false,
};

export function pollInterval(status: CampaignStatus): number | false {
  return POLL_MS[status];
}

/** The list is read again while any campaign in it is still under way: it then finds the ones that end. */
export function listPollInterval(campaigns: readonly Pick<CampaignView, "status">[]): number | false {
  return campaigns.some((c) => c.status === "running" || c.status === "paused") ? 5_000 : false;
}

/** Ended campaigns stay in the panel this long, with their report; running and paused ones always. */
const ENDED_SHOWN_MS = 24 * 60 * 60 * 1000;

export function shownCampaigns<C extends Pick<CampaignView, "status" | "endedAt">>(
  campaigns: readonly C[],
  now: number,
): C[] {
  return campaigns.filter((c) => c.endedAt === null || now - Date.parse(c.endedAt) < ENDED_SHOWN_MS);
}

/**
 * The estimated time left, rounded up so it never promises less than it will take:
 * "moins d'une minute", "environ 7 min", "environ 1 h 05"; `null` while the server cannot estimate yet.
 */
export function formatTimeLeft(locale: Locale, seconds: number | null): string {
  if (seconds === null) return translate(locale, "staff.campaign.eta.unknown");
  if (seconds < 60) return translate(locale, "staff.campaign.eta.underMinute");
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 60) return translate(locale, "staff.campaign.eta.minutes", { minutes });
  const hours = Math.floor(minutes / 60);
  return translate(locale, "staff.campaign.eta.hours", { hours, minutes: String(minutes % 60).padStart(2, "0") });
}

/** The share of items already handled (done or failed), 0 – 1, for the ProgressBar. */
export function progressValue(counts: { total: number; done: number; failed: number }): number {
  if (counts.total <= 0) return 1;
  return Math.min(1, (counts.done + counts.failed) / counts.total);
}

/** "Proposer le service « Consultation » à 37 interlocuteurs ?" */
export function confirmQuestion(locale: Locale, kind: CampaignKind, service: string, count: number): string {
  return translatePlural(locale, `staff.campaign.confirm.${kind}`, count, { service });
}
