import { META_BYTES, MIXED_ETAB, VarintReader, writeVarint } from "./search-index";

/**
 * The search index's écriture records as stored (version 2, search-index.ts): each record's fields as
 * varints against what the previous records predict. Dates and buckets barely change from one
 * écriture to the next, an écriture starts where its bucket's previous one ended, and debit equals
 * credit: bench:fec's 14 MB of fixed records take about 3 MB, which a cold search decodes in one
 * pass on the event loop (brotli over byte-shuffled records was as small, but inflating and
 * reordering it cost as much as reading the 14 MB).
 *
 * A record: varint lines (0 escapes: the fixed record follows, for amounts beyond ±2⁵¹ or a delta beyond
 * ±2³¹), zigzag(date −
 * previous date), zigzag(bucket − previous bucket), zigzag(position − where the bucket's previous
 * écriture ended), établissement + 1 (0: several), zigzag(debit), then 0 when credit equals debit,
 * else 1 and zigzag(credit). Decoded, they are columns (SearchRecords), which the index reads
 * (search-index-reader.ts) without a buffer of fixed records in between.
 */

/** Every écriture's record, by ordinal, in columns. */
export type SearchRecords = {
  debit: Float64Array;
  credit: Float64Array;
  bucket: Uint32Array;
  date: Uint32Array;
  pos: Uint32Array;
  lines: Uint32Array;
  /** An index into the header's `etabs`, or MIXED_ETAB. */
  etab: Uint32Array;
};

function emptyRecords(count: number): SearchRecords {
  return {
    debit: new Float64Array(count),
    credit: new Float64Array(count),
    bucket: new Uint32Array(count),
    date: new Uint32Array(count),
    pos: new Uint32Array(count),
    lines: new Uint32Array(count),
    etab: new Uint32Array(count),
  };
}

/** Record `r` of fixed records (version 1, and escaped records) into the columns at `to`. */
function copyFixed(from: Buffer, at: number, out: SearchRecords, to: number): void {
  out.debit[to] = from.readDoubleLE(at);
  out.credit[to] = from.readDoubleLE(at + 8);
  out.bucket[to] = from.readUInt32LE(at + 16);
  out.date[to] = from.readUInt32LE(at + 20);
  out.pos[to] = from.readUInt32LE(at + 24);
  out.lines[to] = from.readUInt32LE(at + 28);
  out.etab[to] = from.readUInt32LE(at + 32);
}

/** Fixed records as stored by version 1. */
export function fixedSearchRecords(stored: Buffer, count: number): SearchRecords {
  if (stored.length !== count * META_BYTES) throw new Error("Search index records do not match its header");
  const out = emptyRecords(count);
  for (let r = 0; r < count; r++) copyFixed(stored, r * META_BYTES, out, r);
  return out;
}

/** The most bytes one record takes encoded (five 32-bit varints, two amounts and a flag). */
const MAX_RECORD_BYTES = 5 * 5 + 8 + 1 + 8;
/** Amounts beyond this go as fixed records: zigzag doubles them, and past 2⁵² doubles lose units. */
const COMPACT_AMOUNT = 2 ** 51;

const zigzag = (n: number) => (n >= 0 ? 2 * n : -2 * n - 1);
const unzigzag = (z: number) => (z % 2 === 0 ? z / 2 : -(z + 1) / 2);
/** unzigzag for deltas of 32-bit fields (z < 2³²): integer operations only. */
const unzigzag32 = (z: number) => (z >>> 1) ^ -(z & 1);

/** What the records seen so far predict of the next one (the same on both sides). */
class Prediction {
  date = 0;
  bucket = 0;
  /** By bucket id (a few hundred per import, numbered from 0): where its last écriture ended. */
  private readonly ends: number[] = [];

  start(bucket: number): number {
    return this.ends[bucket] ?? 0;
  }

  saw(date: number, bucket: number, pos: number, lines: number): void {
    this.date = date;
    this.bucket = bucket;
    // A sparse id (a damaged row) would make a holey array, still correct.
    this.ends[bucket] = pos + lines;
  }
}

/** Encodes fixed records in order, a chunk at a time (the prediction carries over). */
export class SearchRecordEncoder {
  private readonly seen = new Prediction();

  /** `records`: whole fixed records (META_BYTES each). */
  encode(records: Buffer): Buffer {
    const count = Math.floor(records.length / META_BYTES);
    const out = Buffer.allocUnsafe(count * MAX_RECORD_BYTES);
    let at = 0;
    for (let r = 0; r < count; r++) {
      const from = r * META_BYTES;
      const debit = records.readDoubleLE(from);
      const credit = records.readDoubleLE(from + 8);
      const bucket = records.readUInt32LE(from + 16);
      const date = records.readUInt32LE(from + 20);
      const pos = records.readUInt32LE(from + 24);
      const lines = records.readUInt32LE(from + 28);
      const etab = records.readUInt32LE(from + 32);
      const p = this.seen;
      const dates = zigzag(date - p.date);
      const buckets = zigzag(bucket - p.bucket);
      const starts = zigzag(pos - p.start(bucket));
      if (lines === 0 || !compact(debit) || !compact(credit) || Math.max(dates, buckets, starts) >= 2 ** 32) {
        out[at++] = 0;
        at += records.copy(out, at, from, from + META_BYTES);
      } else {
        at = writeVarint(out, at, lines);
        at = writeVarint(out, at, dates);
        at = writeVarint(out, at, buckets);
        at = writeVarint(out, at, starts);
        at = writeVarint(out, at, etab === MIXED_ETAB ? 0 : etab + 1);
        at = writeVarint(out, at, zigzag(debit));
        if (credit === debit) out[at++] = 0;
        else {
          out[at++] = 1;
          at = writeVarint(out, at, zigzag(credit));
        }
      }
      p.saw(date, bucket, pos, lines);
    }
    return out.subarray(0, at);
  }
}

const compact = (amount: number) => Number.isInteger(amount) && Math.abs(amount) < COMPACT_AMOUNT;

/** The records of `count` écritures from their encoded bytes. */
export function decodeSearchRecords(stored: Buffer, count: number): SearchRecords {
  const out = emptyRecords(count);
  const seen = new Prediction();
  const read = new VarintReader(stored, "Search index records are truncated");
  for (let r = 0; r < count; r++) {
    const lines = read.next();
    if (lines === 0) {
      if (read.at + META_BYTES > stored.length) throw new Error("Search index records are truncated");
      copyFixed(stored, read.at, out, r);
      read.at += META_BYTES;
      seen.saw(out.date[r] ?? 0, out.bucket[r] ?? 0, out.pos[r] ?? 0, out.lines[r] ?? 0);
      continue;
    }
    const date = seen.date + unzigzag32(read.next());
    const bucket = seen.bucket + unzigzag32(read.next());
    const pos = seen.start(bucket) + unzigzag32(read.next());
    const etab = read.next();
    const debit = unzigzag(read.next());
    out.debit[r] = debit;
    out.credit[r] = read.next() === 0 ? debit : unzigzag(read.next());
    out.bucket[r] = bucket;
    out.date[r] = date;
    out.pos[r] = pos;
    out.lines[r] = lines;
    out.etab[r] = etab === 0 ? MIXED_ETAB : etab - 1;
    seen.saw(date, bucket, pos, lines);
  }
  if (read.at !== stored.length) throw new Error("Search index records do not match its header");
  return out;
}
