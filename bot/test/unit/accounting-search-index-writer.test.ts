import { describe, expect, it } from "vitest";
import type { BlockSink } from "../../src/accounting/store/frame-log";
import {
  accountToken,
  META_BYTES,
  SearchIndexBuilder,
  searchOrdinals,
  searchTokens,
  MIXED_ETAB,
  type SearchHeader,
} from "../../src/accounting/store/search-index";
import { searchRecords, StoredSearchIndex } from "../../src/accounting/store/search-index-reader";
import { fixedSearchRecords, SearchRecordEncoder } from "../../src/accounting/store/search-records";
import { SearchIndexWriter } from "../../src/accounting/store/search-index-writer";

/** An in-memory block blob: staged blocks, committed in the listed order. */
function memoryBlob(): BlockSink & { bytes(): Buffer } {
  const staged = new Map<string, Buffer>();
  let committed = Buffer.alloc(0);
  return {
    stageBlock: (id, data) => {
      staged.set(id, Buffer.from(data));
      return Promise.resolve();
    },
    commitBlockList: (ids) => {
      committed = Buffer.concat(ids.map((id) => staged.get(id) ?? Buffer.alloc(0)));
      return Promise.resolve();
    },
    bytes: () => committed,
  };
}

/** Reproducible pseudo-random numbers (mulberry32). */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = ["Facture", "Règlement", "Écureuils", "loyer", "honoraires", "répartis", "virement", "Crèche", "avoir"];

type Line = { compte: string; aux: string; etab: string; debit: number; credit: number; lib: string; piece: string };
type Ecriture = { bucket: number; date: number; num: string; lines: Line[] };

function generate(count: number, seed: number): Ecriture[] {
  const rnd = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  return Array.from({ length: count }, (_, i) => ({
    bucket: Math.floor(rnd() * 5),
    date: 20240101 + Math.floor(rnd() * 28),
    num: `VE${String(i).padStart(6, "0")}`,
    lines: Array.from({ length: 1 + Math.floor(rnd() * 3) }, () => ({
      compte: pick(["411000", "706000", "445710", "512000"]),
      aux: rnd() < 0.3 ? `C${Math.floor(rnd() * 50)}` : "",
      etab: pick(["E1", "E2", ""]),
      debit: Math.floor(rnd() * 100_000),
      credit: Math.floor(rnd() * 100_000),
      lib: `${pick(WORDS)} ${pick(WORDS)} n°${Math.floor(rnd() * 10_000)}`,
      piece: `FA2024-${String(Math.floor(rnd() * 100_000)).padStart(6, "0")}`,
    })),
  }));
}

async function written(
  ecritures: readonly Ecriture[],
  spillBytes: number,
): Promise<StoredSearchIndex & { blob: Buffer }> {
  const writer = new SearchIndexWriter(spillBytes);
  for (const e of ecritures) {
    writer.startEcriture(e.bucket, e.date, e.num);
    for (const l of e.lines) writer.addLine(l.compte, l.aux, l.etab, l.debit, l.credit, l.lib, l.piece);
  }
  const blob = memoryBlob();
  const header = await writer.write(blob);
  const bytes = blob.bytes();
  const meta = searchRecords(header, bytes.subarray(header.meta[0], header.meta[0] + header.meta[1]));
  return Object.assign(
    new StoredSearchIndex(header, meta, (offset, length) => Promise.resolve(bytes.subarray(offset, offset + length))),
    { blob: bytes },
  );
}

/** The in-memory builder over the same écritures: the reference. */
function reference(ecritures: readonly Ecriture[]) {
  const builder = new SearchIndexBuilder();
  ecritures.forEach((e, ordinal) => builder.add(ordinal, [e.num, ...e.lines.flatMap((l) => [l.lib, l.piece, l.aux])]));
  return builder.build();
}

describe("SearchIndexWriter", () => {
  const ecritures = generate(3_000, 7);
  const queries = ["facture", "ecureuils rep", "FA2024-0001", "VE0012", "n 12", "c1", "zzz", "crèche avoir"];

  it("spills its map in many runs and merges them into the same index as the in-memory builder", async () => {
    const spilled = await written(ecritures, 32_768);
    const whole = await written(ecritures, Number.MAX_SAFE_INTEGER);
    const ref = reference(ecritures);
    expect(spilled.header.blocks.length).toBeGreaterThan(3);
    // About 2 MB of map, spilled every 32 KB: dozens of runs, merged into the very same bytes.
    expect(spilled.blob.equals(whole.blob)).toBe(true);
    for (const q of queries) {
      const expected = searchOrdinals(ref, q);
      expect(await spilled.search(searchTokens(q), () => []), q).toEqual(expected);
      expect(await whole.search(searchTokens(q), () => []), q).toEqual(expected);
    }
    expect((await spilled.search(["facture"], () => [])).length).toBeGreaterThan(100);
  }, 60_000);

  it("finds account numbers by prefix and accounts named by their label, apart from the other words", async () => {
    const index = await written(ecritures, 32_768);
    const touching = (compte: string) =>
      ecritures.flatMap((e, i) => (e.lines.some((l) => l.compte === compte) ? [i] : []));
    expect(await index.search(["4110"], () => [])).toEqual(touching("411000"));
    expect(await index.search(["clients"], (w) => ("clients".startsWith(w) ? ["411000"] : []))).toEqual(
      touching("411000"),
    );
    expect(accountToken("411 000")).toBe("#411000");
  });

  it("records each écriture's amounts, bucket, date, position in its bucket, line count and établissement", async () => {
    const index = await written(ecritures, 32_768);
    const positions = new Map<number, number>();
    ecritures.forEach((e, ordinal) => {
      const pos = positions.get(e.bucket) ?? 0;
      positions.set(e.bucket, pos + e.lines.length);
      const etabs = new Set(e.lines.map((l) => l.etab));
      expect(index.record(ordinal)).toEqual({
        debit: e.lines.reduce((n, l) => n + l.debit, 0),
        credit: e.lines.reduce((n, l) => n + l.credit, 0),
        bucket: e.bucket,
        date: e.date,
        pos,
        lines: e.lines.length,
        etab: etabs.size === 1 ? [...etabs][0] : null,
      });
    });
    expect(index.ecritures).toBe(ecritures.length);
  });

  it("writes an empty index for a file without écritures", async () => {
    const index = await written([], 4_096);
    expect(index.ecritures).toBe(0);
    expect(await index.search(["facture"], () => [])).toEqual([]);
  });
});

describe("search index records", () => {
  type Fields = [debit: number, credit: number, bucket: number, date: number, pos: number, lines: number, etab: number];
  const fixed = (records: readonly Fields[]) => {
    const out = Buffer.alloc(records.length * META_BYTES);
    records.forEach(([debit, credit, bucket, date, pos, lines, etab], r) => {
      const at = r * META_BYTES;
      out.writeDoubleLE(debit, at);
      out.writeDoubleLE(credit, at + 8);
      out.writeUInt32LE(bucket, at + 16);
      out.writeUInt32LE(date, at + 20);
      out.writeUInt32LE(pos, at + 24);
      out.writeUInt32LE(lines, at + 28);
      out.writeUInt32LE(etab, at + 32);
    });
    return out;
  };
  /** Écritures in file order, as the writer records them: each starts where its bucket's previous one ended. */
  const usual = (count: number, seed: number): Fields[] => {
    const rnd = prng(seed);
    const ends = new Map<number, number>();
    let date = 20240101;
    return Array.from({ length: count }, () => {
      const bucket = Math.floor(rnd() * 12);
      const lines = 2 + Math.floor(rnd() * 3);
      const pos = ends.get(bucket) ?? 0;
      ends.set(bucket, pos + lines);
      if (rnd() < 0.05) date++;
      const amount = Math.floor(rnd() * 1_000_000);
      return [amount, amount, bucket, date, pos, lines, Math.floor(rnd() * 3)];
    });
  };
  const header = (ecritures: number, version: 1 | 2 = 2): SearchHeader => ({
    version,
    ecritures,
    meta: [0, 0],
    etabs: [],
    blocks: [],
  });

  it("encodes usual records in a few bytes each and decodes them as they were, across chunks", () => {
    const records = fixed(usual(5000, 3));
    const encoder = new SearchRecordEncoder();
    const stored = Buffer.concat([
      encoder.encode(records.subarray(0, 1234 * META_BYTES)),
      encoder.encode(records.subarray(1234 * META_BYTES)),
    ]);
    expect(stored.length).toBeLessThan(5000 * 10);
    expect(searchRecords(header(5000), stored)).toEqual(fixedSearchRecords(records, 5000));
  });

  it("keeps what breaks the predictions: unbalanced, negative or huge amounts, several établissements, dates and positions out of order", () => {
    const records = fixed([
      [100, 100, 3, 20240105, 0, 2, 0],
      [250, 120, 3, 20240103, 2, 3, MIXED_ETAB],
      [-700, -700, 0, 20240110, 40, 2, 7],
      [2 ** 52, 2 ** 52, 0, 20240110, 42, 1, 0],
      [-(2 ** 53) + 1, 5, 9, 20231231, 0, 4, 1],
      [0, 0, 9, 20240101, 4, 0, 2],
      [1.5, 1.5, 9, 20240101, 3, 2, 2],
      [300, 300, 3, 20240105, 5, 2, 0],
      [10, 10, 3, 20240105, 4_000_000_000, 2, 0],
      [10, 10, 3, 20240105, 7, 2, 0],
    ]);
    const stored = new SearchRecordEncoder().encode(records);
    expect(searchRecords(header(10), stored)).toEqual(fixedSearchRecords(records, 10));
  });

  it("reads version 1 records as stored, and refuses records that do not match the header", () => {
    const records = fixed(usual(10, 4));
    expect(searchRecords(header(10, 1), records).date).toEqual(new Uint32Array(usual(10, 4).map((f) => f[3])));
    const stored = new SearchRecordEncoder().encode(records);
    expect(() => searchRecords(header(11), stored)).toThrow(/truncated/);
    expect(() => searchRecords(header(9), stored)).toThrow(/do not match/);
  });
});
