/**
 * What the intake needs of Microsoft Graph's drives (the wiring adapts `bot/src/graph/drive.ts` to it): the
 * production client and the local Graph server differ only by their URL and credentials.
 */

/** A driveItem as the intake sees it: files and folders are placed by their parent's id (delta gives no path). */
export interface DriveEntry {
  id: string;
  name: string;
  kind: "file" | "folder" | "deleted";
  parentId: string | null;
}

export interface IntakeDrives {
  /** Every change since `deltaLink` (the whole drive without one), and the link for the next round. */
  delta(driveId: string, deltaLink: string | null): Promise<{ entries: DriveEntry[]; deltaLink: string }>;
  /** One item, or null when it does not exist or Comptoir may not read it. */
  entry(driveId: string, itemId: string): Promise<DriveEntry | null>;
  /** The drive's root folder, or null when the drive does not exist or Comptoir may not read it. */
  root(driveId: string): Promise<DriveEntry | null>;
  children(driveId: string, folderId: string | null): Promise<DriveEntry[]>;
  download(driveId: string, itemId: string): Promise<ReadableStream<Uint8Array>>;
  subscribe(req: { driveId: string; notificationUrl: string; clientState: string; expires: Date }): Promise<{
    id: string;
    expires: string;
  }>;
  /** Null when Graph no longer knows the subscription (expired, deleted): subscribe again. */
  renew(subscriptionId: string, expires: Date): Promise<{ id: string; expires: string } | null>;
}
