import { AppError, isAppErrorCode, type ErrorCode, type Principal } from "@comptoir/shared";
import type { FecImport, FecImportDetail, FecImportList, FecUploadResult } from "@comptoir/shared/api/accounting";
import { ctxFor, type ServiceDeps } from "../../core/services/context";
import { staffAccess } from "../access";
import type { AccountingDeps } from "../deps";
import type { HeldImportLease } from "../store/import-lease";
import { buildBackgroundIndexes } from "../store/background-indexes";
import type { ExercicePointer, StoredImport } from "../store/store";
import { startImportHeartbeat, importOwnerGone } from "./heartbeat";
import { FecImportJob, importRecord } from "./import-job";

/**
 * One import per dossier, not per exercice (issue 16): a dossier's imports share its history partition and its
 * clean-up, and staff import a dossier's files one at a time. This key keeps it so within this server without a
 * storage round trip; the dossier's blob lease (`store/import-lease.ts`) across servers.
 */
const lockKey = (tenantId: string, dossierId: string) => `${tenantId}|${dossierId}`;

/** An upload's outcome: imported and served, or rejected by its report (the code of its first error, if known). */
export type UploadOutcome =
  | { kind: "imported"; body: FecUploadResult }
  | { kind: "rejected"; firstError: ErrorCode | null; body: FecUploadResult };

/**
 * Streams a FEC into a new version of its exercice and, when the report has no error, switches the
 * exercice to it with one write. Anything short of that (errors in the file, a dropped connection, a
 * storage failure, a crash) leaves the previously served data untouched.
 */
export async function uploadFec(
  deps: ServiceDeps,
  acc: AccountingDeps,
  principal: Principal,
  dossierId: string,
  query: { exercice: { start: string; end: string }; fileName: string },
  body: AsyncIterable<Uint8Array>,
  declaredBytes: number | null,
): Promise<UploadOutcome> {
  const { dossier } = await staffAccess(deps, principal, dossierId);
  if (declaredBytes !== null && declaredBytes > acc.maxUploadBytes) {
    throw new AppError("FEC_TOO_LARGE", { maxBytes: acc.maxUploadBytes });
  }
  const ctx = ctxFor(principal, deps);
  const release = await acc.imports.acquire(principal.oid, lockKey(ctx.tenantId, dossierId));
  let beat: { stop(): Promise<void> } | null = null;
  let lease: HeldImportLease | null = null;
  try {
    // Taken once this server has a slot for the import, so a queued upload never blocks the dossier elsewhere.
    const held = (lease = await acc.importLeases.acquire(ctx.tenantId, dossierId));
    const input = {
      tenantId: ctx.tenantId,
      dossierId,
      importId: deps.newId(),
      exercice: query.exercice,
      fileName: query.fileName,
      siren: dossier.siren,
      actor: ctx.actor,
      now: deps.now,
      maxBytes: acc.maxUploadBytes,
      body,
    };
    const startedAt = deps.now();
    const noExtra = { sha256: null, etablissements: [] };
    await acc.store.putImport(ctx.tenantId, importRecord(input, startedAt, null, "importing", null, noExtra));
    // Until its final status is written, the import beats: a record that stops beating died with its server.
    const beating = (beat = startImportHeartbeat(acc.store, input, deps.now));
    const job = new FecImportJob(acc.store, input);

    const abort = async (error: unknown): Promise<never> => {
      acc.log(`import ${input.importId} aborted`, error);
      await beating.stop();
      const record = importRecord(input, startedAt, deps.now(), "aborted", null, noExtra);
      await acc.store.purgeVersion(job.version).catch((e: unknown) => acc.log("purge failed", e));
      await acc.store
        .putImport(ctx.tenantId, { ...record, purged: true })
        .catch((e: unknown) => acc.log("history update failed", e));
      throw error;
    };

    const report = await job.parse().catch(abort);
    if (!report.ok) {
      const record = importRecord(input, startedAt, deps.now(), "rejected", report, {
        sha256: job.sha256,
        etablissements: [],
      });
      await acc.store.purgeVersion(job.version).catch((e: unknown) => acc.log("purge failed", e));
      await beating.stop();
      await acc.store.putImport(ctx.tenantId, { ...record, purged: true }, report);
      const code = record.firstError;
      const firstError = code && isAppErrorCode(code) ? code : null;
      return { kind: "rejected", firstError, body: { import: publicImport(record, false), report } };
    }

    let previous: ExercicePointer | null = null;
    let record: StoredImport;
    try {
      const { etablissements } = await job.write();
      // Queued before the switch, so that a crash right after it still leaves the work to another instance.
      if (acc.requestSearchIndex) await acc.requestSearchIndex(job.version);
      else await buildBackgroundIndexes(acc.store, job.version);
      await acc.hooks.beforeSwitch?.(job.version);
      await beating.stop();
      await ensureStillOwned(acc, ctx.tenantId, dossierId, input.importId);
      previous = await acc.store.getPointer(ctx.tenantId, dossierId, query.exercice.end);
      // A lost lease means another import of the dossier may be running: this one must not switch the exercice.
      await held.confirm();
      const finishedAt = deps.now();
      await acc.store.setPointer(ctx.tenantId, dossierId, {
        importId: input.importId,
        start: query.exercice.start,
        end: query.exercice.end,
        importedAt: finishedAt.toISOString(),
        importedBy: ctx.actor,
        fileName: query.fileName,
        lineCount: report.lineCount,
        etablissements,
      });
      record = importRecord(input, startedAt, finishedAt, "imported", report, { sha256: job.sha256, etablissements });
    } catch (e) {
      return abort(e);
    }
    await acc.store.putImport(ctx.tenantId, record, report);
    // The clients are told in the background: the import answers without waiting for the queue or Teams.
    acc.onImported?.({ tenantId: ctx.tenantId, dossierId, importId: input.importId, exercice: query.exercice.end });
    // The replaced version stays readable until the next import, for requests that resolved it just before.
    // The older ones are deleted after the answer: nobody waits for it (bench:fec: about 0.25 s of each
    // import). Imports of the dossier may start meanwhile: a running one is never collected, and a
    // cleanup lost with the process is the next import's (it collects every version it does not keep).
    const keep = new Set([input.importId, ...(previous ? [previous.importId] : [])]);
    acc.afterwards.start("garbage collection", () =>
      collectGarbage(deps, acc, ctx.tenantId, dossierId, query.exercice.end, keep),
    );
    return { kind: "imported", body: { import: publicImport(record, true), report } };
  } finally {
    await beat?.stop();
    await lease?.release();
    release();
  }
}

/**
 * Another instance declared this import dead (its beats stalled for 30 s, storage being down):
 * it must not be served, since its data may be collected.
 */
async function ensureStillOwned(acc: AccountingDeps, tenantId: string, dossierId: string, importId: string) {
  const found = await acc.store.getImport(tenantId, dossierId, importId);
  if (found?.record.status !== "importing") throw new AppError("FEC_IMPORT_INTERRUPTED");
}

/** Deletes the data of the exercice's imports that are neither kept nor still running. */
async function collectGarbage(
  deps: ServiceDeps,
  acc: AccountingDeps,
  tenantId: string,
  dossierId: string,
  exercice: string,
  keep: ReadonlySet<string>,
): Promise<void> {
  const now = deps.now().getTime();
  for (const record of await acc.store.listImports(tenantId, dossierId)) {
    if (record.exercice.end !== exercice || keep.has(record.id) || record.purged) continue;
    if (record.status === "importing" && !importOwnerGone(record, now)) continue;
    await acc.store.purgeVersion({ tenantId, dossierId, exercice, importId: record.id });
    await acc.store.putImport(tenantId, {
      ...record,
      status: record.status === "importing" ? "aborted" : record.status,
      purged: true,
    });
  }
}

function publicImport(record: StoredImport, current: boolean): FecImport {
  const { purged: _purged, heartbeatAt: _heartbeatAt, ...rest } = record;
  return { ...rest, current };
}

/** How the history shows a row: the served one is imported (even if its final write was lost). */
function displayed(record: StoredImport, pointers: readonly ExercicePointer[]): FecImport {
  const current = pointers.some((p) => p.importId === record.id);
  return { ...publicImport(record, current), status: current ? "imported" : record.status };
}

/**
 * An "importing" record that stopped beating died with its server (a crash, a kill): it is recorded as
 * aborted, FEC_IMPORT_INTERRUPTED, when read. Any instance may do it; a live import beats, and one whose
 * beats stalled checks its record before switching (`ensureStillOwned`).
 */
async function settleInterrupted(
  deps: ServiceDeps,
  acc: AccountingDeps,
  tenantId: string,
  record: StoredImport,
  pointers: readonly ExercicePointer[],
): Promise<StoredImport> {
  const now = deps.now();
  if (
    record.status !== "importing" ||
    pointers.some((p) => p.importId === record.id) ||
    acc.imports.isActive(lockKey(tenantId, record.dossierId)) ||
    !importOwnerGone(record, now.getTime())
  )
    return record;
  const aborted: StoredImport = {
    ...record,
    status: "aborted",
    firstError: "FEC_IMPORT_INTERRUPTED",
    finishedAt: now.toISOString(),
  };
  await acc.store.putImport(tenantId, aborted);
  return aborted;
}

export async function listImports(
  deps: ServiceDeps,
  acc: AccountingDeps,
  principal: Principal,
  dossierId: string,
  limit: number,
): Promise<FecImportList> {
  await staffAccess(deps, principal, dossierId);
  const [records, pointers] = await Promise.all([
    acc.store.listImports(principal.tenantId, dossierId),
    acc.store.listPointers(principal.tenantId, dossierId),
  ]);
  const items: FecImport[] = [];
  for (const r of records.slice(0, limit))
    items.push(displayed(await settleInterrupted(deps, acc, principal.tenantId, r, pointers), pointers));
  return { items };
}

export async function getImport(
  deps: ServiceDeps,
  acc: AccountingDeps,
  principal: Principal,
  dossierId: string,
  importId: string,
): Promise<FecImportDetail> {
  await staffAccess(deps, principal, dossierId);
  const found = await acc.store.getImport(principal.tenantId, dossierId, importId);
  if (!found?.report) throw new AppError("FEC_IMPORT_NOT_FOUND");
  const pointers = await acc.store.listPointers(principal.tenantId, dossierId);
  const record = await settleInterrupted(deps, acc, principal.tenantId, found.record, pointers);
  return { import: displayed(record, pointers), report: found.report };
}

/** Stops serving an exercice; its data is deleted with it. */
export async function deleteExercice(
  deps: ServiceDeps,
  acc: AccountingDeps,
  principal: Principal,
  dossierId: string,
  exercice: string,
): Promise<void> {
  await staffAccess(deps, principal, dossierId);
  const pointer = await acc.store.getPointer(principal.tenantId, dossierId, exercice);
  if (!pointer) throw new AppError("ACCOUNTING_EXERCICE_NOT_FOUND");
  await acc.store.deletePointer(principal.tenantId, dossierId, exercice);
  await collectGarbage(deps, acc, principal.tenantId, dossierId, exercice, new Set()).catch((e: unknown) =>
    acc.log("garbage collection failed", e),
  );
}
