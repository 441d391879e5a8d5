import { KeyedLimiter, type RateWindow } from "../../lib/limiter";

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
 * jitter between our clock and the service's never lands a send inside a full window.
 */
export function conversationLimiter(windows: readonly RateWindow[] = TEAMS_SEND_WINDOWS): KeyedLimiter {
  return new KeyedLimiter(windows, { margin: 0.1 });
}
