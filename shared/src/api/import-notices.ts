import { z } from "zod";
import { idSchema, isoTimestampSchema } from "../domain/common";

/**
 * Telling clients when their figures change (issue 17). After an import switches an exercice, each contact
 * with an active Consultation on the dossier gets one card with the new key figures, unless they turned it
 * off; staff read who was told.
 *
 * Staff routes:
 * - `GET /dossiers/:id/fec/imports/:importId/notices` → `ImportNoticeList`.
 * - `GET /contacts/:id/import-notices` → `ImportNoticePreference`.
 * - `PUT /contacts/:id/import-notices` with `ImportNoticePreference` → `ImportNoticePreference`.
 */

export const IMPORT_NOTICE_STATUSES = ["queued", "sent", "failed", "skipped"] as const;
export type ImportNoticeStatus = (typeof IMPORT_NOTICE_STATUSES)[number];

/** Why a contact was not told: they turned it off, none of their établissements has a line, or Teams cannot reach them yet. */
export const IMPORT_NOTICE_SKIP_REASONS = ["optedOut", "noLines", "unreachable"] as const;
export type ImportNoticeSkipReason = (typeof IMPORT_NOTICE_SKIP_REASONS)[number];

export const importNoticeSchema = z.object({
  importId: idSchema,
  dossierId: idSchema,
  contactId: idSchema,
  contactName: z.string(),
  status: z.enum(IMPORT_NOTICE_STATUSES),
  reason: z.enum(IMPORT_NOTICE_SKIP_REASONS).nullable(),
  /** When the row was last written: queued, sent, failed or skipped at. */
  at: isoTimestampSchema,
  /** The connector's failure, for staff (a status or an error name, never a token). */
  error: z.string().nullable(),
});
export type ImportNotice = z.infer<typeof importNoticeSchema>;

export const importNoticeListSchema = z.object({ items: z.array(importNoticeSchema) });
export type ImportNoticeList = z.infer<typeof importNoticeListSchema>;

export const importNoticePreferenceSchema = z.strictObject({ enabled: z.boolean() });
export type ImportNoticePreference = z.infer<typeof importNoticePreferenceSchema>;
