import { describe, expect, it } from "vitest";
import type { FecEntry } from "@comptoir/shared";
import type { BlockSink } from "../../src/accounting/store/frame-log";
import type { FrameRef } from "../../src/accounting/store/framed-blob";
import {
  decodeThirdPartyIndex,
  indexCovers,
  isThirdPartyAccount,
  ThirdPartyIndexBuilder,
  type ThirdPartyIndex,
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
      date: 20240101 + (k % 28),
      compteNum: k % 3 === 0 ? "401000" : "411000",
      debitCents: k % 2 === 0 ? k * 101 : 0,
      creditCents: k % 2 === 1 ? (k % 1000 === 1 ? 3_000_000_000 + k : k) : 0,
      ...(k % 4 === 0 ? {} : { compAuxNum: `C${k % 50}` }),
      ...(k % 5 === 0 ? {} : { pieceDate: 20231201 + (k % 28) }),
      ...(k % 6 === 0 ? { dateLet: 20240301 } : {}),
    } as FecEntry;
    out.push({ entry, etab: ["", "E1", "E2"][k % 3] ?? "", letter: k % 7 === 0 ? `Lé${k}` : "", frame: k >> 12 });
  }
  return out;
}

/** Row k of the index as the reader sees it. */
function row(index: ThirdPartyIndex, k: number) {
  let at = k;
  for (const c of index.chunks) {
    if (at >= c.lines) {
      at -= c.lines;
      continue;
    }
    const aux = c.aux[at] ?? -1;
    const from = c.letterAt[at] ?? 0;
    return {
      line: c.line[at],
      date: c.date[at],
      pieceDate: c.pieceDate[at] || undefined,
      dateLet: c.dateLet[at] || undefined,
      compteNum: index.accounts[c.account[at] ?? -1],
      compAuxNum: aux < 0 ? undefined : index.auxes[aux],
      etab: index.etabs[c.etab[at] ?? -1],
      debitCents: c.debit[at],
      creditCents: c.credit[at],
      letter: c.letters.toString("utf8", from, c.letterAt[at + 1]),
      frame: c.frame[at],
    };
  }
  throw new Error(`no row ${k}`);
}

describe("third-party index", () => {
  it("reads back every line it was given, over several chunks", async () => {
    const sink = memoryBlob();
    const builder = new ThirdPartyIndexBuilder(sink);
    const given = lines(70_000);
    for (const g of given) {
      builder.add(g.entry, g.etab, g.letter, g.frame);
      if (builder.overBudget) await builder.relieve();
    }
    const frames: FrameRef[] = [
      [0, 100],
      [100, 90],
    ];
    await builder.finish(frames);
    expect(sink.committed).not.toBeNull();
    // Chunks of 32,768 lines: three, and the meta.
    expect(sink.staged).toBe(4);
    const index = await decodeThirdPartyIndex(sink.committed ?? Buffer.alloc(0));
    expect(index.frames).toEqual(frames);
    expect(index.chunks.map((c) => c.lines)).toEqual([32_768, 32_768, 70_000 - 65_536]);
    for (const [k, g] of given.entries()) {
      const e = g.entry;
      expect(row(index, k)).toEqual({
        line: e.line,
        date: e.date,
        pieceDate: e.pieceDate,
        dateLet: e.dateLet,
        compteNum: e.compteNum,
        compAuxNum: e.compAuxNum,
        etab: g.etab,
        debitCents: e.debitCents,
        creditCents: e.creditCents,
        letter: g.letter,
        frame: g.frame,
      });
    }
  });

  it("an import without third-party lines still writes an (empty) index", async () => {
    const sink = memoryBlob();
    await new ThirdPartyIndexBuilder(sink).finish([]);
    const index = await decodeThirdPartyIndex(sink.committed ?? Buffer.alloc(0));
    expect([index.chunks, index.accounts]).toEqual([[], []]);
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
