import {
  AppError,
  computeKeyFigures,
  computeSig,
  computeTrialBalance,
  isoToYmd,
  monthlySeries,
  type LedgerAggregate,
  type Principal,
} from "@comptoir/shared";
import {
  FEC_DEFAULT_MAX_BYTES,
  type AccountingBalance,
  type AccountingExercice,
  type AccountingExercices,
  type AccountingGrandLivre,
  type AccountingJournaux,
  type AccountingSynthese,
  type FecImport,
  type FecImportDetail,
  type FecImportList,
  type FecUploadResult,
} from "@comptoir/shared/api/accounting";
import { HTTP_STATUS } from "../http/error-status";
import { searchable } from "../readmodels/memory-index";
import type { Storage } from "../storage/connection";
import { ctxFor, type ServiceDeps } from "../services/context";
import { scopeSet, staffAccess, type AccountingAccess } from "./access";
import { FecImportJob, importRecord, type ImportHooks } from "./import";
import { ImportGate } from "./import-gate";
import { readJournaux } from "./journal-reader";
import { readGrandLivre } from "./ledger-reader";
import { exerciceMonths, resolvePeriod, type MonthSpan } from "./period";
import { AccountingStore, type ExercicePointer, type StoredImport, type VersionRef } from "./store";

export type AccountingDeps = {
  store: AccountingStore;
  gate: ImportGate;
  maxUploadBytes: number;
  hooks: ImportHooks;
  log: (message: string, error?: unknown) => void;
};

export type AccountingOptions = {
  /** Upload limit in bytes (FEC_MAX_BYTES); default 300 MB. */
  maxUploadBytes?: number;
  /** Imports running at once on this server (FEC_IMPORT_CONCURRENCY); default 1. */
  concurrentImports?: number;
  /** How long an upload waits for a free import slot before FEC_IMPORT_BUSY. */
  importWaitMs?: number;
  hooks?: ImportHooks;
};

export function createAccountingDeps(storage: Storage, options: AccountingOptions = {}): AccountingDeps {
  return {
    store: AccountingStore.fromStorage(storage),
    gate: new ImportGate(options.concurrentImports ?? 1, options.importWaitMs ?? 30_000),
    maxUploadBytes: options.maxUploadBytes ?? FEC_DEFAULT_MAX_BYTES,
    hooks: options.hooks ?? {},
    log: (message, error) => console.error(`[accounting] ${message}`, error ?? ""),
  };
}

/** An "importing" row older than this, that no import of this server holds, died with its server. */
const STALE_IMPORT_MS = 60 * 60_000;

const lockKey = (tenantId: string, dossierId: string, exercice: string) => `${tenantId}|${dossierId}|${exercice}`;

// ---- Import ----

export type UploadOutcome = { status: number; body: FecUploadResult };

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
  const release = await acc.gate.acquire(lockKey(ctx.tenantId, dossierId, query.exercice.end));
  try {
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
    const job = new FecImportJob(acc.store, input);

    const abort = async (error: unknown): Promise<never> => {
      acc.log(`import ${input.importId} aborted`, error);
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
      await acc.store.putImport(ctx.tenantId, { ...record, purged: true }, report);
      const code = record.firstError;
      const status = code && code in HTTP_STATUS ? HTTP_STATUS[code as keyof typeof HTTP_STATUS] : 422;
      return { status, body: { import: publicImport(record, false), report } };
    }

    let previous: ExercicePointer | null = null;
    let record: StoredImport;
    try {
      const { etablissements } = await job.write();
      await acc.hooks.beforeSwitch?.(job.version);
      previous = await acc.store.getPointer(ctx.tenantId, dossierId, query.exercice.end);
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
    // The replaced version stays readable until the next import, for requests that resolved it just before.
    const keep = new Set([input.importId, ...(previous ? [previous.importId] : [])]);
    await collectGarbage(deps, acc, ctx.tenantId, dossierId, query.exercice.end, keep).catch((e: unknown) =>
      acc.log("garbage collection failed", e),
    );
    return { status: 201, body: { import: publicImport(record, true), report } };
  } finally {
    release();
  }
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
    if (record.status === "importing" && now - Date.parse(record.startedAt) < STALE_IMPORT_MS) continue;
    await acc.store.purgeVersion({ tenantId, dossierId, exercice, importId: record.id });
    await acc.store.putImport(tenantId, {
      ...record,
      status: record.status === "importing" ? "aborted" : record.status,
      purged: true,
    });
  }
}

function publicImport(record: StoredImport, current: boolean): FecImport {
  const { purged: _purged, ...rest } = record;
  return { ...rest, current };
}

/** How the history shows a row: the served one is imported; a long-dead "importing" one is aborted. */
function displayed(
  tenantId: string,
  record: StoredImport,
  pointers: readonly ExercicePointer[],
  acc: AccountingDeps,
  now: number,
): FecImport {
  const current = pointers.some((p) => p.importId === record.id);
  let status = record.status;
  if (current) status = "imported";
  else if (
    status === "importing" &&
    !acc.gate.isActive(lockKey(tenantId, record.dossierId, record.exercice.end)) &&
    now - Date.parse(record.startedAt) > STALE_IMPORT_MS
  )
    status = "aborted";
  return { ...publicImport(record, current), status };
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
  const now = deps.now().getTime();
  return { items: records.slice(0, limit).map((r) => displayed(principal.tenantId, r, pointers, acc, now)) };
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
  return {
    import: displayed(principal.tenantId, found.record, pointers, acc, deps.now().getTime()),
    report: found.report,
  };
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

// ---- Reading ----

function dayBefore(iso: string): string {
  const ymd = isoToYmd(iso) ?? 0;
  const d = new Date(Date.UTC(Math.floor(ymd / 10000), (Math.floor(ymd / 100) % 100) - 1, (ymd % 100) - 1));
  return d.toISOString().slice(0, 10);
}

/** The N-1 exercice: the one closing the day before this one opens. */
function previousOf(pointers: readonly ExercicePointer[], p: ExercicePointer): ExercicePointer | null {
  const end = dayBefore(p.start);
  return pointers.find((q) => q.end === end) ?? null;
}

export function versionOf(access: AccountingAccess, tenantId: string, p: ExercicePointer): VersionRef {
  return { tenantId, dossierId: access.dossier.id, exercice: p.end, importId: p.importId };
}

/** The asked exercice (by closing date), or the latest one. */
async function resolveExercice(
  acc: AccountingDeps,
  tenantId: string,
  access: AccountingAccess,
  exercice: string | undefined,
): Promise<ExercicePointer> {
  const pointer = exercice
    ? await acc.store.getPointer(tenantId, access.dossier.id, exercice)
    : ((await acc.store.listPointers(tenantId, access.dossier.id))[0] ?? null);
  if (!pointer) throw new AppError("ACCOUNTING_EXERCICE_NOT_FOUND");
  return pointer;
}

/** What a view reads: the asked exercice's served import (see resolveExercice) and the period asked within it. */
export async function viewedImport(
  acc: AccountingDeps,
  principal: Principal,
  access: AccountingAccess,
  query: { exercice?: string | undefined; from?: string | undefined; to?: string | undefined },
): Promise<{ pointer: ExercicePointer; period: MonthSpan; v: VersionRef }> {
  const pointer = await resolveExercice(acc, principal.tenantId, access, query.exercice);
  const period = resolvePeriod(pointer, query.from, query.to);
  return { pointer, period, v: versionOf(access, principal.tenantId, pointer) };
}

function head(access: AccountingAccess, p: ExercicePointer, period: MonthSpan) {
  return {
    exercice: { id: p.end, start: p.start, end: p.end, importId: p.importId },
    period,
    restricted: access.etablissements !== undefined,
  };
}

export async function listExercices(
  acc: AccountingDeps,
  principal: Principal,
  access: AccountingAccess,
): Promise<AccountingExercices> {
  const pointers = await acc.store.listPointers(principal.tenantId, access.dossier.id);
  const scope = scopeSet(access);
  const items: AccountingExercice[] = pointers.map((p) => ({
    id: p.end,
    start: p.start,
    end: p.end,
    months: exerciceMonths(p),
    importId: p.importId,
    importedAt: p.importedAt,
    importedBy: access.staff ? p.importedBy : null,
    fileName: access.staff ? p.fileName : null,
    lineCount: p.lineCount,
    etablissements: p.etablissements.filter((e) => scope === undefined || scope.has(e)),
    previousId: previousOf(pointers, p)?.end ?? null,
  }));
  return { items, restricted: scope !== undefined, maxUploadBytes: acc.maxUploadBytes };
}

/** Rows of accounts (or auxiliary accounts) whose number starts with `q` or whose label holds its words. */
function searchAggregate(aggregate: LedgerAggregate, q: string | undefined): LedgerAggregate {
  const raw = q?.trim() ?? "";
  if (raw === "") return aggregate;
  const words = searchable(raw);
  const matches = (num: string, label: string | undefined) =>
    num.startsWith(raw) || (label !== undefined && searchable(label).includes(words));
  const accountHit = new Map<string, boolean>();
  const auxHit = new Map<string, boolean>();
  const rows = aggregate.rows.filter((r) => {
    let a = accountHit.get(r.compteNum);
    if (a === undefined) {
      a = matches(r.compteNum, aggregate.accountLabels[r.compteNum]);
      accountHit.set(r.compteNum, a);
    }
    if (a) return true;
    if (r.compAuxNum === "") return false;
    let x = auxHit.get(r.compAuxNum);
    if (x === undefined) {
      x = matches(r.compAuxNum, aggregate.auxiliaryLabels[r.compAuxNum]);
      auxHit.set(r.compAuxNum, x);
    }
    return x;
  });
  return { ...aggregate, rows };
}

export async function balanceView(
  acc: AccountingDeps,
  principal: Principal,
  access: AccountingAccess,
  query: { exercice?: string | undefined; from?: string | undefined; to?: string | undefined; q?: string | undefined },
): Promise<AccountingBalance> {
  const { pointer, period, v } = await viewedImport(acc, principal, access, query);
  const aggregate = await acc.store.readAggregate(v);
  const balance = computeTrialBalance(searchAggregate(aggregate, query.q), {
    period,
    ...(access.etablissements ? { etablissements: access.etablissements } : {}),
  });
  return { ...head(access, pointer, period), balance };
}

export async function grandLivreView(
  acc: AccountingDeps,
  principal: Principal,
  access: AccountingAccess,
  query: {
    exercice?: string | undefined;
    from?: string | undefined;
    to?: string | undefined;
    account?: string | undefined;
    aux?: string | undefined;
    q?: string | undefined;
    lettering: "all" | "unlettered";
    page: number;
    pageSize: number;
  },
): Promise<AccountingGrandLivre> {
  const { pointer, period, v } = await viewedImport(acc, principal, access, query);
  const aggregate = await acc.store.readAggregate(v);
  const q = query.q ? searchable(query.q) : "";
  const page = await readGrandLivre(
    acc.store,
    v,
    aggregate,
    {
      account: query.account ?? "",
      ...(query.aux ? { aux: query.aux } : {}),
      ...(q ? { q } : {}),
      unletteredOnly: query.lettering === "unlettered",
      period,
      scope: scopeSet(access),
    },
    { page: query.page, pageSize: query.pageSize },
    searchable,
  );
  return { ...head(access, pointer, period), ...page };
}

export async function journauxView(
  acc: AccountingDeps,
  principal: Principal,
  access: AccountingAccess,
  query: {
    exercice?: string | undefined;
    from?: string | undefined;
    to?: string | undefined;
    journal?: string | undefined;
    q?: string | undefined;
    page: number;
    pageSize: number;
  },
): Promise<AccountingJournaux> {
  const { pointer, period, v } = await viewedImport(acc, principal, access, query);
  const scope = scopeSet(access);
  const [aggregate, indexes] = await Promise.all([acc.store.readAggregate(v), acc.store.readJournalIndex(v)]);
  const q = query.q ? searchable(query.q) : "";
  const result = await readJournaux(
    acc.store,
    v,
    aggregate,
    { ...(query.journal ? { journal: query.journal } : {}), ...(q ? { q } : {}), period, scope },
    { page: query.page, pageSize: query.pageSize },
    searchable,
  );
  const available = indexes
    .filter((i) => i.buckets.some((b) => b[4].some(([etab]) => scope === undefined || scope.has(etab))))
    .map((i) => ({ journalCode: i.journalCode, journalLib: aggregate.journalLabels[i.journalCode] ?? "" }));
  return { ...head(access, pointer, period), ...result, available };
}

/** Months of `period` by rank in `exercice`, mapped onto the same ranks of `other` (N-1). */
function samePeriodIn(exercice: ExercicePointer, period: MonthSpan, other: ExercicePointer): MonthSpan | null {
  const months = exerciceMonths(exercice);
  const others = exerciceMonths(other);
  const from = others[months.indexOf(period.from)];
  const to = others[Math.min(months.indexOf(period.to), others.length - 1)];
  return from !== undefined && to !== undefined ? { from, to } : null;
}

export async function syntheseView(
  acc: AccountingDeps,
  principal: Principal,
  access: AccountingAccess,
  query: { exercice?: string | undefined; from?: string | undefined; to?: string | undefined },
): Promise<AccountingSynthese> {
  const pointers = await acc.store.listPointers(principal.tenantId, access.dossier.id);
  const pointer = query.exercice ? pointers.find((p) => p.end === query.exercice) : pointers[0];
  if (!pointer) throw new AppError("ACCOUNTING_EXERCICE_NOT_FOUND");
  const period = resolvePeriod(pointer, query.from, query.to);
  const etablissements = access.etablissements;
  const scope = { period, ...(etablissements ? { etablissements } : {}) };
  const aggregate = await acc.store.readAggregate(versionOf(access, principal.tenantId, pointer));
  const prevPointer = previousOf(pointers, pointer);
  const prevAggregate = prevPointer
    ? await acc.store.readAggregate(versionOf(access, principal.tenantId, prevPointer))
    : null;
  const prevPeriod = prevPointer ? samePeriodIn(pointer, period, prevPointer) : null;
  const prevScope = prevPeriod ? { period: prevPeriod, ...(etablissements ? { etablissements } : {}) } : null;
  return {
    ...head(access, pointer, period),
    keyFigures: computeKeyFigures(aggregate, scope),
    previousKeyFigures: prevAggregate && prevScope ? computeKeyFigures(prevAggregate, prevScope) : null,
    sig: computeSig(aggregate, scope),
    previousSig: prevAggregate && prevScope ? computeSig(prevAggregate, prevScope) : null,
    monthly: monthlySeries(aggregate, pointer, {
      ...(etablissements ? { etablissements } : {}),
      ...(prevAggregate && prevPointer ? { previous: { aggregate: prevAggregate, exercice: prevPointer } } : {}),
    }),
    previous: prevPointer ? { id: prevPointer.end, start: prevPointer.start, end: prevPointer.end } : null,
  };
}
