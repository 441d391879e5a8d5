import { createFecLineDecoder, etablissementCodeKey, type FecEntry, type FecLineDecoder } from "@comptoir/shared";
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

const decoders = new WeakMap<EntryLayout, FecLineDecoder>();

function decoderOf(layout: EntryLayout): FecLineDecoder {
  let decoder = decoders.get(layout);
  if (decoder === undefined) {
    decoder = createFecLineDecoder(layout.format);
    decoders.set(layout, decoder);
  }
  return decoder;
}

/** The lines of each bucket (given by its segments), in stored order: the frames they need read once. */
export async function readBucketLines(
  store: AccountingStore,
  v: VersionRef,
  kind: BlobKind,
  buckets: ReadonlyArray<readonly Segment[]>,
): Promise<StoredLine[][]> {
  const frames: FrameRef[] = [];
  for (const segments of buckets) for (const [offset, length] of segments) frames.push([offset, length]);
  const [layout, inflated] = await Promise.all([store.readLayout(v), store.readFrames(v, kind, frames)]);
  const decoder = decoderOf(layout);
  return buckets.map((segments) => {
    const bytes = joinSegments(segments, inflated);
    const out: StoredLine[] = [];
    forEachRecord(bytes, (line, start, end) => out.push(storedLine(decoder.decode(bytes, start, end, line))));
    return out;
  });
}
