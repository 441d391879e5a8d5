import { randomBytes } from "node:crypto";
import { createReadStream } from "node:fs";
import { AppError, type Principal } from "@comptoir/shared";
import { intakeExercice } from "@comptoir/shared/accounting/fec/intake-exercice";
import { parseFecFileName } from "@comptoir/shared/accounting/fec/filename";
import type {
  IntakeBrowse,
  IntakeBrowseQuery,
  IntakeFile,
  IntakeFolder,
  IntakeFolderInput,
  IntakeRuleResult,
  IntakeStatus,
} from "@comptoir/shared/api/fec-intake";
import { ctxFor, type ServiceDeps } from "../../core/services/context";
import { staffAccess } from "../access";
import type { AccountingDeps } from "../deps";
import { uploadFec } from "../import/service";
import type { DriveState, IntakeStore } from "../store/intake-store";
import type { DriveEntry, IntakeDrives } from "./drive-port";
import { sniffDownload } from "./file-sniff";

/** What the intake works with: the domain's services, the accounting slice, its table and Graph's drives. */
export interface IntakeDeps {
  deps: ServiceDeps;
  acc: AccountingDeps;
  store: IntakeStore;
  drives: IntakeDrives;
  /** The firm's document library the folder browser opens on (INTAKE_DRIVE_ID). */
  defaultDriveId?: string | undefined;
  /** Where Graph posts this deployment's change notifications (INTAKE_NOTIFICATION_URL). */
  notificationUrl: string;
  /** Work for the queue: a drive to sync, or one file to import. */
  enqueue: (job: IntakeJob) => Promise<void>;
  /** A file of a dossier's folder was refused by its validation report: staff are told (a bot card). */
  onRejected?: (tenantId: string, file: IntakeFile, folder: IntakeFolder) => Promise<void>;
}

export type IntakeJob =
  | { kind: "drive"; tenantId: string; driveId: string }
  | { kind: "file"; tenantId: string; dossierId: string; driveId: string; itemId: string; name: string };

/** A subscription on a driveItem lasts at most 42,300 minutes; Comptoir asks for 2 days and renews a day ahead. */
export const SUBSCRIPTION_DAYS = 2;
const RENEW_AHEAD_MS = 24 * 3_600_000;

/** The dossier's folder and the files seen in it. */
export async function intakeStatus(d: IntakeDeps, principal: Principal, dossierId: string): Promise<IntakeStatus> {
  await staffAccess(d.deps, principal, dossierId);
  const folder = await d.store.getFolder(principal.tenantId, dossierId);
  const files = await d.store.listFiles(principal.tenantId, dossierId);
  return { folder: folder?.value ?? null, files: files.slice(0, 50) };
}

/** Staff choose the folder: it must be a folder Comptoir can read; its drive is then watched and synced. */
export async function setIntakeFolder(
  d: IntakeDeps,
  principal: Principal,
  dossierId: string,
  input: IntakeFolderInput,
): Promise<IntakeStatus> {
  await staffAccess(d.deps, principal, dossierId);
  const folder = await d.drives.entry(input.driveId, input.folderId);
  if (!folder) throw new AppError("INTAKE_DRIVE_NOT_FOUND");
  if (folder.kind !== "folder") throw new AppError("INTAKE_NOT_A_FOLDER");
  const ctx = ctxFor(principal, d.deps);
  try {
    await d.store.setFolder(ctx.tenantId, dossierId, {
      ...input,
      folderName: folder.name,
      configuredBy: ctx.actor,
      configuredAt: ctx.now.toISOString(),
    });
  } catch (e) {
    if (!(e instanceof AppError && e.code === "INTAKE_FOLDER_TAKEN")) throw e;
    const other = await d.deps.repos.dossiers.get(ctx.tenantId, String(e.params.dossierId));
    throw new AppError("INTAKE_FOLDER_TAKEN", { code: other?.value.code ?? "?" });
  }
  await watchDrive(d, ctx.tenantId, input.driveId);
  await d.enqueue({ kind: "drive", tenantId: ctx.tenantId, driveId: input.driveId });
  return intakeStatus(d, principal, dossierId);
}

/** The folder browser: a drive's root or one folder, and its subfolders by name (staff). */
export async function browseFolders(d: IntakeDeps, query: IntakeBrowseQuery): Promise<IntakeBrowse> {
  const driveId = query.driveId ?? d.defaultDriveId;
  if (!driveId) throw new AppError("INTAKE_DRIVE_NOT_FOUND");
  const folder = query.folderId ? await d.drives.entry(driveId, query.folderId) : await d.drives.root(driveId);
  if (!folder) throw new AppError("INTAKE_DRIVE_NOT_FOUND");
  if (folder.kind !== "folder") throw new AppError("INTAKE_NOT_A_FOLDER");
  const children = await d.drives.children(driveId, query.folderId ?? null);
  const folders = children
    .filter((c) => c.kind === "folder")
    .map((c) => ({ id: c.id, name: c.name }))
    .sort((a, b) => a.name.localeCompare(b.name, "fr"));
  return { driveId, folder: { id: folder.id, name: folder.name }, parentId: folder.parentId, folders };
}

/**
 * `<root>/<code dossier>/` for many dossiers at once: each subfolder of the root named like a dossier's code
 * (case and spaces aside) becomes its drop folder, unless the dossier already has one.
 */
export async function applyFolderRule(
  d: IntakeDeps,
  principal: Principal,
  root: IntakeFolderInput,
): Promise<IntakeRuleResult> {
  const ctx = ctxFor(principal, d.deps);
  const browsed = await browseFolders(d, root);
  const result: IntakeRuleResult = { matched: [], unmatched: [], skipped: [] };
  for (const folder of browsed.folders) {
    // The code index folds case and spaces as the dossier form does.
    const id = await d.deps.repos.dossiers.findIdByCode(ctx.tenantId, folder.name);
    const dossier = id ? (await d.deps.repos.dossiers.get(ctx.tenantId, id))?.value : undefined;
    if (!dossier) {
      result.unmatched.push(folder.name);
      continue;
    }
    if (await d.store.getFolder(ctx.tenantId, dossier.id)) {
      result.skipped.push({ code: dossier.code, folderName: folder.name, reason: "alreadySet" });
      continue;
    }
    try {
      await d.store.setFolder(ctx.tenantId, dossier.id, {
        driveId: browsed.driveId,
        folderId: folder.id,
        folderName: folder.name,
        configuredBy: ctx.actor,
        configuredAt: ctx.now.toISOString(),
      });
      result.matched.push({ code: dossier.code, folderName: folder.name });
    } catch (e) {
      if (!(e instanceof AppError && e.code === "INTAKE_FOLDER_TAKEN")) throw e;
      result.skipped.push({ code: dossier.code, folderName: folder.name, reason: "taken" });
    }
  }
  if (result.matched.length > 0) {
    await watchDrive(d, ctx.tenantId, browsed.driveId);
    await d.enqueue({ kind: "drive", tenantId: ctx.tenantId, driveId: browsed.driveId });
  }
  return result;
}

export async function removeIntakeFolder(d: IntakeDeps, principal: Principal, dossierId: string): Promise<void> {
  await staffAccess(d.deps, principal, dossierId);
  await d.store.removeFolder(principal.tenantId, dossierId);
}

/**
 * Keeps one Graph subscription per drive (not per dossier): made when missing, renewed a day before it
 * expires, made again when Graph forgot it. Under the drive row's ETag, so two instances never both subscribe.
 */
export async function watchDrive(d: IntakeDeps, tenantId: string, driveId: string): Promise<void> {
  const read = await d.store.getDrive(tenantId, driveId);
  const now = d.deps.now().getTime();
  const state: DriveState = read?.value ?? {
    driveId,
    deltaLink: null,
    subscriptionId: null,
    clientState: randomBytes(24).toString("base64url"),
    subscriptionExpires: null,
  };
  const expires = state.subscriptionExpires ? Date.parse(state.subscriptionExpires) : 0;
  if (state.subscriptionId && expires - now > RENEW_AHEAD_MS) return;
  const until = new Date(now + SUBSCRIPTION_DAYS * 86_400_000);
  const renewed = state.subscriptionId ? await d.drives.renew(state.subscriptionId, until) : null;
  const subscription =
    renewed ??
    (await d.drives.subscribe({
      driveId,
      notificationUrl: d.notificationUrl,
      clientState: state.clientState,
      expires: until,
    }));
  await d.store.putDrive(
    tenantId,
    { ...state, subscriptionId: subscription.id, subscriptionExpires: subscription.expires },
    read?.etag ?? "",
  );
}

/**
 * One delta round of a drive: every new or changed file whose parent is a dossier's intake folder becomes a
 * file job. The delta link advances under the drive row's ETag; a round that lost the race to another
 * instance still queued its files, whose import is claimed once by content.
 */
export async function syncDrive(d: IntakeDeps, tenantId: string, driveId: string): Promise<number> {
  const read = await d.store.getDrive(tenantId, driveId);
  if (!read) return 0;
  const round = await d.drives.delta(driveId, read.value.deltaLink);
  let queued = 0;
  for (const entry of round.entries) {
    if (!looksLikeFecName(entry)) continue;
    const dossierId = entry.parentId ? await d.store.dossierOfFolder(tenantId, driveId, entry.parentId) : null;
    if (!dossierId) continue;
    await d.enqueue({ kind: "file", tenantId, dossierId, driveId, itemId: entry.id, name: entry.name });
    queued++;
  }
  await d.store.putDrive(tenantId, { ...read.value, deltaLink: round.deltaLink }, read.etag).catch((e: unknown) => {
    if (!(e instanceof AppError && e.code === "CONFLICT")) throw e;
  });
  return queued;
}

/** Text files of any name may be a FEC (the content decides); other kinds of files are left alone. */
function looksLikeFecName(entry: DriveEntry): boolean {
  if (entry.kind !== "file") return false;
  return parseFecFileName(entry.name) !== null || /\.(txt|csv)$/i.test(entry.name);
}

export type FileOutcome = "imported" | "rejected" | "duplicate" | "not-a-fec";

/**
 * Imports one file of a dossier's folder as an upload would be: downloaded once to disk (hashed and dated
 * on the way), claimed by its SHA-256 so that it is imported once across retries and instances, then
 * streamed through the same import (validation report, atomic switch, client notices).
 */
export async function importDriveFile(d: IntakeDeps, job: Extract<IntakeJob, { kind: "file" }>): Promise<FileOutcome> {
  const folder = await d.store.getFolder(job.tenantId, job.dossierId);
  const dossier = await d.deps.repos.dossiers.get(job.tenantId, job.dossierId);
  if (!folder || !dossier) return "not-a-fec";
  const file = await sniffDownload(await d.drives.download(job.driveId, job.itemId), d.acc.maxUploadBytes);
  try {
    const exercice = intakeExercice({
      fileName: job.name,
      fiscalYearEnd: dossier.value.fiscalYearEnd,
      firstDate: file.firstDate,
      lastDate: file.lastDate,
    });
    if (!file.fecHeader || !exercice) return "not-a-fec";
    const seen: IntakeFile = {
      sha256: file.sha256,
      dossierId: job.dossierId,
      driveId: job.driveId,
      itemId: job.itemId,
      fileName: job.name,
      importId: "pending",
      status: "importing",
      firstError: null,
      seenAt: d.deps.now().toISOString(),
    };
    if (!(await claim(d, job.tenantId, seen))) return "duplicate";
    const principal: Principal = {
      tenantId: job.tenantId,
      oid: folder.value.configuredBy.oid,
      // The history names the intake, on behalf of whoever chose the folder.
      name: `Dépôt automatique (${folder.value.configuredBy.name})`,
      username: "",
      roles: ["Firm.Staff"],
      kind: "staff",
    };
    const outcome = await uploadFec(
      d.deps,
      d.acc,
      principal,
      job.dossierId,
      { exercice, fileName: job.name },
      createReadStream(file.path),
      file.bytes,
    ).catch(async (e: unknown) => {
      // Not imported (a busy dossier, storage down): the claim is released for the queue's retry.
      await settle(d, job.tenantId, { ...seen, status: "aborted" });
      throw e;
    });
    const done: IntakeFile = {
      ...seen,
      importId: outcome.body.import.id,
      status: outcome.kind,
      firstError: outcome.kind === "rejected" ? outcome.firstError : null,
    };
    await settle(d, job.tenantId, done);
    if (outcome.kind === "rejected") await d.onRejected?.(job.tenantId, done, folder.value);
    return outcome.kind;
  } finally {
    await file.remove();
  }
}

/** A claim still "importing" after this long died with its instance (an import of 300 MB takes minutes). */
const STALE_CLAIM_MS = 30 * 60_000;

/** Insert-only; an aborted (or long dead) earlier attempt of the same content is taken over under its ETag. */
async function claim(d: IntakeDeps, tenantId: string, file: IntakeFile): Promise<boolean> {
  if (await d.store.claimFile(tenantId, file)) return true;
  const existing = await d.store.getFile(tenantId, file.dossierId, file.sha256);
  if (!existing) return false;
  const dead =
    existing.value.status === "importing" &&
    d.deps.now().getTime() - Date.parse(existing.value.seenAt) > STALE_CLAIM_MS;
  if (existing.value.status !== "aborted" && !dead) return false;
  return d.store.updateFile(tenantId, file, existing.etag).then(
    () => true,
    (e: unknown) => {
      if (e instanceof AppError && e.code === "CONFLICT") return false;
      throw e;
    },
  );
}

async function settle(d: IntakeDeps, tenantId: string, file: IntakeFile): Promise<void> {
  const current = await d.store.getFile(tenantId, file.dossierId, file.sha256);
  if (current) await d.store.updateFile(tenantId, file, current.etag);
}

/**
 * The fallback of missed notifications: every watched drive of every firm is synced (and its subscription
 * kept alive). Any instance may run it; rounds are idempotent.
 */
export async function sweep(d: IntakeDeps): Promise<void> {
  for (const tenantId of await d.store.tenantsWithFolders()) {
    const drives = new Set((await d.store.listFolders(tenantId)).map((f) => f.driveId));
    for (const driveId of drives) {
      await watchDrive(d, tenantId, driveId);
      await d.enqueue({ kind: "drive", tenantId, driveId });
    }
  }
}
