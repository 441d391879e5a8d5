import { META_BYTES, MIXED_ETAB } from "./search-index";

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
 * else 1 and zigzag(credit). Decoded, the records are the fixed ones the index reads
 * (search-index-reader.ts).
 */

/** The most bytes one record takes encoded (five 32-bit varints, two amounts and a flag). */
const MAX_RECORD_BYTES = 5 * 5 + 8 + 1 + 8;
/** Amounts beyond this go as fixed records: zigzag doubles them, and past 2⁵² doubles lose units. */
const COMPACT_AMOUNT = 2 ** 51;

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

/** Reads varints in order (a class, not a closure over `at`: V8 keeps its position in a register-friendly field). */
class VarintReader {
  at = 0;
  constructor(private readonly bytes: Buffer) {}

  next(): number {
    const bytes = this.bytes;
    let b = bytes[this.at++];
    if (b === undefined) throw new Error("Search index records are truncated");
    if (b < 0x80) return b;
    let value = b & 0x7f;
    let scale = 0x80;
    for (;;) {
      b = bytes[this.at++];
      if (b === undefined) throw new Error("Search index records are truncated");
      value += (b & 0x7f) * scale;
      if (b < 0x80) return value;
      scale *= 0x80;
    }
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

/** The fixed records of `count` écritures from their encoded bytes. */
export function decodeSearchRecords(stored: Buffer, count: number): Buffer {
  const out = Buffer.allocUnsafe(count * META_BYTES);
  // DataView writes are inlined by V8, unlike Buffer's write methods (a million écritures: 7 million writes).
  const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
  const seen = new Prediction();
  const read = new VarintReader(stored);
  for (let r = 0; r < count; r++) {
    const to = r * META_BYTES;
    const lines = read.next();
    if (lines === 0) {
      if (read.at + META_BYTES > stored.length) throw new Error("Search index records are truncated");
      stored.copy(out, to, read.at, read.at + META_BYTES);
      read.at += META_BYTES;
      seen.saw(
        out.readUInt32LE(to + 20),
        out.readUInt32LE(to + 16),
        out.readUInt32LE(to + 24),
        out.readUInt32LE(to + 28),
      );
      continue;
    }
    const date = seen.date + unzigzag32(read.next());
    const bucket = seen.bucket + unzigzag32(read.next());
    const pos = seen.start(bucket) + unzigzag32(read.next());
    const etab = read.next();
    const debit = unzigzag(read.next());
    const credit = read.next() === 0 ? debit : unzigzag(read.next());
    view.setFloat64(to, debit, true);
    view.setFloat64(to + 8, credit, true);
    view.setUint32(to + 16, bucket, true);
    view.setUint32(to + 20, date, true);
    view.setUint32(to + 24, pos, true);
    view.setUint32(to + 28, lines, true);
    view.setUint32(to + 32, etab === 0 ? MIXED_ETAB : etab - 1, true);
    seen.saw(date, bucket, pos, lines);
  }
  if (read.at !== stored.length) throw new Error("Search index records do not match its header");
  return out;
}
