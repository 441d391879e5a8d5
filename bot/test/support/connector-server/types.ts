import { z } from "zod";

/** One request the local connector received, as tests read it back. */
export interface RecordedRequest {
  /** Order of arrival, from 1. */
  seq: number;
  at: string;
  method: string;
  /** Path without the query string, decoded. */
  path: string;
  query: Record<string, string>;
  /** The conversation the path names, if any. */
  conversationId: string | null;
  /** The activity the path names (reply, update, delete), if any. */
  activityId: string | null;
  /** Only the scheme of the Authorization header (`Bearer`), never the token. */
  authScheme: string | null;
  /** When the connector checks tokens (`bearer` option): the `appid` of the caller's valid token. */
  appId?: string;
  body: unknown;
  /** What the connector answered (a fault's status when one applied). */
  status: number;
  /** The id the connector gave a created conversation or activity. */
  createdId?: string;
}

/**
 * Makes the connector answer an error to matching Bot Connector calls (not to the `_` control routes):
 * `times` calls (default: until cleared), with `Retry-After: retryAfter` seconds when set.
 */
export const faultRuleSchema = z.object({
  match: z
    .object({
      method: z.string().trim().toUpperCase().optional(),
      /** A regular expression tested on the decoded path, e.g. `/activities$`. */
      path: z.string().optional(),
      conversationId: z.string().optional(),
    })
    .default({}),
  status: z.number().int().min(400).max(599),
  retryAfter: z.number().int().nonnegative().optional(),
  times: z.number().int().positive().optional(),
  /** Waits this long before answering, to exercise the caller's timeouts. */
  delayMs: z.number().int().nonnegative().max(60_000).optional(),
});
export type FaultRule = z.input<typeof faultRuleSchema>;
export type ParsedFaultRule = z.output<typeof faultRuleSchema>;

/** A conversation member, as `GET /v3/conversations/{id}/members/{memberId}` returns it. */
export const channelAccountSchema = z.looseObject({
  id: z.string().min(1),
  name: z.string().optional(),
  aadObjectId: z.string().optional(),
});
export type ChannelAccount = z.infer<typeof channelAccountSchema>;
