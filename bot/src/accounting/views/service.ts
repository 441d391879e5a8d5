import {
  AppError,
  computeKeyFigures,
  computeSig,
  computeTrialBalance,
  isoToYmd,
  lineCountInScope,
  monthlySeries,
  type LedgerAggregate,
  type Principal,
  searchable,
} from "@comptoir/shared";
import type { z } from "zod";
import type {
  accountingPeriodQuerySchema,
  balanceQuerySchema,
  grandLivreQuerySchema,
  journauxQuerySchema,
  AccountingBalance,
  AccountingExercice,
  AccountingExercices,
  AccountingGrandLivre,
  AccountingJournaux,
  AccountingSynthese,
} from "@comptoir/shared/api/accounting";
import { scopeSet, type AccountingAccess } from "../access";
import type { AccountingDeps } from "../deps";
import type { ExercicePointer, VersionRef } from "../store/store";
import { readJournaux } from "./journal-reader";
import { readSearchIndex } from "../store/search-index-reader";
import { auxLedgerReady } from "../store/aux-ledger-read";
import { scansJournals, scansLedger, type HeavyRead } from "./heavy-reads";
import { readGrandLivre } from "./ledger-reader";
import { exerciceMonths, resolvePeriod, type MonthSpan } from "./period";

/** The exercice (by closing date) and the months asked within it, as the views' query schemas parse them. */
type PeriodQuery = z.output<typeof accountingPeriodQuerySchema>;

function dayBefore(iso: string): string {
  const ymd = isoToYmd(iso) ?? 0;
  const d = new Date(Date.UTC(Math.floor(ymd / 10000), (Math.floor(ymd / 100) % 100) - 1, (ymd % 100) - 1));
  return d.toISOString().slice(0, 10);
}

/** The N-1 exercice: the one closing the day before this one opens. */
export function previousOf(pointers: readonly ExercicePointer[], p: ExercicePointer): ExercicePointer | null {
  const end = dayBefore(p.start);
  return pointers.find((q) => q.end === end) ?? null;
}

export function versionOf(access: AccountingAccess, tenantId: string, p: ExercicePointer): VersionRef {
  return { tenantId, dossierId: access.dossier.id, exercice: p.end, importId: p.importId };
}

/**
 * Whether the caller sees anything of this exercice. The pointer lists the codes of the import's lines,
 * so an import with none of a restricted client's établissements is, for them, no import at all (as if
 * it held only their lines): neither listed, nor the N-1 of another, nor readable.
 */
function visible(access: AccountingAccess, p: ExercicePointer): boolean {
  const scope = access.etablissements;
  return scope === undefined || p.etablissements.some((e) => scope.includes(e));
}

/** The dossier's exercices the caller sees, latest first. */
export async function visiblePointers(acc: AccountingDeps, tenantId: string, access: AccountingAccess) {
  return (await acc.store.listPointers(tenantId, access.dossier.id)).filter((p) => visible(access, p));
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
    : ((await visiblePointers(acc, tenantId, access))[0] ?? null);
  if (!pointer || !visible(access, pointer)) throw new AppError("ACCOUNTING_EXERCICE_NOT_FOUND");
  return pointer;
}

/** What a view reads: the asked exercice's served import (see resolveExercice) and the period asked within it. */
export async function viewedImport(
  acc: AccountingDeps,
  principal: Principal,
  access: AccountingAccess,
  query: PeriodQuery,
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
  const pointers = await visiblePointers(acc, principal.tenantId, access);
  const scope = scopeSet(access);
  const items = await Promise.all(
    pointers.map(async (p): Promise<AccountingExercice> => ({
      id: p.end,
      start: p.start,
      end: p.end,
      months: exerciceMonths(p),
      importId: p.importId,
      importedAt: p.importedAt,
      importedBy: access.staff ? p.importedBy : null,
      fileName: access.staff ? p.fileName : null,
      // The pointer counts every line; a restricted client's count comes from the aggregate's per-établissement rows.
      lineCount: access.etablissements
        ? lineCountInScope(
            await acc.store.readAggregate(versionOf(access, principal.tenantId, p)),
            access.etablissements,
          )
        : p.lineCount,
      etablissements: p.etablissements.filter((e) => scope === undefined || scope.has(e)),
      previousId: previousOf(pointers, p)?.end ?? null,
    })),
  );
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
  query: z.output<typeof balanceQuerySchema>,
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
  query: z.output<typeof grandLivreQuerySchema>,
  heavy: HeavyRead,
): Promise<AccountingGrandLivre> {
  const { pointer, period, v } = await viewedImport(acc, principal, access, query);
  // The ledger index is read beside the labels (the page reads it from the store's cache): a cold first page
  // waits for the slower of the two, not for both in turn. An auxiliary's page, searched or not, reads
  // the auxiliaries' copy instead (ledger-reader.ts; until it is built, the index and the aggregate's
  // rows, after the labels).
  const [labels, , auxCopyBuilt] = await Promise.all([
    acc.store.readLabels(v),
    query.aux ? undefined : acc.store.readLedgerIndex(v),
    query.aux ? askForAuxLedger(acc, v) : false,
  ]);
  const q = query.q ? searchable(query.q) : "";
  const read = () =>
    readGrandLivre(
      acc.store,
      v,
      labels,
      {
        account: query.account ?? "",
        ...(query.aux ? { aux: query.aux, auxCopyBuilt } : {}),
        ...(q ? { q } : {}),
        unletteredOnly: query.lettering === "unlettered",
        period,
        scope: scopeSet(access),
      },
      { page: query.page, pageSize: query.pageSize },
      searchable,
    );
  const page = scansLedger(query, auxCopyBuilt) ? await heavy(read) : await read();
  return { ...head(access, pointer, period), ...page };
}

/**
 * Whether the version's auxiliaries' copy is built. An import without it (a lost message, an earlier
 * build) gets it when an auxiliary is first asked for.
 */
async function askForAuxLedger(acc: AccountingDeps, v: VersionRef): Promise<boolean> {
  if (await auxLedgerReady(acc.store, v)) return true;
  await askForSearchIndex(acc, v);
  return false;
}

/** Versions this process asked an index for from a search (bounded: it only spares repeated messages). */
const indexAsked = new Set<string>();

/**
 * A search found no index (or an auxiliary's page no copy, which the same job builds next): it is being
 * built after a recent import, or the import comes from an earlier build and never had one. Asking
 * costs a queue message, and a build of a present index ends at once; once per version and process,
 * so that a build that keeps failing is not asked per search.
 */
async function askForSearchIndex(acc: AccountingDeps, v: VersionRef): Promise<void> {
  const key = `${v.tenantId}|${v.dossierId}|${v.exercice}|${v.importId}`;
  if (acc.requestSearchIndex === undefined || indexAsked.has(key)) return;
  if (indexAsked.size >= 10_000) indexAsked.clear();
  indexAsked.add(key);
  // The search answers anyway (by scanning): a queue that is down must not fail it.
  await acc.requestSearchIndex(v).catch((e: unknown) => acc.log("search index request failed", e));
}

export async function journauxView(
  acc: AccountingDeps,
  principal: Principal,
  access: AccountingAccess,
  query: z.output<typeof journauxQuerySchema>,
  heavy: HeavyRead,
): Promise<AccountingJournaux> {
  const { pointer, period, v } = await viewedImport(acc, principal, access, query);
  const scope = scopeSet(access);
  const q = query.q ? searchable(query.q) : "";
  // A search reads the index's records too (megabytes on a large import): alongside, not after. It is cached
  // for readJournaux; an absent index is not, so readJournaux is told, and scans without looking again. A
  // failed read (undefined) is met again by readJournaux itself.
  const indexed = q
    ? readSearchIndex(acc.store, v).then(
        (index) => index !== null,
        () => undefined,
      )
    : undefined;
  const [labels, indexes] = await Promise.all([acc.store.readLabels(v), acc.store.readJournalIndex(v)]);
  const built = await indexed;
  const pending = q !== "" && built !== true;
  if (pending) await askForSearchIndex(acc, v);
  const read = () =>
    readJournaux(
      acc.store,
      v,
      labels,
      {
        ...(query.journal ? { journal: query.journal } : {}),
        ...(q ? { q, ...(built === false ? { searchIndexBuilt: false } : {}) } : {}),
        period,
        scope,
      },
      { page: query.page, pageSize: query.pageSize },
    );
  const result = scansJournals(query, !pending) ? await heavy(read) : await read();
  const available = indexes
    .filter((i) => i.buckets.some((b) => b[4].some(([etab]) => scope === undefined || scope.has(etab))))
    .map((i) => ({ journalCode: i.journalCode, journalLib: labels.journalLabels[i.journalCode] ?? "" }));
  return { ...head(access, pointer, period), ...result, available, ...(pending ? { searchIndexPending: true } : {}) };
}

/** Months of `period` by rank in `exercice`, mapped onto the same ranks of `other` (N-1). */
export function samePeriodIn(exercice: ExercicePointer, period: MonthSpan, other: ExercicePointer): MonthSpan | null {
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
  query: PeriodQuery,
): Promise<AccountingSynthese> {
  const pointers = await visiblePointers(acc, principal.tenantId, access);
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
