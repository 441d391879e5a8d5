import { AppError } from "../errors";
import type { CampaignAction, CampaignStatus } from "./campaigns";

/**
 * What each action does to a campaign's status. Pause stops what is not yet proposed; resume starts it again;
 * cancel is final; *Renvoyer* runs the failed items again, reopening a finished campaign (a paused one stays
 * paused until resumed). A cancelled campaign takes no action.
 */
const TRANSITIONS: Record<CampaignAction, Partial<Record<CampaignStatus, CampaignStatus>>> = {
  pause: { running: "paused" },
  resume: { paused: "running" },
  cancel: { running: "cancelled", paused: "cancelled" },
  "retry-failed": { running: "running", paused: "paused", done: "running" },
};

/** The status after `action`, or CAMPAIGN_INVALID_TRANSITION. */
export function nextCampaignStatus(status: CampaignStatus, action: CampaignAction): CampaignStatus {
  const next = TRANSITIONS[action][status];
  if (!next) throw new AppError("CAMPAIGN_INVALID_TRANSITION", { status, action });
  return next;
}

/** The status to show: a running campaign with nothing left to run is done, whoever notices first. */
export function effectiveCampaignStatus(stored: CampaignStatus, pending: number): CampaignStatus {
  return stored === "running" && pending === 0 ? "done" : stored;
}

export interface EtaInput {
  status: CampaignStatus;
  pending: number;
  /** Items finished (done or failed) since the campaign last started running, and the seconds since. */
  finishedThisRun: number;
  secondsThisRun: number;
  /** The Graph invitation limit the pipeline keeps to: `perWindow` every `windowSeconds`. */
  perWindow: number;
  windowSeconds: number;
}

/**
 * Seconds left while running: the pace seen so far when some items finished (it includes storage, retries and
 * the limits), else the least the invitation limit allows. Never below that least: a fast start (guests already
 * invited) says nothing of the throttled rest. Null unless running.
 */
export function estimateSecondsLeft(input: EtaInput): number | null {
  if (input.status !== "running") return null;
  if (input.pending === 0) return 0;
  const floor = Math.ceil(input.pending / input.perWindow - 1) * input.windowSeconds;
  const minimum = Math.max(0, floor);
  if (input.finishedThisRun <= 0 || input.secondsThisRun <= 0) return Math.ceil(minimum);
  const observed = (input.pending * input.secondsThisRun) / input.finishedThisRun;
  return Math.ceil(Math.max(observed, minimum));
}
