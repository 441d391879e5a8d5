import { z } from "zod";
import { actorSchema, idSchema, isoTimestampSchema } from "../domain/common";

/**
 * Bulk proposals, a *campagne* (issue 19, part 2): staff select many contacts (Interlocuteurs) or many
 * dossiers (Portefeuille) and propose one service to each (contact, dossier) pair, through the single
 * proposal's own path. The campaign is durable (table rows, a queue): it survives a reload, a restart and
 * runs on any instance. Every route is staff only. See docs/campaigns.md.
 */

/** Explicit limit: a campaign holds at most this many proposals (and a selection at most this many ids). */
export const MAX_CAMPAIGN_ITEMS = 1000;
/** `GET /campaigns` lists the firm's most recent campaigns, newest first, at most this many. */
export const RECENT_CAMPAIGNS = 20;

export const CAMPAIGN_STATUSES = ["running", "paused", "cancelled", "done"] as const;
export const campaignStatusSchema = z.enum(CAMPAIGN_STATUSES);
export type CampaignStatus = z.infer<typeof campaignStatusSchema>;

export const CAMPAIGN_KINDS = ["contacts", "dossiers"] as const;
export const campaignKindSchema = z.enum(CAMPAIGN_KINDS);
export type CampaignKind = z.infer<typeof campaignKindSchema>;

/** The actions on a campaign, each `POST /campaigns/:id/<action>` with `If-Match`. */
export const CAMPAIGN_ACTIONS = ["pause", "resume", "cancel", "retry-failed"] as const;
export type CampaignAction = (typeof CAMPAIGN_ACTIONS)[number];

const serviceIdSchema = z.string().min(1).max(40);
const selection = z.array(idSchema).min(1).max(MAX_CAMPAIGN_ITEMS);

/**
 * `POST /campaigns`. Repeated ids count once.
 * - `contacts`: each contact × each dossier it is linked to (only `dossierId` when given).
 * - `dossiers`: each dossier × each contact linked to it.
 * More than `MAX_CAMPAIGN_ITEMS` pairs: `CAMPAIGN_TOO_LARGE`; no pair at all: `CAMPAIGN_EMPTY`.
 */
export const campaignStartInputSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("contacts"),
    serviceId: serviceIdSchema,
    contactIds: selection,
    dossierId: idSchema.optional(),
  }),
  z.object({ kind: z.literal("dossiers"), serviceId: serviceIdSchema, dossierIds: selection }),
]);
export type CampaignStartInput = z.infer<typeof campaignStartInputSchema>;

/**
 * A campaign and its progress, counted from its item rows (right across instances). An item is `done`
 * once the guest is invited in the firm's tenant (or the service was already proposed); the e-mail
 * then goes out at the mailbox's pace, as for a single proposal. `pending` counts items still to run
 * (not yet proposed, or waiting for their invitation); `cancelled` those a cancel left unproposed.
 * `total = done + failed + pending + cancelled`.
 */
export const campaignViewSchema = z.object({
  id: idSchema,
  kind: campaignKindSchema,
  serviceId: serviceIdSchema,
  status: campaignStatusSchema,
  startedAt: isoTimestampSchema,
  startedBy: actorSchema,
  /** When it became `done` or `cancelled`. */
  endedAt: isoTimestampSchema.nullable(),
  total: z.number().int().nonnegative(),
  done: z.number().int().nonnegative(),
  failed: z.number().int().nonnegative(),
  pending: z.number().int().nonnegative(),
  cancelled: z.number().int().nonnegative(),
  /** Estimated seconds left while running (from the pace so far, or the Graph limit before any); null otherwise. */
  estimatedSecondsLeft: z.number().int().nonnegative().nullable(),
  /** The campaign row's version: send it in `If-Match` to pause, resume, cancel or retry (also the ETag header). */
  etag: z.string(),
});
export type CampaignView = z.infer<typeof campaignViewSchema>;

/** `GET /campaigns`: the firm's `RECENT_CAMPAIGNS` most recent, newest first (the tab's reload). */
export const campaignListSchema = z.object({ items: z.array(campaignViewSchema) });
export type CampaignList = z.infer<typeof campaignListSchema>;

/** One failed proposal: who, where, and why (a catalogue code, its message key and the localized message). */
export const campaignFailureSchema = z.object({
  contactId: idSchema,
  contactName: z.string(),
  email: z.string(),
  dossierId: idSchema,
  dossierCode: z.string(),
  dossierName: z.string(),
  code: z.string(),
  /** `error.<code>` in the catalogue (shared/src/i18n/messages/errors.ts). */
  messageKey: z.string(),
  /** The message in the request's language (Accept-Language). */
  message: z.string(),
  at: isoTimestampSchema,
});
export type CampaignFailure = z.infer<typeof campaignFailureSchema>;

/** `GET /campaigns/:id/failures` (all of them: at most `MAX_CAMPAIGN_ITEMS`), sorted by contact then dossier. */
export const campaignFailureListSchema = z.object({ items: z.array(campaignFailureSchema) });
export type CampaignFailureList = z.infer<typeof campaignFailureListSchema>;

/** The routes under `/api/v1`, all staff only (clients get 403 FORBIDDEN). */
export const CAMPAIGN_ROUTES = {
  /** Body `CampaignStartInput` → 202 `CampaignView` (ETag header). */
  start: { method: "post", path: "/campaigns" },
  /** → 200 `CampaignList`. */
  list: { method: "get", path: "/campaigns" },
  /** → 200 `CampaignView` (ETag header); poll it about once a second while running. */
  get: { method: "get", path: "/campaigns/:id" },
  /** `If-Match` required → 200 `CampaignView`; 412 CONFLICT on a stale ETag, 409 CAMPAIGN_INVALID_TRANSITION. */
  pause: { method: "post", path: "/campaigns/:id/pause" },
  resume: { method: "post", path: "/campaigns/:id/resume" },
  cancel: { method: "post", path: "/campaigns/:id/cancel" },
  /** *Renvoyer*: the failed items run again. `If-Match` required → 202 `CampaignView` (status back to running). */
  retryFailed: { method: "post", path: "/campaigns/:id/retry-failed" },
  /** → 200 `CampaignFailureList`. */
  failures: { method: "get", path: "/campaigns/:id/failures" },
  /** → 200 text/csv (UTF-8 with BOM, `;`), localized headers, formula cells neutralised. */
  failuresCsv: { method: "get", path: "/campaigns/:id/failures.csv" },
} as const;
