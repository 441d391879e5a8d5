/**
 * Records of the entry blob: each FEC line as it was in the file (same bytes, same encoding), after a
 * header of four 32-bit little-endian numbers: its physical line number, its length, and the ids of
 * its ledger bucket (account × month) and journal bucket (journal × month). Lines are stored once, in
 * file order; a reader keeps the records of one bucket by its id, without decoding the others.
 * Copying bytes costs far less than decoding and re-encoding every field, needs no escaping, and a
 * reader decodes a line exactly as the parser did (shared's FEC line decoder, with the format kept
 * next to the frames).
 */
export const RECORD_HEADER_BYTES = 16;

/** Where a record's bucket id lies in its header. */
export const BUCKET_ID_AT = { ledger: 8, journal: 12 } as const;
export type BucketKind = keyof typeof BUCKET_ID_AT;

function putU32(target: Buffer, at: number, value: number): void {
  // Byte stores: writeUInt32LE's checks cost more than the copy of a short line.
  target[at] = value & 0xff;
  target[at + 1] = (value >>> 8) & 0xff;
  target[at + 2] = (value >>> 16) & 0xff;
  target[at + 3] = value >>> 24;
}

/** Writes one record at `at` in `target`; returns the bytes written. */
export function writeRecord(
  target: Buffer,
  at: number,
  line: number,
  ledgerBucket: number,
  journalBucket: number,
  bytes: Uint8Array,
  start: number,
  end: number,
): number {
  putU32(target, at, line);
  putU32(target, at + 4, end - start);
  putU32(target, at + 8, ledgerBucket);
  putU32(target, at + 12, journalBucket);
  target.set(bytes.subarray(start, end), at + RECORD_HEADER_BYTES);
  return recordBytes(end - start);
}

/** The bytes a record takes (header included) for a line of `length` bytes. */
export const recordBytes = (length: number) => RECORD_HEADER_BYTES + length;

/**
 * Calls `visit` with each record of `buf` whose `kind` bucket is `bucket` (every record when it is
 * undefined): the record's line number, its line's place in `buf`, and where the record starts.
 */
export function forEachRecord(
  buf: Buffer,
  visit: (line: number, start: number, end: number, recordStart: number) => void,
  kind?: BucketKind,
  bucket?: number,
): void {
  const idAt = kind === undefined ? -1 : BUCKET_ID_AT[kind];
  let at = 0;
  while (at + RECORD_HEADER_BYTES <= buf.length) {
    const start = at + RECORD_HEADER_BYTES;
    const end = start + buf.readUInt32LE(at + 4);
    if (end > buf.length) throw new Error(`record of line ${buf.readUInt32LE(at)} is cut at byte ${buf.length}`);
    if (idAt < 0 || buf.readUInt32LE(at + idAt) === bucket) visit(buf.readUInt32LE(at), start, end, at);
    at = end;
  }
}
