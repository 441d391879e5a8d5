/**
 * The auxiliaries' grand livre: a copy of the lines that carry an auxiliary account (a client's, a
 * supplier's), grouped by auxiliary and account, each month's lines in display order (date, then file
 * line), in small frames (blob `aux`, records as in line-records.ts, their ledger bucket id renumbered
 * for the copy). In the lines blob, an auxiliary's few hundred lines lie in nearly every frame of a
 * date-sorted file (bench:fec: C00001's 605 lines in 171 of 179 frames): its first page inflated
 * dozens of MiB. Here its first page is a frame or two of AUX_FRAME_BYTES.
 *
 * Each auxiliary has rows `v|<aux>|nnnn`: a ledger index per account it appears in (LedgerIndex, the
 * grand livre's own shape, whose segments point into the `aux` blob), so the grand livre pages it as
 * it pages an account. Row `w|0000`, written last, says the copy is complete. Built after the import,
 * after its search index (aux-ledger-build.ts, read by aux-ledger-read.ts); until then, and for imports
 * of earlier builds, an auxiliary's page reads the lines blob as before.
 */
export const AUX_LEDGER_BLOB = "aux";
/** Records per frame of the copy: a 200-line page of an auxiliary is about 35 KB. */
export const AUX_FRAME_BYTES = 64 * 1024;
/** The auxiliary's rows, and the marker row, under the version's partition. */
export const AUX_ROWS = "v";
export const AUX_READY_ROW = ["w"] as const;
