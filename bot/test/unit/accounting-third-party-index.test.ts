import { describe, expect, it } from "vitest";
import { isOpenAt, type FecEntry } from "@comptoir/shared";
import type { BlockSink } from "../../src/accounting/store/frame-log";
import type { FrameRef } from "../../src/accounting/store/framed-blob";
import {
  chunkMayBeOpen,
  closingGroup,
  decodeThirdPartyChunk,
  decodeThirdPartyMeta,
  indexCovers,
  isThirdPartyAccount,
  ThirdPartyIndexBuilder,
  type IndexChunk,
  type ThirdPartyMeta,
} from "../../src/accounting/store/third-party-index";

/** A block blob in memory: staged blocks, joined in the committed order. */
function memoryBlob(): BlockSink & { committed: Buffer | null; staged: number } {
  const blocks = new Map<string, Buffer>();
  const sink = {
    committed: null as Buffer | null,
    staged: 0,
    stageBlock(id: string, data: Buffer) {
      blocks.set(id, Buffer.from(data));
      sink.staged++;
      return Promise.resolve();
    },
    commitBlockList(ids: string[]) {
      sink.committed = Buffer.concat(ids.map((id) => blocks.get(id) ?? Buffer.alloc(0)));
      return Promise.resolve();
    },
  };
  return sink;
}

type Given = { entry: FecEntry; etab: string; letter: string; frame: number };

/** Lines of every shape: with and without auxiliary, PieceDate, letter, DateLet; amounts past 2³¹ cents. */
function lines(n: number): Given[] {
  const out: Given[] = [];
  for (let k = 0; k < n; k++) {
    const entry = {
      line: k + 2,
      date: 20240101 + (k % 12) * 100 + (k % 28),
      compteNum: k % 3 === 0 ? "401000" : "411000",
      debitCents: k % 2 === 0 ? k * 101 : 0,
      creditCents: k % 2 === 1 ? (k % 1000 === 1 ? 3_000_000_000 + k : k) : 0,
      ...(k % 4 === 0 ? {} : { compAuxNum: `C${k % 50}` }),
      ...(k % 5 === 0 ? {} : { pieceDate: 20231201 + (k % 28) }),
      ...(k % 7 === 0 && k % 3 !== 0 ? { dateLet: [20231215, 20240301, 20240615, 20241231, 20250110][k % 5] } : {}),
    } as FecEntry;
    out.push({ entry, etab: ["", "E1", "E2"][k % 3] ?? "", letter: k % 7 === 0 ? `Lé${k}` : "", frame: k >> 12 });
  }
  return out;
}

const EXERCICE = { start: 20240101, end: 20241231 };

/** Every row of the index as the reader sees it, with its chunk's meta. */
async function rows(meta: ThirdPartyMeta, blob: Buffer) {
  const out = [];
  for (const [k, chunkMeta] of meta.chunks.entries()) {
    const at = meta.offsets[k] ?? 0;
    const c: IndexChunk = await decodeThirdPartyChunk(blob.subarray(at, at + chunkMeta[0]), chunkMeta[1]);
    for (let i = 0; i < c.lines; i++) {
      const aux = c.aux[i] ?? -1;
      const from = c.letterAt[i] ?? 0;
      out.push({
        chunk: chunkMeta,
        row: {
          line: c.line[i],
          date: c.date[i],
          pieceDate: c.pieceDate[i] || undefined,
          dateLet: c.dateLet[i] || undefined,
          compteNum: meta.accounts[c.account[i] ?? -1],
          compAuxNum: aux < 0 ? undefined : meta.auxes[aux],
          etab: meta.etabs[c.etab[i] ?? -1],
          debitCents: c.debit[i],
          creditCents: c.credit[i],
          letter: c.letters.toString("utf8", from, c.letterAt[i + 1]),
          frame: c.frame[i],
        },
      });
    }
  }
  return out;
}

async function built(given: readonly Given[], frames: FrameRef[] = []) {
  const chunks = memoryBlob();
  const metaBlob = memoryBlob();
  const builder = new ThirdPartyIndexBuilder(chunks, metaBlob, EXERCICE);
  for (const g of given) {
    builder.add(g.entry, g.etab, g.letter, g.frame);
    if (builder.overBudget) await builder.relieve();
  }
  await builder.finish(frames);
  const meta = decodeThirdPartyMeta(metaBlob.committed ?? Buffer.alloc(0));
  return { meta, chunks, rows: await rows(meta, chunks.committed ?? Buffer.alloc(0)) };
}

describe("third-party index", () => {
  it("reads back every line it was given, over several chunks, each in the group of when it closes", async () => {
    const given = lines(70_000);
    const frames: FrameRef[] = [
      [0, 100],
      [100, 90],
    ];
    const { meta, chunks, rows: got } = await built(given, frames);
    expect(meta.frames).toEqual(frames);
    // Chunks go out sixteen to a block: a request costs storage the same whatever its size.
    expect(chunks.staged).toBe(Math.ceil(meta.chunks.length / 16));
    expect(meta.chunks.length).toBeGreaterThan(70_000 / 4096);
    expect(got.map((r) => r.row).sort((a, b) => (a.line ?? 0) - (b.line ?? 0))).toEqual(
      given.map((g) => ({
        line: g.entry.line,
        date: g.entry.date,
        pieceDate: g.entry.pieceDate,
        dateLet: g.entry.dateLet,
        compteNum: g.entry.compteNum,
        compAuxNum: g.entry.compAuxNum,
        etab: g.etab,
        debitCents: g.entry.debitCents,
        creditCents: g.entry.creditCents,
        letter: g.letter,
        frame: g.frame,
      })),
    );
    const misplaced = got.filter(
      ({ chunk, row }) => chunk[2] !== closingGroup(row.letter, row.dateLet, EXERCICE.start, EXERCICE.end),
    );
    expect(misplaced).toEqual([]);
    // 401 lines are those of rows k % 3 = 0, without a code; 411 ones are E1 or E2.
    expect(meta.present.length).toBe(3);
  }, 60_000);

  it("a reader at any date of the exercice skips only chunks without a line open then", async () => {
    const { meta, rows: got } = await built(lines(30_000));
    const skippedSomewhere = new Set<number>();
    const skippedOpen: Array<[number, number | undefined]> = [];
    for (const ref of [20240101, 20240229, 20240615, 20241130, 20241231]) {
      for (const { chunk, row } of got) {
        const line = { ...row, line: row.line ?? 0, date: row.date ?? 0, compteNum: "", debitCents: 0, creditCents: 0 };
        if (isOpenAt({ ...line, ecritureLet: row.letter || undefined }, ref) && !chunkMayBeOpen(chunk, ref))
          skippedOpen.push([ref, row.line]);
      }
      meta.chunks.forEach((c, k) => {
        if (!chunkMayBeOpen(c, ref)) skippedSomewhere.add(k);
      });
    }
    expect(skippedOpen).toEqual([]);
    // The grouping pays: some chunks are not read.
    expect(skippedSomewhere.size).toBeGreaterThan(0);
  }, 60_000);

  it("an import without third-party lines still writes an (empty) index", async () => {
    const { meta, rows: got } = await built([]);
    expect([meta.chunks, meta.accounts, got]).toEqual([[], [], []]);
  });

  it("keeps the accounts of the balance âgée's two classes, and covers their prefixes only", () => {
    expect(["411000", "4110", "401", "401ABC"].every(isThirdPartyAccount)).toBe(true);
    expect(["41", "410000", "512000", "40"].some(isThirdPartyAccount)).toBe(false);
    expect([indexCovers("411"), indexCovers("401"), indexCovers("4110"), indexCovers("41"), indexCovers("")]).toEqual([
      true,
      true,
      true,
      false,
      false,
    ]);
  });
});
