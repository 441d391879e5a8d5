import {
  forEachPosting,
  accountToken,
  MIXED_ETAB,
  parseDictionaryBlock,
  searchHeaderSchema,
  type SearchHeader,
  type SearchIndexData,
} from "./search-index";
import { decodeSearchRecords, fixedSearchRecords, type SearchRecords } from "./search-records";
import type { AccountingStore, VersionRef } from "./store";

/** Dictionary blocks kept per index (about 32 KB each): the words users type again. */
const CACHED_BLOCKS = 256;

/** What the index records of one écriture (search-index.ts). */
export type EcritureMeta = {
  debit: number;
  credit: number;
  /** Its journal bucket's id (the `j|` row's bucket). */
  bucket: number;
  date: number;
  /** Its first line's position among its bucket's lines, in file order, and its line count. */
  pos: number;
  lines: number;
  /** Its établissement's code, or null when its lines belong to several. */
  etab: string | null;
};

/** First index of `sorted` greater than `word` (code-unit order). */
function upperBound(sorted: readonly string[], word: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] ?? "") <= word) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** One query word as lookups: token prefixes, and exact tokens (accounts named by their label). */
type WordLookups = { prefixes: string[]; exact: string[] };

/** An import's search index: its records read once, its dictionary blocks when a query needs them. */
export class StoredSearchIndex {
  private readonly firsts: string[];
  private readonly blocks = new Map<number, Promise<SearchIndexData>>();

  constructor(
    readonly header: SearchHeader,
    /** By ordinal, in columns: the search's hot loop reads them directly. */
    readonly records: SearchRecords,
    private readonly readRange: (offset: number, length: number) => Promise<Buffer>,
  ) {
    this.firsts = header.blocks.map((b) => b[0]);
    if (records.date.length !== header.ecritures) throw new Error("Search index records do not match its header");
  }

  get ecritures(): number {
    return this.header.ecritures;
  }

  record(ordinal: number): EcritureMeta {
    const r = this.records;
    return {
      debit: r.debit[ordinal] ?? 0,
      credit: r.credit[ordinal] ?? 0,
      bucket: r.bucket[ordinal] ?? 0,
      date: r.date[ordinal] ?? 0,
      pos: r.pos[ordinal] ?? 0,
      lines: r.lines[ordinal] ?? 0,
      etab: this.etabOf(ordinal),
    };
  }

  /** An écriture's établissement code, or null when its lines belong to several. */
  etabOf(ordinal: number): string | null {
    const etab = this.records.etab[ordinal] ?? MIXED_ETAB;
    return etab === MIXED_ETAB ? null : (this.header.etabs[etab] ?? "");
  }

  private block(i: number): Promise<SearchIndexData> {
    let found = this.blocks.get(i);
    if (found) this.blocks.delete(i);
    else {
      const [, offset, length] = this.header.blocks[i] ?? ["", 0, 0];
      found = this.readRange(offset, length).then(parseDictionaryBlock);
      found.catch(() => this.blocks.delete(i));
    }
    this.blocks.set(i, found);
    for (const oldest of this.blocks.keys()) {
      if (this.blocks.size <= CACHED_BLOCKS) break;
      this.blocks.delete(oldest);
    }
    return found;
  }

  /**
   * These blocks (ascending): cached ones from memory, the others with one range read per run of
   * consecutive blocks (a short prefix such as "7" spans many, and they lie side by side in the blob).
   */
  private async blocksRead(wanted: readonly number[]): Promise<Map<number, SearchIndexData>> {
    const out = new Map<number, SearchIndexData>();
    const runs: number[][] = [];
    for (const b of wanted) {
      if (this.blocks.has(b)) continue;
      const run = runs.at(-1);
      if (run !== undefined && run.at(-1) === b - 1) run.push(b);
      else runs.push([b]);
    }
    const ranges = runs.map((run) => {
      const first = this.header.blocks[run[0] ?? 0] ?? ["", 0, 0];
      const last = this.header.blocks[run.at(-1) ?? 0] ?? ["", 0, 0];
      const bytes = this.readRange(first[1], last[1] + last[2] - first[1]);
      bytes.catch(() => undefined);
      for (const b of run) {
        const [, offset, length] = this.header.blocks[b] ?? ["", 0, 0];
        this.remember(
          b,
          bytes.then((all) => parseDictionaryBlock(all.subarray(offset - first[1], offset - first[1] + length))),
        );
      }
      return bytes;
    });
    await Promise.all(ranges);
    for (const b of wanted) out.set(b, await this.block(b));
    return out;
  }

  private remember(i: number, data: Promise<SearchIndexData>): void {
    data.catch(() => this.blocks.delete(i));
    this.blocks.set(i, data);
  }

  /** Blocks that may hold a token starting with `prefix` (its tokens are a range of the dictionary). */
  private blocksOf(prefix: string, exact: boolean): number[] {
    if (this.firsts.length === 0) return [];
    const out = [Math.max(0, upperBound(this.firsts, prefix) - 1)];
    if (exact) return out;
    for (let j = (out[0] ?? 0) + 1; j < this.firsts.length && (this.firsts[j] ?? "").startsWith(prefix); j++)
      out.push(j);
    return out;
  }

  /**
   * Ordinals, ascending, of the écritures where every query word is the prefix of one of their
   * words, or of their account numbers, or names one of their accounts (`accountsNamed`: the accounts
   * whose label has a word starting with it). The dictionary blocks are read side by side; each word
   * marks the écritures the words before it marked.
   */
  async search(words: readonly string[], accountsNamed: (word: string) => readonly string[]): Promise<number[]> {
    const unique = [...new Set(words)].slice(0, 255);
    const lookups: WordLookups[] = unique.map((w) => ({
      prefixes: [w, `#${w}`],
      exact: accountsNamed(w).map(accountToken),
    }));
    const needed = new Set<number>();
    for (const l of lookups) {
      for (const p of l.prefixes) for (const b of this.blocksOf(p, false)) needed.add(b);
      for (const t of l.exact) for (const b of this.blocksOf(t, true)) needed.add(b);
    }
    const read = await this.blocksRead([...needed].sort((a, b) => a - b));
    const marks = new Uint8Array(this.header.ecritures);
    lookups.forEach((l, k) => {
      const mark = (o: number) => {
        if (marks[o] === k) marks[o] = k + 1;
      };
      for (const p of l.prefixes)
        for (const b of this.blocksOf(p, false)) {
          const data = read.get(b);
          if (data === undefined) continue;
          data.tokens.forEach((t, i) => {
            if (t.startsWith(p)) forEachPosting(data.postings[i] ?? Buffer.alloc(0), mark);
          });
        }
      for (const t of l.exact)
        for (const b of this.blocksOf(t, true)) {
          const data = read.get(b);
          const i = data?.tokens.indexOf(t) ?? -1;
          if (data !== undefined && i >= 0) forEachPosting(data.postings[i] ?? Buffer.alloc(0), mark);
        }
    });
    const out: number[] = [];
    for (let o = 0; o < marks.length; o++) if (marks[o] === unique.length) out.push(o);
    return out;
  }
}

/** The écritures' records from their stored bytes: fixed (version 1), or encoded (2, search-records.ts). */
export function searchRecords(header: SearchHeader, stored: Buffer): SearchRecords {
  return header.version === 1
    ? fixedSearchRecords(stored, header.ecritures)
    : decodeSearchRecords(stored, header.ecritures);
}

/**
 * The version's search index, or null while it has none: built after the import by any instance
 * (search-index-build.ts), or never for imports of earlier builds. Then the journaux scan.
 */
export function readSearchIndex(store: AccountingStore, v: VersionRef): Promise<StoredSearchIndex | null> {
  return store.cachedIfBuilt(v, "s", async () => {
    const json = await store.readSearchHeader(v);
    if (json === null) return null;
    const header = searchHeaderSchema.parse(JSON.parse(json));
    const meta = searchRecords(header, await store.readBlobRange(v, "search", header.meta[0], header.meta[1]));
    return new StoredSearchIndex(header, meta, (offset, length) => store.readBlobRange(v, "search", offset, length));
  });
}
