import { promisify } from "node:util";
import { brotliCompress, brotliDecompress, constants } from "node:zlib";

/**
 * Entry blobs are stored as brotli frames (frame-log.ts), because
 * storage is the slow part of an import (Azurite ingests ~80 MB/s here): FEC lines repeat their
 * account, journal and labels, so quality 0 — hundreds of MB/s, on libuv's thread pool rather than
 * the event loop — still divides the bytes by five or more.
 */

const compress = promisify(brotliCompress);
const decompress = promisify(brotliDecompress);

/** The window a frame needs (brotli's default, 4 MiB, would be allocated per frame whatever its size). */
function windowBits(bytes: number): number {
  let bits = constants.BROTLI_MIN_WINDOW_BITS;
  while (bits < constants.BROTLI_MAX_WINDOW_BITS && 2 ** bits - 16 < bytes) bits++;
  return bits;
}

export function compressFrame(data: Buffer): Promise<Buffer> {
  return compress(data, {
    // Output in few pieces: each piece is a trip between the thread pool and the event loop.
    chunkSize: 256 * 1024,
    params: {
      [constants.BROTLI_PARAM_QUALITY]: 0,
      [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
      [constants.BROTLI_PARAM_LGWIN]: windowBits(data.length),
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
    },
  });
}

/**
 * `outputBytes`: the size the frame is expected to inflate to. Output comes in pieces of that size,
 * which are then concatenated on the event loop: one piece spares that copy (bench:fec's cold
 * search inflates 18 frames of 1 MiB: about 8 ms less with one piece each than with four).
 */
export function inflateFrame(frame: Buffer, outputBytes = 256 * 1024): Promise<Buffer> {
  return decompress(frame, { chunkSize: outputBytes });
}

/** A frame's place in the blob: [stored offset, stored length]. */
export type FrameRef = [offset: number, length: number];

/** Part of a bucket: the frame holding some of its lines, and how many (frame-log.ts). */
export type Segment = [storedOffset: number, storedLength: number, lines: number];

/** A range read of stored bytes: contiguous frames fetched together. */
export type StoredRange = { offset: number; length: number; frames: FrameRef[] };

/** Frames merged into as few contiguous range reads as possible (duplicates read once). */
export function rangesOf(frames: Iterable<FrameRef>): StoredRange[] {
  const distinct = new Map<number, number>();
  for (const [offset, length] of frames) distinct.set(offset, length);
  const ranges: StoredRange[] = [];
  for (const [offset, length] of [...distinct].sort((a, b) => a[0] - b[0])) {
    const last = ranges[ranges.length - 1];
    if (last && last.offset + last.length === offset) {
      last.length += length;
      last.frames.push([offset, length]);
    } else ranges.push({ offset, length, frames: [[offset, length]] });
  }
  return ranges;
}
