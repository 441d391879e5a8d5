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

/** A folder of a drive, as the folder browser shows it. */
export const driveFolderSchema = z.object({ id: z.string(), name: z.string() });

/** `GET /fec-intake/folders`: the drive's root or one folder, without `driveId` the firm's library (INTAKE_DRIVE_ID). */
export const intakeBrowseQuerySchema = z.object({
  driveId: graphIdSchema.optional(),
  folderId: graphIdSchema.optional(),
});
export type IntakeBrowseQuery = z.infer<typeof intakeBrowseQuerySchema>;

export const intakeBrowseSchema = z.object({
  driveId: z.string(),
  folder: driveFolderSchema,
  /** The folder above, null at the drive's root. */
  parentId: z.string().nullable(),
  /** Its subfolders, by name. */
  folders: z.array(driveFolderSchema),
});
export type IntakeBrowse = z.infer<typeof intakeBrowseSchema>;

/**
 * `POST /fec-intake/rule`: every subfolder of a root named like a dossier's code (`<root>/<code dossier>/`)
 * becomes that dossier's drop folder, for many dossiers at once.
 */
export const intakeRuleResultSchema = z.object({
  matched: z.array(z.object({ code: z.string(), folderName: z.string() })),
  /** Subfolders whose name is no dossier's code. */
  unmatched: z.array(z.string()),
  /** Dossiers left as they were: they already have a folder, or the folder feeds another dossier. */
  skipped: z.array(z.object({ code: z.string(), folderName: z.string(), reason: z.enum(["alreadySet", "taken"]) })),
});
export type IntakeRuleResult = z.infer<typeof intakeRuleResultSchema>;
