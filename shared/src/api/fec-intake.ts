import { z } from "zod";
import { actorSchema, isoTimestampSchema } from "../domain/common";

/**
 * Automatic FEC intake (issue 20): a dossier's drive folder (a Teams channel's Files, a SharePoint library
 * folder, a shared OneDrive folder), watched through Microsoft Graph; each new FEC dropped in it is imported
 * as an upload would be.
 */

/** Graph ids are opaque; these bounds only keep garbage out of storage and URLs. */
const graphIdSchema = z.string().trim().min(1).max(200);

/** What staff set on a dossier: the drive and the folder in it. */
export const intakeFolderInputSchema = z.object({ driveId: graphIdSchema, folderId: graphIdSchema });
export type IntakeFolderInput = z.infer<typeof intakeFolderInputSchema>;

export const intakeFolderSchema = intakeFolderInputSchema.extend({
  /** The folder's name in the drive when it was chosen, for display. */
  folderName: z.string().max(400),
  configuredBy: actorSchema,
  configuredAt: isoTimestampSchema,
});
export type IntakeFolder = z.infer<typeof intakeFolderSchema>;

/** What became of one file seen in a dossier's folder, keyed by its content's SHA-256. */
export const INTAKE_FILE_STATUSES = ["importing", "imported", "rejected", "aborted"] as const;
export const intakeFileSchema = z.object({
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  dossierId: z.string().min(1),
  driveId: z.string().min(1),
  itemId: z.string().min(1),
  fileName: z.string().max(400),
  importId: z.string().min(1),
  status: z.enum(INTAKE_FILE_STATUSES),
  /** The first error's code of a rejected file (its report is the import's). */
  firstError: z.string().nullable(),
  seenAt: isoTimestampSchema,
});
export type IntakeFile = z.infer<typeof intakeFileSchema>;

/** A dossier's intake: its folder (null when none) and the last files seen, newest first. */
export const intakeStatusSchema = z.object({
  folder: intakeFolderSchema.nullable(),
  files: z.array(intakeFileSchema),
});
export type IntakeStatus = z.infer<typeof intakeStatusSchema>;
