import type { LedgerLabels } from "@comptoir/shared";
import type { JournalSectionDto } from "@comptoir/shared/api/accounting";
import { naturalCompare, pageInfo } from "@comptoir/shared/accounting/compute/paging";
import { inScope } from "../access";
import { readBucketLinesAt, type StoredLine } from "../store/entry-records";
import { accountToken, searchTokens } from "../store/search-index";
import { readSearchIndex, type StoredSearchIndex } from "../store/search-index-reader";
import type { SearchRecords } from "../store/search-records";
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
function accountsNamedBy(labels: LedgerLabels): (word: string) => string[] {
  const named = Object.entries(labels.accountLabels).map(([num, label]) => [num, searchTokens(label)] as const);
  return (word) => named.filter(([, tokens]) => startsAny(tokens, word)).map(([num]) => num);
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
    // Where each chosen segment's lines begin, in the bucket and in what is read; then where each hit's are.
    let outAt = 0;
    const outStart = new Map<number, number>();
    for (const k of chosen) {
      outStart.set(k, outAt);
      outAt += bucket[1][k]?.[2] ?? 0;
    }
    const wantedLines = new Uint8Array(outAt);
    const froms = list.map((h) => {
      const k = chosen.find((c) => (starts[c] ?? 0) + (bucket[1][c]?.[2] ?? 0) > h.pos) ?? -1;
      const from = (outStart.get(k) ?? 0) + h.pos - (starts[k] ?? 0);
      wantedLines.fill(1, from, from + h.lines);
      return from;
    });
    return { bucket, list, chosen, froms, wantedLines };
  });
  const read = await readBucketLinesAt(
    store,
    v,
    "journal",
    plans.map((p) => ({
      id: p.bucket[5],
      segments: p.chosen.map((k) => p.bucket[1][k] ?? [0, 0, 0]),
      bytes: 0,
      wanted: (position: number) => p.wantedLines[position] === 1,
    })),
  );
  plans.forEach((p, i) => {
    const lines = read[i] ?? new Map<number, StoredLine>();
    p.list.forEach((h, j) => {
      const from = p.froms[j] ?? 0;
      const visible: StoredLine[] = [];
      for (let at = from; at < from + h.lines; at++) {
        const l = lines.get(at);
        if (l !== undefined && inScope(scope, l.etablissement)) visible.push(l);
      }
      h.ecriture = { ecritureNum: visible[0]?.ecritureNum ?? "", lines: visible };
    });
  });
}

type SearchQuery = { journals: readonly JournalIndex[]; period: MonthSpan; scope: Scope; words: readonly string[] };

/** One journal bucket's matches, in display order: ordinals, or (when some were read) their hits. */
type Group = {
  rank: number;
  journal: JournalIndex;
  bucket: Bucket;
  stored: boolean;
  ordinals: number[];
  /** Set when matches of partly visible écritures joined the group: every match as a hit, dates of their visible lines. */
  hits: Hit[] | null;
  debit: number;
  credit: number;
};

const groupSize = (g: Group) => g.hits?.length ?? g.ordinals.length;

/**
 * Every match, in display order, without an object per match (a frequent word matches a good part of
 * the import): hits are made for the positions a page or an export step asks for.
 */
class HitList {
  readonly length: number;
  private readonly starts: number[] = [];

  constructor(
    private readonly groups: readonly Group[],
    private readonly records: SearchRecords,
  ) {
    let n = 0;
    for (const g of groups) {
      this.starts.push(n);
      n += groupSize(g);
    }
    this.length = n;
  }

  at(i: number): Hit | undefined {
    if (i < 0 || i >= this.length) return undefined;
    let lo = 0;
    let hi = this.groups.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] ?? 0) <= i) lo = mid;
      else hi = mid - 1;
    }
    const group = this.groups[lo];
    if (group === undefined) return undefined;
    const k = i - (this.starts[lo] ?? 0);
    if (group.hits !== null) return group.hits[k];
    const ordinal = group.ordinals[k];
    return ordinal === undefined ? undefined : hitOf(group, ordinal, this.records);
  }

  slice(from: number, to: number): Hit[] {
    const out: Hit[] = [];
    for (let i = from; i < to; i++) {
      const h = this.at(i);
      if (h !== undefined) out.push(h);
    }
    return out;
  }

  /** The count and totals of a journal's matches (its rank in the query). */
  totalsOf(rank: number): { count: number; debit: number; credit: number } {
    let count = 0;
    let debit = 0;
    let credit = 0;
    for (const g of this.groups)
      if (g.rank === rank) {
        count += groupSize(g);
        debit += g.debit;
        credit += g.credit;
      }
    return { count, debit, credit };
  }

  /** Positions [from, end) of a journal's matches (from = -1: none). */
  rangeOf(journalCode: string): [number, number] {
    let from = -1;
    let end = -1;
    this.groups.forEach((g, k) => {
      if (g.journal.journalCode !== journalCode) return;
      const start = this.starts[k] ?? 0;
      if (from < 0) from = start;
      end = start + groupSize(g);
    });
    return [from, end];
  }
}

function hitOf(group: Group, ordinal: number, r: SearchRecords): Hit {
  return {
    ordinal,
    rank: group.rank,
    journal: group.journal,
    bucket: group.bucket,
    date: r.date[ordinal] ?? 0,
    pos: r.pos[ordinal] ?? 0,
    lines: r.lines[ordinal] ?? 0,
    debit: r.debit[ordinal] ?? 0,
    credit: r.credit[ordinal] ?? 0,
    stored: group.stored,
  };
}

/**
 * Every match in scope and period, ordered by journal, month and date (the days' own order needs
 * their numbers: `inOrder`). An écriture whose lines lie in several établissements, some outside a
 * restricted scope, is read: the rule and its amounts apply to its visible lines only.
 */
async function indexedHits(
  store: AccountingStore,
  v: VersionRef,
  index: StoredSearchIndex,
  labels: LedgerLabels,
  query: SearchQuery,
): Promise<HitList> {
  // The buckets in scope, in display order (journal, then month), each gathering its matches: a frequent
  // word matches a good part of the import, so matches are grouped by bucket rather than sorted whole.
  const groups: Group[] = [];
  const byId: Array<Group | undefined> = [];
  query.journals.forEach((journal, rank) => {
    const sortedMonths = new Set((journal.paging ?? []).map((p) => p[0]));
    for (const bucket of journal.buckets)
      if (bucket[0] >= query.period.from && bucket[0] <= query.period.to) {
        const stored = sortedMonths.has(bucket[0]);
        const group: Group = { rank, journal, bucket, stored, ordinals: [], hits: null, debit: 0, credit: 0 };
        groups.push(group);
        byId[bucket[5]] = group;
      }
  });
  groups.sort((a, b) => a.rank - b.rank || a.bucket[0] - b.bucket[0]);
  const r = index.records;
  const partial: Hit[] = [];
  for (const ordinal of await index.search(query.words, accountsNamedBy(labels))) {
    const group = byId[r.bucket[ordinal] ?? -1];
    if (group === undefined) continue;
    const etab = index.etabOf(ordinal);
    if (etab !== null && !inScope(query.scope, etab)) continue;
    if (etab === null && query.scope !== undefined) {
      partial.push(hitOf(group, ordinal, r));
      continue;
    }
    group.ordinals.push(ordinal);
    group.debit += r.debit[ordinal] ?? 0;
    group.credit += r.credit[ordinal] ?? 0;
  }
  await readHits(store, v, partial, query.scope);
  for (const h of partial) {
    const lines = h.ecriture?.lines ?? [];
    if (lines.length === 0 || !ecritureMatches(lines, query.words, labels.accountLabels)) continue;
    h.date = lines[0]?.date ?? h.date;
    h.debit = lines.reduce((n, l) => n + l.debitCents, 0);
    h.credit = lines.reduce((n, l) => n + l.creditCents, 0);
    const group = byId[h.bucket[5]];
    if (group === undefined) continue;
    // Its date may now be another: the group's order is no longer file order.
    group.stored = false;
    group.hits ??= group.ordinals.map((o) => hitOf(group, o, r));
    group.hits.push(h);
    group.debit += h.debit;
    group.credit += h.credit;
  }
  for (const g of groups) {
    // Ordinals ascend (file order); a bucket whose dates do too (most journals) is already in order.
    if (g.hits !== null) {
      g.hits.sort((a, b) => a.date - b.date || a.ordinal - b.ordinal);
      for (const h of g.hits) h.stored = false;
      continue;
    }
    const list = g.ordinals;
    let sorted = true;
    for (let i = 1; i < list.length && sorted; i++) {
      const a = list[i - 1] ?? 0;
      const b = list[i] ?? 0;
      if ((r.date[a] ?? 0) > (r.date[b] ?? 0)) sorted = false;
    }
    if (!sorted) list.sort((a, b) => (r.date[a] ?? 0) - (r.date[b] ?? 0) || a - b);
  }
  return new HitList(groups, r);
}

/** hits[first, last) in display order: the days they share with their neighbours are read whole and sorted. */
async function inOrder(
  store: AccountingStore,
  v: VersionRef,
  hits: HitList,
  first: number,
  last: number,
  scope: Scope,
): Promise<Hit[]> {
  if (first >= last) return [];
  // A page edge inside a day of a bucket not in display order: the whole day is read to sort it.
  let lo = first;
  const firstHit = hits.at(first);
  if (firstHit?.stored === false) while (lo > 0 && sameDay(hits.at(lo - 1), firstHit)) lo--;
  let hi = last;
  const lastHit = hits.at(last - 1);
  if (lastHit?.stored === false) while (hi < hits.length && sameDay(lastHit, hits.at(hi))) hi++;
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
  labels: LedgerLabels,
  query: SearchQuery,
  request: { page: number; pageSize: number },
  dto: (e: Ecriture) => JournalSectionDto["ecritures"][number],
): Promise<SearchPage | null> {
  const index = await readSearchIndex(store, v);
  if (index === null) return null;
  const hits = await indexedHits(store, v, index, labels, query);
  const info = pageInfo(request, hits.length);
  const shown = await inOrder(store, v, hits, info.first, info.last, query.scope);
  const journals: JournalSectionDto[] = [];
  for (const h of shown) {
    let section = journals.at(-1);
    if (section?.journalCode !== h.journal.journalCode) {
      const { count, debit, credit } = hits.totalsOf(h.rank);
      section = {
        journalCode: h.journal.journalCode,
        journalLib: labels.journalLabels[h.journal.journalCode] ?? "",
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
  labels: LedgerLabels,
  query: SearchQuery,
): Promise<{ ecrituresOf(journalCode: string): AsyncGenerator<Ecriture> } | null> {
  const index = await readSearchIndex(store, v);
  if (index === null) return null;
  const hits = await indexedHits(store, v, index, labels, query);
  return {
    async *ecrituresOf(journalCode: string) {
      const [from, end] = hits.rangeOf(journalCode);
      if (from < 0) return;
      for (let a = from; a < end;) {
        let b = Math.min(end, a + EXPORT_STEP);
        while (b < end && sameDay(hits.at(b - 1), hits.at(b))) b++;
        for (const h of await inOrder(store, v, hits, a, b, query.scope)) {
          yield ecritureOf(h);
          delete h.ecriture;
        }
        a = b;
      }
    },
  };
}
