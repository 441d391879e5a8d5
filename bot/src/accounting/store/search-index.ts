import { searchable } from "@comptoir/shared";
import { z } from "zod";

/**
 * Building blocks of the journaux search index (issue 17): a token dictionary sorted by token, and per
 * token a postings list of écriture ordinals (ascending, delta-encoded as unsigned LEB128 varints).
 * A query matches an écriture when every query word is a prefix of one of its tokens: each word is a
 * range of the sorted dictionary, the union of that range's postings, and the words intersect.
 */

/** The words of a label, piece reference or écriture number, folded like `searchable()`. */
export function searchTokens(text: string): string[] {
  const out: string[] = [];
  let start = -1;
  /** Whether the current word is lower-case ASCII letters and digits only: then it is a slice of `text`. */
  let plain = true;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 32;
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) {
      if (start < 0) start = i;
      continue;
    }
    const f = c < 128 ? (c >= 65 && c <= 90 ? String.fromCharCode(c + 32) : null) : foldOf(c);
    if (f === undefined) return slowTokens(text);
    if (f !== null) {
      if (start < 0) start = i;
      plain = false;
      continue;
    }
    if (start >= 0) {
      const word = plain ? text.slice(start, i) : foldWord(text, start, i);
      if (word !== "") out.push(word);
    }
    start = -1;
    plain = true;
  }
  return out;
}

function slowTokens(text: string): string[] {
  return searchable(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t.length > 0);
}

/**
 * What `searchable()` makes of one character, memoised: its folded letters or digits ("" for a mark,
 * which joins its neighbours), null for a separator, undefined when the character cannot be folded
 * alone (a surrogate, or a fold that splits): then the whole text takes the slow path.
 */
const FOLDS: Array<string | null | undefined> = [];
const UNFOLDABLE = "\u0000";
function foldOf(c: number): string | null | undefined {
  const known = FOLDS[c];
  if (known !== undefined) return known === UNFOLDABLE ? undefined : known;
  let f: string | null | undefined;
  // Surrogates, and capital sigma (lower-cased by its place in the word), fold only in context.
  if ((c >= 0xd800 && c <= 0xdfff) || c === 0x3a3) f = undefined;
  else {
    const ch = String.fromCharCode(c);
    const folded = searchable(ch);
    if (folded === "") f = /\p{M}/u.test(ch) ? "" : null;
    else f = /^[\p{L}\p{N}]+$/u.test(folded) ? folded : undefined;
  }
  FOLDS[c] = f === undefined ? UNFOLDABLE : f;
  return f;
}

function foldWord(text: string, start: number, end: number): string {
  let word = "";
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    word += c < 128 ? String.fromCharCode(c >= 65 && c <= 90 ? c + 32 : c) : (foldOf(c) ?? "");
  }
  return word;
}

/** Ascending ordinals appended one at a time, as varint deltas; the same ordinal twice is kept once. */
export class PostingsWriter {
  private bytes = Buffer.allocUnsafe(16);
  private size = 0;
  private last = -1;
  count = 0;

  add(ordinal: number): void {
    if (!Number.isSafeInteger(ordinal) || ordinal < 0) throw new Error(`Bad ordinal ${ordinal}`);
    if (ordinal === this.last) return;
    if (ordinal < this.last) throw new Error(`Ordinal ${ordinal} after ${this.last}`);
    // The first delta is the ordinal itself (last starts at −1, so the delta is ordinal + 1 − 1).
    const delta = this.last < 0 ? ordinal : ordinal - this.last;
    this.last = ordinal;
    this.count++;
    if (this.size + 8 > this.bytes.length) {
      const grown = Buffer.allocUnsafe(this.bytes.length * 2);
      this.bytes.copy(grown, 0, 0, this.size);
      this.bytes = grown;
    }
    this.size = writeVarint(this.bytes, this.size, delta);
  }

  encoded(): Buffer {
    return this.bytes.subarray(0, this.size);
  }
}

export function encodePostings(ordinals: Iterable<number>): Buffer {
  const w = new PostingsWriter();
  for (const o of ordinals) w.add(o);
  return Buffer.from(w.encoded());
}

/** Calls `visit` with each ordinal of delta-varint postings (no array: the reader marks them as it goes). */
export function forEachPosting(bytes: Uint8Array, visit: (ordinal: number) => void): void {
  let value = -1;
  let i = 0;
  while (i < bytes.length) {
    let delta = 0;
    let scale = 1;
    for (;;) {
      const b = bytes[i++];
      if (b === undefined) throw new Error("Truncated postings");
      delta += (b & 0x7f) * scale;
      if (b < 0x80) break;
      scale *= 0x80;
    }
    value = value < 0 ? delta : value + delta;
    visit(value);
  }
}

export function decodePostings(bytes: Uint8Array): number[] {
  const out: number[] = [];
  forEachPosting(bytes, (ordinal) => out.push(ordinal));
  return out;
}

/** Sorted, duplicate-free intersection of sorted lists. */
export function intersectSorted(lists: readonly (readonly number[])[]): number[] {
  const sorted = [...lists].sort((a, b) => a.length - b.length);
  const [first, ...rest] = sorted;
  if (first === undefined) return [];
  let out = [...first];
  for (const list of rest) {
    const next: number[] = [];
    let j = 0;
    for (const v of out) {
      while (j < list.length && (list[j] ?? Infinity) < v) j++;
      if (list[j] === v) next.push(v);
    }
    out = next;
    if (out.length === 0) break;
  }
  return out;
}

/** Sorted, duplicate-free union of sorted lists. */
export function unionSorted(lists: readonly (readonly number[])[]): number[] {
  if (lists.length === 1) return [...(lists[0] ?? [])];
  const all = lists.flat().sort((a, b) => a - b);
  return all.filter((v, i) => i === 0 || all[i - 1] !== v);
}

/** The index as stored: tokens in code-unit order and, for each, its encoded postings. */
export type SearchIndexData = { tokens: string[]; postings: Buffer[] };

/**
 * Collects the tokens of écritures fed in ascending ordinal order. Memory grows with the distinct
 * tokens and the postings bytes (≈ 1–2 bytes per token occurrence), not with the lines.
 */
export class SearchIndexBuilder {
  /** Most tokens (numbers, piece references) occur in one écriture: they keep a bare ordinal until a second. */
  private readonly byToken = new Map<string, number | PostingsWriter>();

  add(ordinal: number, texts: readonly string[]): void {
    for (const text of texts)
      for (const token of searchTokens(text)) {
        const found = this.byToken.get(token);
        if (found === undefined) this.byToken.set(token, ordinal);
        else if (typeof found !== "number") found.add(ordinal);
        else if (found !== ordinal) {
          const w = new PostingsWriter();
          w.add(found);
          w.add(ordinal);
          this.byToken.set(token, w);
        }
      }
  }

  build(): SearchIndexData {
    const tokens = [...this.byToken.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const postings = tokens.map((t) => {
      const found = this.byToken.get(t);
      return found === undefined || typeof found === "number"
        ? encodePostings(found === undefined ? [] : [found])
        : Buffer.from(found.encoded());
    });
    return { tokens, postings };
  }
}

/** First index of `tokens` not lower than `word` (code-unit order). */
function lowerBound(tokens: readonly string[], word: string): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((tokens[mid] ?? "") < word) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Ordinals of the écritures with a token starting with `word`. */
export function prefixPostings(index: SearchIndexData, word: string): number[] {
  const lists: number[][] = [];
  for (let i = lowerBound(index.tokens, word); i < index.tokens.length; i++) {
    if (!(index.tokens[i] ?? "").startsWith(word)) break;
    lists.push(decodePostings(index.postings[i] ?? Buffer.alloc(0)));
  }
  return unionSorted(lists);
}

/** Ordinals of the écritures where every word of `query` is the prefix of one of their tokens. */
export function searchOrdinals(index: SearchIndexData, query: string): number[] {
  const words = searchTokens(query);
  if (words.length === 0) return [];
  return intersectSorted(words.map((w) => prefixPostings(index, w)));
}

/**
 * An account number is one word of an écriture's text, kept apart from the others (`#` never starts a
 * search token): a query word matches it as a prefix, and a word of the account's label names it.
 */
export function accountToken(compteNum: string): string {
  return `#${searchTokens(compteNum).join("")}`;
}

/**
 * The stored index (blob `search`, row `s|nnnn`), written at import by SearchIndexWriter:
 * - per écriture, in file order (its ordinal), a record of META_BYTES: debit, credit (float64), its
 *   journal bucket's id, the date of its first line, the position of its first line among the
 *   bucket's lines, its line count and its établissement (an index into `etabs`, or MIXED_ETAB);
 * - the dictionary in token order, in blocks: entries [varint length, UTF-8 token, varint length,
 *   postings]; the row lists each block's first token, offset and length.
 */
export const META_BYTES = 36;
export const MIXED_ETAB = 0xffffffff;

export const searchHeaderSchema = z.object({
  /** 1: records stored as they are (imports of earlier builds); 2: encoded (search-records.ts). */
  version: z.union([z.literal(1), z.literal(2)]),
  ecritures: z.number().int().nonnegative(),
  /** Where the records are stored in the blob: [offset, stored length]. */
  meta: z.tuple([z.number().int(), z.number().int()]),
  etabs: z.array(z.string()),
  blocks: z.array(z.tuple([z.string(), z.number().int(), z.number().int()])),
});
export type SearchHeader = z.infer<typeof searchHeaderSchema>;

/** A dictionary block's entries, as SearchIndexData. */
export function parseDictionaryBlock(bytes: Buffer): SearchIndexData {
  const tokens: string[] = [];
  const postings: Buffer[] = [];
  const read = new VarintReader(bytes, "Truncated dictionary block");
  while (read.at < bytes.length) {
    const t = read.next();
    tokens.push(bytes.toString("utf8", read.at, read.at + t));
    read.at += t;
    const p = read.next();
    postings.push(bytes.subarray(read.at, read.at + p));
    read.at += p;
  }
  return { tokens, postings };
}

/** Writes `n` as an unsigned LEB128 varint at `at`; returns where it ends. */
export function writeVarint(buf: Buffer, at: number, n: number): number {
  let i = at;
  let v = n;
  while (v >= 0x80) {
    buf[i++] = (v % 0x80) | 0x80;
    v = Math.floor(v / 0x80);
  }
  buf[i++] = v;
  return i;
}

/**
 * Reads unsigned LEB128 varints in order from `at` (a class, not a closure over a position: V8 keeps
 * the field fast in the records' decoding loop). `truncated` is the error when the bytes end mid-varint.
 */
export class VarintReader {
  at = 0;

  constructor(
    private readonly bytes: Uint8Array,
    private readonly truncated: string,
  ) {}

  next(): number {
    const bytes = this.bytes;
    let b = bytes[this.at++];
    if (b === undefined) throw new Error(this.truncated);
    if (b < 0x80) return b;
    let value = b & 0x7f;
    let scale = 0x80;
    for (;;) {
      b = bytes[this.at++];
      if (b === undefined) throw new Error(this.truncated);
      value += (b & 0x7f) * scale;
      if (b < 0x80) return value;
      scale *= 0x80;
    }
  }
}
