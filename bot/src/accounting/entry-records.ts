import {
  createFecLineDecoder,
  etablissementCodeKey,
  type FecEntry,
  type FecLineDecoder,
  type FecTextField,
} from "@comptoir/shared";
import { joinSegments, type FrameRef } from "./framed-blob";
import type { Segment } from "./grouped-blob";
import { forEachRecord } from "./line-records";
import type { AccountingStore, BlobKind, EntryLayout, VersionRef } from "./store";

/** A stored line as the grand livre and the journaux show it. */
export type StoredLine = {
  line: number;
  date: number;
  journalCode: string;
  compteNum: string;
  ecritureNum: string;
  pieceRef: string;
  pieceDate?: number;
  ecritureLib: string;
  compAuxNum?: string;
  debitCents: number;
  creditCents: number;
  ecritureLet?: string;
  dateLet?: number;
  /** CodeEtablissement as "Limité à" compares it ("" when none). */
  etablissement: string;
};

function storedLine(e: FecEntry): StoredLine {
  // "Limité à" compares codes as the dossier does, exactly as the import counted them.
  const raw = e.etablissement;
  return {
    line: e.line,
    date: e.date,
    journalCode: e.journalCode,
    compteNum: e.compteNum,
    ecritureNum: e.ecritureNum,
    pieceRef: e.pieceRef,
    pieceDate: e.pieceDate,
    ecritureLib: e.ecritureLib,
    compAuxNum: e.compAuxNum,
    debitCents: e.debitCents,
    creditCents: e.creditCents,
    ecritureLet: e.ecritureLet,
    dateLet: e.dateLet,
    etablissement: raw ? etablissementCodeKey(raw) : "",
  };
}

/** What the views show of a line: labels come from the aggregates, once per account or journal. */
const READ_TEXT_FIELDS = [
  "journalCode",
  "ecritureNum",
  "compteNum",
  "pieceRef",
  "ecritureLib",
  "compAuxNum",
  "ecritureLet",
  "etablissement",
] as const;

const decoders = new WeakMap<EntryLayout, FecLineDecoder>();
const letterDecoders = new WeakMap<EntryLayout, FecLineDecoder>();

function decoderOf(layout: EntryLayout, cache = decoders, textFields: readonly FecTextField[] = READ_TEXT_FIELDS) {
  let decoder = cache.get(layout);
  if (decoder === undefined) {
    decoder = createFecLineDecoder(layout.format, { textFields });
    cache.set(layout, decoder);
  }
  return decoder;
}

async function inflatedBuckets(
  store: AccountingStore,
  v: VersionRef,
  kind: BlobKind,
  buckets: ReadonlyArray<readonly Segment[]>,
): Promise<{ layout: EntryLayout; bytes: Buffer[] }> {
  const frames: FrameRef[] = [];
  for (const segments of buckets) for (const [offset, length] of segments) frames.push([offset, length]);
  const [layout, inflated] = await Promise.all([store.readLayout(v), store.readFrames(v, kind, frames)]);
  return { layout, bytes: buckets.map((segments) => joinSegments(segments, inflated)) };
}

/** The lines of each bucket (given by its segments), in stored order: the frames they need read once. */
export async function readBucketLines(
  store: AccountingStore,
  v: VersionRef,
  kind: BlobKind,
  buckets: ReadonlyArray<readonly Segment[]>,
): Promise<StoredLine[][]> {
  const { layout, bytes: all } = await inflatedBuckets(store, v, kind, buckets);
  const decoder = decoderOf(layout);
  return all.map((bytes) => {
    const out: StoredLine[] = [];
    forEachRecord(bytes, (line, start, end) => out.push(storedLine(decoder.decode(bytes, start, end, line))));
    decoder.release();
    return out;
  });
}

/** Sums debit − credit per letter over the lettered lines of `buckets` (nothing else is decoded). */
export async function sumLetters(
  store: AccountingStore,
  v: VersionRef,
  buckets: ReadonlyArray<readonly Segment[]>,
  sums: Map<string, number>,
): Promise<void> {
  const { layout, bytes: all } = await inflatedBuckets(store, v, "ledger", buckets);
  const decoder = decoderOf(layout, letterDecoders, ["ecritureLet"]);
  for (const bytes of all) {
    forEachRecord(bytes, (line, start, end) => {
      const e = decoder.decode(bytes, start, end, line);
      if (e.ecritureLet !== undefined)
        sums.set(e.ecritureLet, (sums.get(e.ecritureLet) ?? 0) + e.debitCents - e.creditCents);
    });
    decoder.release();
  }
}
