import { createFecLineDecoder, etablissementCodeKey } from "@comptoir/shared";
import { scanFrames } from "./entry-records";
import { BUCKET_ID_AT, forEachRecord } from "./line-records";
import { SearchIndexWriter } from "./search-index-writer";
import type { AccountingStore, VersionRef } from "./store";

/**
 * Builds an import's journaux search index (search-index.ts) from its stored lines, after the import:
 * tokenising every label was over half of an import's CPU, and the import now answers without it (the
 * search scans until the `s|` rows exist). Any instance may run it, more than once: the output is a
 * function of the stored lines, so two builders of one version write the same blocks and row.
 */

/**
 * Frames read at a time (about 1 MiB each once inflated), the next batch downloading meanwhile. Eight
 * set the server's peak (bench:fec: 292-312 MB, over issue 17's 300 MB); four peaked at 281-299 MB, for
 * a build about 0.5 s longer (in the background). Two: the build's own rise, measured in process on
 * bench:fec's file, went from 43-71 MB to 40-44 MB, in about the same time.
 */
const FRAME_READS = { framesPerRead: 2, readsInFlight: 1 };

/** Fields the index needs: the écriture's number and journal (its runs), and the searchable texts. */
const TEXT_FIELDS = [
  "journalCode",
  "ecritureNum",
  "compteNum",
  "compAuxNum",
  "etablissement",
  "ecritureLib",
  "pieceRef",
] as const;

export type SearchIndexOutcome = "built" | "present" | "gone";

export async function buildSearchIndex(
  store: AccountingStore,
  v: VersionRef,
  options: { spillBytes?: number } = {},
): Promise<SearchIndexOutcome> {
  if (!(await store.versionStored(v))) return "gone";
  if ((await store.readSearchHeader(v)) !== null) return "present";
  const [layout, journals] = await Promise.all([store.readLayout(v), store.readJournalIndex(v)]);
  // Each line is in one journal bucket: their segments name every frame of the blob, in file order by offset.
  const frames = new Map<number, number>();
  for (const j of journals) for (const b of j.buckets) for (const [offset, length] of b[1]) frames.set(offset, length);

  const writer = new SearchIndexWriter(options.spillBytes);
  try {
    const decoder = createFecLineDecoder(layout.format, { textFields: TEXT_FIELDS });
    let journal = "";
    let num = "";
    let started = false;
    await scanFrames(
      store,
      v,
      frames,
      (buf) => {
        forEachRecord(buf, (line, start, end, recordStart) => {
          const e = decoder.decode(buf, start, end, line);
          // An écriture is a run of lines with the same journal and number, as the import counts them.
          if (!started || e.journalCode !== journal || e.ecritureNum !== num) {
            started = true;
            journal = e.journalCode;
            num = e.ecritureNum;
            writer.startEcriture(buf.readUInt32LE(recordStart + BUCKET_ID_AT.journal), e.date, num);
          }
          const etab = e.etablissement ? etablissementCodeKey(e.etablissement) : "";
          writer.addLine(e.compteNum, e.compAuxNum ?? "", etab, e.debitCents, e.creditCents, e.ecritureLib, e.pieceRef);
        });
        decoder.release();
      },
      FRAME_READS,
    );
    const header = await writer.write(store.blockSink(v, "search"));
    await store.writeSearchHeader(v, JSON.stringify(header));
  } finally {
    writer.dispose();
  }
  // Collected while it was built (replaced twice over): what was just written goes with the rest.
  if (!(await store.versionStored(v))) {
    await store.purgeVersion(v);
    return "gone";
  }
  return "built";
}
