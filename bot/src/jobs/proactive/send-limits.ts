import type { RateSlotRepository } from "../../core/repos/rate-slots";
import type { RateWindow } from "../../lib/limiter";
import { SharedPacer } from "../pacing/shared-pacer";

/**
 * Teams' documented "per bot per thread" limits for sending to one conversation (7 per second, 8 per
 * 2 s, 60 per 30 s, 1,800 per hour).
 */
export const TEAMS_SEND_WINDOWS: readonly RateWindow[] = [
  { limit: 7, ms: 1_000 },
  { limit: 8, ms: 2_000 },
  { limit: 60, ms: 30_000 },
  { limit: 1_800, ms: 3_600_000 },
];

/**
 * Paces sends per conversation (replies and proactive messages alike), so the bot stays under Teams'
 * limits instead of learning them from 429s. Windows are 10 % longer than documented, so that network
 * jitter between our clock and the service's never lands a send inside a full window. The history is in
 * storage, so the limits hold for the bot as a whole, whichever instance sends.
 */
export function conversationPacer(
  slots: RateSlotRepository,
  windows: readonly RateWindow[] = TEAMS_SEND_WINDOWS,
): SharedPacer {
  return new SharedPacer(slots, "teams-conversation", windows, { margin: 0.1 });
}
