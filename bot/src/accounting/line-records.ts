/**
 * Records of the entry blobs: each FEC line as it was in the file (same bytes, same encoding), after
 * its physical line number and its length, both 32-bit little-endian. Copying bytes costs far less
 * than decoding and re-encoding every field, needs no escaping, and a reader decodes a line exactly
 * as the parser did (shared's FEC line decoder, with the format kept next to the frames).
 */
export const RECORD_HEADER_BYTES = 8;

/** Writes one record at `at` in `target`; returns the bytes written. */
export function writeRecord(
  target: Buffer,
  at: number,
  line: number,
  bytes: Uint8Array,
  start: number,
  end: number,
): number {
  // Byte stores: writeUInt32LE's checks cost more than the copy of a short line.
  const length = end - start;
  target[at] = line & 0xff;
  target[at + 1] = (line >>> 8) & 0xff;
  target[at + 2] = (line >>> 16) & 0xff;
  target[at + 3] = line >>> 24;
  target[at + 4] = length & 0xff;
  target[at + 5] = (length >>> 8) & 0xff;
  target[at + 6] = (length >>> 16) & 0xff;
  target[at + 7] = length >>> 24;
  target.set(bytes.subarray(start, end), at + RECORD_HEADER_BYTES);
  return RECORD_HEADER_BYTES + end - start;
}

/** Calls `visit` with each record of `buf` (whole records only: a range always ends on one's end). */
export function forEachRecord(buf: Buffer, visit: (line: number, start: number, end: number) => void): void {
  let at = 0;
  while (at + RECORD_HEADER_BYTES <= buf.length) {
    const line = buf.readUInt32LE(at);
    const start = at + RECORD_HEADER_BYTES;
    const end = start + buf.readUInt32LE(at + 4);
    if (end > buf.length) throw new Error(`record of line ${line} is cut at byte ${buf.length}`);
    visit(line, start, end);
    at = end;
  }
}
