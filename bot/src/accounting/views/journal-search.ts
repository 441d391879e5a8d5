import type { LedgerAggregate } from "@comptoir/shared";
import type { JournalSectionDto } from "@comptoir/shared/api/accounting";
import { naturalCompare, pageInfo } from "@comptoir/shared/accounting/compute/paging";
import { inScope } from "../access";
import { readBucketLines, type StoredLine } from "../store/entry-records";
import { accountToken, searchTokens } from "../store/search-index";
import { readSearchIndex, type StoredSearchIndex } from "../store/search-index-reader";
import type { AccountingStore, JournalIndex, VersionRef } from "../store/store";
import type { MonthSpan } from "./period";

/**
 * The journaux' search (issue 17). A query matches an écriture when each of its words (split and
 * folded like `searchable()`: case and accents ignored) begins a word of the écriture's visible
 * lines: their label, piece reference, écriture number or auxiliary account; or begins one of their
 * account numbers; or begins a word of one of their accounts' labels. Imports with a search index
 * answer from it (search-index.ts): the matches, their counts and totals come from the index, and
 * only the lines of the page's écritures are read. Imports without one scan their journaux.
 */

export type Ecriture = { ecritureNum: string; lines: StoredLine[] };
type Bucket = JournalIndex["buckets"][number];
type Scope = ReadonlySet<string> | undefined;

/** The words of a query; none (only punctuation) means no search. */
export const queryWords = (q: string): string[] => searchTokens(q);

const startsAny = (tokens: readonly string[], word: string) => tokens.some((t) => t.startsWith(word));

/** Whether a word begins one of the searchable words of a line (the rule above, for one line). */
function lineHasWord(l: StoredLine, word: string, accountLabels: Readonly<Record<string, string>>): boolean {
  return (
    startsAny(searchTokens(l.ecritureLib), word) ||
    startsAny(searchTokens(l.pieceRef), word) ||
    startsAny(searchTokens(l.ecritureNum), word) ||
    startsAny(searchTokens(l.compAuxNum ?? ""), word) ||
    accountToken(l.compteNum).slice(1).startsWith(word) ||
    startsAny(searchTokens(accountLabels[l.compteNum] ?? ""), word)
  );
}

/** The rule itself, over an écriture's visible lines: what the scan applies, and the index answers. */
export function ecritureMatches(
  lines: readonly StoredLine[],
  words: readonly string[],
  accountLabels: Readonly<Record<string, string>>,
): boolean {
  return words.every((w) => lines.some((l) => lineHasWord(l, w, accountLabels)));
}

/** Accounts whose label has a word starting with `word`. */
function accountsNamedBy(aggregate: LedgerAggregate): (word: string) => string[] {
  const labels = Object.entries(aggregate.accountLabels).map(([num, label]) => [num, searchTokens(label)] as const);
  return (word) => labels.filter(([, tokens]) => startsAny(tokens, word)).map(([num]) => num);
}

/** A match: where it sorts (journal, month, date, then number and file order) and what it adds up to. */
type Hit = {
  ordinal: number;
  rank: number;
  journal: JournalIndex;
  bucket: Bucket;
  date: number;
  pos: number;
  lines: number;
  debit: number;
  credit: number;
  /**
   * Its bucket's écritures were stored in display order (journal-paging.ts) and none of its matches moved
   * to the date of its visible lines: file order is then display order, and no day needs reading to sort.
   */
  stored: boolean;
  /** Its visible lines, once read. */
  ecriture?: Ecriture;
};

const byDay = (a: Hit, b: Hit) => a.rank - b.rank || a.bucket[0] - b.bucket[0] || a.date - b.date;
const sameDay = (a: Hit | undefined, b: Hit | undefined) => a !== undefined && b !== undefined && byDay(a, b) === 0;
/** Display order, once the écritures of a day are read: the scan's order (date, number, file order). */
const displayOrder = (a: Hit, b: Hit) =>
  byDay(a, b) || naturalCompare(a.ecriture?.ecritureNum ?? "", b.ecriture?.ecritureNum ?? "") || a.ordinal - b.ordinal;

/**
 * Reads the visible lines of these écritures: per journal bucket, only the segments (frames) holding
 * them, through the page reads (cached frames).
 */
async function readHits(store: AccountingStore, v: VersionRef, hits: readonly Hit[], scope: Scope): Promise<void> {
  const byBucket = new Map<Bucket, Hit[]>();
  for (const h of hits) {
    if (h.ecriture) continue;
    const list = byBucket.get(h.bucket);
    if (list) list.push(h);
    else byBucket.set(h.bucket, [h]);
  }
  const plans = [...byBucket].map(([bucket, list]) => {
    const starts: number[] = [];
    let at = 0;
    for (const s of bucket[1]) {
      starts.push(at);
      at += s[2];
    }
    const wanted = new Set<number>();
    for (const h of list)
      bucket[1].forEach((s, k) => {
        const start = starts[k] ?? 0;
        if (start < h.pos + h.lines && start + s[2] > h.pos) wanted.add(k);
      });
    const chosen = [...wanted].sort((a, b) => a - b);
    return { bucket, list, starts, chosen };
  });
  const read = await readBucketLines(
    store,
    v,
    "journal",
    plans.map((p) => ({ id: p.bucket[5], segments: p.chosen.map((k) => p.bucket[1][k] ?? [0, 0, 0]), bytes: 0 })),
  );
  plans.forEach((p, i) => {
    const lines = read[i] ?? [];
    // Where each chosen segment's lines begin, in the bucket and in what was read.
    let outAt = 0;
    const outStart = new Map<number, number>();
    for (const k of p.chosen) {
      outStart.set(k, outAt);
      outAt += p.bucket[1][k]?.[2] ?? 0;
    }
    for (const h of p.list) {
      const k = p.chosen.find((c) => (p.starts[c] ?? 0) + (p.bucket[1][c]?.[2] ?? 0) > h.pos) ?? -1;
      const from = (outStart.get(k) ?? 0) + h.pos - (p.starts[k] ?? 0);
      const visible = lines.slice(from, from + h.lines).filter((l) => inScope(scope, l.etablissement));
      h.ecriture = { ecritureNum: visible[0]?.ecritureNum ?? "", lines: visible };
    }
  });
}

type SearchQuery = { journals: readonly JournalIndex[]; period: MonthSpan; scope: Scope; words: readonly string[] };

/**
 * Every match in scope and period, ordered by journal, month and date (the days' own order needs
 * their numbers: `inOrder`). An écriture whose lines lie in several établissements, some outside a
 * restricted scope, is read: the rule and its amounts apply to its visible lines only.
 */
async function indexedHits(
  store: AccountingStore,
  v: VersionRef,
  index: StoredSearchIndex,
  aggregate: LedgerAggregate,
  query: SearchQuery,
): Promise<Hit[]> {
  // The buckets in scope, in display order (journal, then month), each gathering its matches: a frequent
  // word matches a good part of the import, so matches are grouped by bucket rather than sorted whole.
  type Group = { rank: number; journal: JournalIndex; bucket: Bucket; hits: Hit[]; stored: boolean };
  const groups: Group[] = [];
  const byId: Array<Group | undefined> = [];
  query.journals.forEach((journal, rank) => {
    const sortedMonths = new Set((journal.paging ?? []).map((p) => p[0]));
    for (const bucket of journal.buckets)
      if (bucket[0] >= query.period.from && bucket[0] <= query.period.to) {
        const group = { rank, journal, bucket, hits: [], stored: sortedMonths.has(bucket[0]) };
        groups.push(group);
        byId[bucket[5]] = group;
      }
  });
  groups.sort((a, b) => a.rank - b.rank || a.bucket[0] - b.bucket[0]);
  const partial: Hit[] = [];
  // The records' columns, read directly: a frequent word matches a good part of the import.
  const r = index.records;
  for (const ordinal of await index.search(query.words, accountsNamedBy(aggregate))) {
    const group = byId[r.bucket[ordinal] ?? -1];
    if (group === undefined) continue;
    const etab = index.etabOf(ordinal);
    if (etab !== null && !inScope(query.scope, etab)) continue;
    const { rank, journal, bucket } = group;
    const hit: Hit = {
      ordinal,
      rank,
      journal,
      bucket,
      date: r.date[ordinal] ?? 0,
      pos: r.pos[ordinal] ?? 0,
      lines: r.lines[ordinal] ?? 0,
      debit: r.debit[ordinal] ?? 0,
      credit: r.credit[ordinal] ?? 0,
      stored: group.stored,
    };
    if (etab === null && query.scope !== undefined) partial.push(hit);
    else group.hits.push(hit);
  }
  await readHits(store, v, partial, query.scope);
  for (const h of partial) {
    const lines = h.ecriture?.lines ?? [];
    if (lines.length === 0 || !ecritureMatches(lines, query.words, aggregate.accountLabels)) continue;
    h.date = lines[0]?.date ?? h.date;
    h.debit = lines.reduce((n, l) => n + l.debitCents, 0);
    h.credit = lines.reduce((n, l) => n + l.creditCents, 0);
    const group = byId[h.bucket[5]];
    if (group === undefined) continue;
    group.stored = false;
    group.hits.push(h);
  }
  const hits: Hit[] = [];
  for (const { hits: list, stored } of groups) {
    // Ordinals ascend (file order); a bucket whose dates do too (most journals) is already in order.
    let sorted = true;
    for (let i = 1; i < list.length && sorted; i++) {
      const a = list[i - 1];
      const b = list[i];
      if (a !== undefined && b !== undefined && (a.date > b.date || (a.date === b.date && a.ordinal > b.ordinal)))
        sorted = false;
    }
    if (!sorted) list.sort((a, b) => a.date - b.date || a.ordinal - b.ordinal);
    for (const h of list) {
      h.stored = stored;
      hits.push(h);
    }
  }
  return hits;
}

/** hits[first, last) in display order: the days they share with their neighbours are read whole and sorted. */
async function inOrder(
  store: AccountingStore,
  v: VersionRef,
  hits: readonly Hit[],
  first: number,
  last: number,
  scope: Scope,
): Promise<Hit[]> {
  if (first >= last) return [];
  // A page edge inside a day of a bucket not in display order: the whole day is read to sort it.
  let lo = first;
  if (hits[first]?.stored === false) while (lo > 0 && sameDay(hits[lo - 1], hits[first])) lo--;
  let hi = last;
  if (hits[last - 1]?.stored === false) while (hi < hits.length && sameDay(hits[hi - 1], hits[hi])) hi++;
  const days = hits.slice(lo, hi);
  await readHits(store, v, days, scope);
  return days.sort(displayOrder).slice(first - lo, last - lo);
}

function ecritureOf(h: Hit): Ecriture {
  return h.ecriture ?? { ecritureNum: "", lines: [] };
}

export type SearchPage = {
  page: number;
  pageSize: number;
  pageCount: number;
  totalEcritures: number;
  journals: JournalSectionDto[];
};

/**
 * A page of the search from the index, or null when the import has none. Counts and totals add up
 * the matches' records; only the page's écritures (and those sharing their first and last day) are read.
 */
export async function indexedSearchPage(
  store: AccountingStore,
  v: VersionRef,
  aggregate: LedgerAggregate,
  query: SearchQuery,
  request: { page: number; pageSize: number },
  dto: (e: Ecriture) => JournalSectionDto["ecritures"][number],
): Promise<SearchPage | null> {
  const index = await readSearchIndex(store, v);
  if (index === null) return null;
  const hits = await indexedHits(store, v, index, aggregate, query);
  const info = pageInfo(request, hits.length);
  const shown = await inOrder(store, v, hits, info.first, info.last, query.scope);
  const journals: JournalSectionDto[] = [];
  for (const h of shown) {
    let section = journals.at(-1);
    if (section?.journalCode !== h.journal.journalCode) {
      let count = 0;
      let debit = 0;
      let credit = 0;
      for (const o of hits)
        if (o.rank === h.rank) {
          count++;
          debit += o.debit;
          credit += o.credit;
        }
      section = {
        journalCode: h.journal.journalCode,
        journalLib: aggregate.journalLabels[h.journal.journalCode] ?? "",
        ecritureCount: count,
        totalDebitCents: debit,
        totalCreditCents: credit,
        ecritures: [],
      };
      journals.push(section);
    }
    section.ecritures.push(dto(ecritureOf(h)));
  }
  return {
    page: info.page,
    pageSize: info.pageSize,
    pageCount: info.pageCount,
    totalEcritures: hits.length,
    journals,
  };
}

/** Écritures read per step of an export: the days they end on are completed. */
const EXPORT_STEP = 2000;

/**
 * The matches of an export from the index, journal by journal in display order, or null when the
 * import has none: `ecrituresOf(journalCode)` yields that journal's, reading a few thousand at a time.
 */
export async function indexedSearchExport(
  store: AccountingStore,
  v: VersionRef,
  aggregate: LedgerAggregate,
  query: SearchQuery,
): Promise<{ ecrituresOf(journalCode: string): AsyncGenerator<Ecriture> } | null> {
  const index = await readSearchIndex(store, v);
  if (index === null) return null;
  const hits = await indexedHits(store, v, index, aggregate, query);
  return {
    async *ecrituresOf(journalCode: string) {
      const from = hits.findIndex((h) => h.journal.journalCode === journalCode);
      if (from < 0) return;
      let end = from;
      while (end < hits.length && hits[end]?.journal.journalCode === journalCode) end++;
      for (let a = from; a < end;) {
        let b = Math.min(end, a + EXPORT_STEP);
        while (b < end && sameDay(hits[b - 1], hits[b])) b++;
        for (const h of await inOrder(store, v, hits, a, b, query.scope)) {
          yield ecritureOf(h);
          delete h.ecriture;
        }
        a = b;
      }
    },
  };
}
