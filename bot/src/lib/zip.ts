/**
 * ZIP on fflate, for the whole repository: the XLSX export streams through `ZipWriter`, the Teams app
 * package is built with `zipToBuffer`, and tests read archives back with `readZip`.
 */
import {
  deflateSync,
  unzipSync,
  Zip,
  zipSync,
  type AsyncFlateStreamHandler,
  type DeflateOptions,
  type ZipInputFile,
  type Zippable,
} from "fflate";
import { constants, crc32, deflateRawSync } from "node:zlib";

/** Where archive bytes go; the writer waits for each promise, so a slow consumer holds it back. */
export type ByteSink = (chunk: Buffer) => Promise<void>;
/** zlib's deflate levels: 1 fastest, 9 smallest. */
export type ZipLevel = Exclude<NonNullable<DeflateOptions["level"]>, 0>;
export type ZipEntry = { name: string; data: Uint8Array };
export type ZipEntryWriter = { write(data: Uint8Array): Promise<void>; end(): Promise<void> };
export type ZipWriterOptions = { level?: ZipLevel; mtime?: Date };
export type ZipEntryInfo = { name: string; method: "stored" | "deflated"; size: number; compressedSize: number };

/** fflate writes no ZIP64: past 4 GiB its offsets and sizes would wrap silently, so we refuse instead. */
const LIMIT = 0xffffffff;
const NOTHING = new Uint8Array(0);

/**
 * An entry for fflate's `Zip` (its `ZipInputFile` contract) whose CRC and deflate are Node's zlib: on a
 * 200,000-row sheet fflate's JavaScript deflate took 2.5× zlib's time (1.4× at level 1, for a 25% larger
 * file), and the export must not get slower. Each piece is deflated on its own and sync-flushed, which
 * keeps it part of one valid deflate stream.
 */
class ZlibEntry implements ZipInputFile {
  readonly compression = 8;
  /** General purpose bits 1–2 for deflate: 1 maximum, 2 fast, 3 super fast (APPNOTE 4.4.4). */
  readonly flag: number;
  crc = 0;
  size = 0;
  ondata: AsyncFlateStreamHandler = () => undefined;

  constructor(
    readonly filename: string,
    private readonly level: ZipLevel,
    readonly mtime: Date,
  ) {
    this.flag = level === 9 ? 1 : level === 1 ? 3 : level < 6 ? 2 : 0;
  }

  push(data: Uint8Array, final: boolean): void {
    // Node's crc32 returns 0 for an empty array once zlib has used its (null) backing store: skip empties.
    if (data.length > 0) this.crc = crc32(data, this.crc);
    this.size += data.length;
    const finishFlush = final ? constants.Z_FINISH : constants.Z_SYNC_FLUSH;
    this.ondata(null, deflateRawSync(data, { level: this.level, finishFlush }), final);
  }
}

const asBuffer = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/**
 * A streaming ZIP writer on fflate's `Zip`, fed one entry at a time so it holds nothing back: whatever the
 * archive's size, memory holds one piece and its deflated form. Entries are all deflated: their local
 * headers carry a data descriptor (bit 3, sizes after the data), which streaming readers take only for
 * deflated data. The UTF-8 flag is set for non-ASCII names only.
 */
export class ZipWriter {
  private readonly zip: Zip;
  private produced: Uint8Array[] = [];
  private failure: Error | null = null;
  private total = 0;
  private readonly names = new Set<string>();
  private entry: ZlibEntry | null = null;
  private readonly level: ZipLevel;
  private readonly mtime: Date;

  constructor(
    private readonly sink: ByteSink,
    options: ZipWriterOptions = {},
  ) {
    this.level = options.level ?? 6;
    this.mtime = options.mtime ?? new Date();
    this.zip = new Zip((error, chunk) => {
      if (error) this.failure ??= error;
      else this.produced.push(chunk);
    });
  }

  /** Starts an entry; write its content with `write`, then `end`. One entry at a time. */
  begin(name: string, level = this.level): ZipEntryWriter {
    if (this.entry) throw new Error("Previous ZIP entry not ended");
    if (this.names.has(name)) throw new Error(`Duplicate zip entry: ${name}`);
    this.names.add(name);
    const entry = new ZlibEntry(name, level, this.mtime);
    this.zip.add(entry);
    this.entry = entry;
    return {
      write: (data) => (data.length === 0 ? Promise.resolve() : this.push(entry, data, false)),
      end: () => this.push(entry, NOTHING, true),
    };
  }

  async add(name: string, data: string | Uint8Array, level = this.level): Promise<void> {
    const entry = this.begin(name, level);
    await entry.write(typeof data === "string" ? Buffer.from(data, "utf8") : data);
    await entry.end();
  }

  /** Writes the central directory. */
  async finish(): Promise<void> {
    if (this.entry) throw new Error("ZIP entry not ended");
    this.zip.end();
    await this.emit();
  }

  private async push(entry: ZlibEntry, data: Uint8Array, final: boolean): Promise<void> {
    if (this.entry !== entry) throw new Error("ZIP entry already ended");
    entry.push(data, final);
    if (entry.size > LIMIT) throw new Error("ZIP entry over 4 GiB");
    if (final) this.entry = null;
    await this.emit();
  }

  /** Hands what fflate produced to the sink, one chunk at a time, waiting for each. */
  private async emit(): Promise<void> {
    if (this.failure) throw this.failure;
    const chunks = this.produced;
    this.produced = [];
    for (const chunk of chunks) {
      this.total += chunk.length;
      if (this.total > LIMIT) throw new Error("ZIP archive over 4 GiB");
      if (chunk.length > 0) await this.sink(asBuffer(chunk));
    }
  }
}

/**
 * A whole archive in memory, with fflate's `zipSync`: sizes sit in the local headers (no data descriptor),
 * which suits every reader, streaming ones included. Each entry is deflated at level 9 unless storing it is
 * smaller (PNGs already are compressed). Names that look like integers would come first (object key order).
 */
export function zipToBuffer(entries: readonly ZipEntry[], options: Pick<ZipWriterOptions, "mtime"> = {}): Buffer {
  const files: Zippable = {};
  for (const { name, data } of entries) {
    if (Object.hasOwn(files, name)) throw new Error(`Duplicate zip entry: ${name}`);
    files[name] = [data, { level: deflateSync(data, { level: 9 }).length < data.length ? 9 : 0 }];
  }
  return asBuffer(zipSync(files, { mtime: options.mtime ?? new Date() }));
}

/** Every entry's content by name, in archive order; an entry whose size or CRC-32 is not as recorded throws. */
export function readZip(archive: Uint8Array): Map<string, Uint8Array> {
  const crcs = recordedCrcs(asBuffer(archive));
  const inflated = unzipSync(archive);
  const files = new Map<string, Uint8Array>();
  listZip(archive).forEach(({ name, size }, i) => {
    const data = inflated[name];
    if (data?.length !== size || crc32(data) !== crcs[i]) throw new Error(`Corrupt zip entry: ${name}`);
    files.set(name, data);
  });
  return files;
}

const END_OF_CENTRAL_DIRECTORY = Buffer.from([0x50, 0x4b, 0x05, 0x06]);
const CENTRAL_HEADER = 0x02014b50;

/**
 * The CRC-32 of each entry, in central directory order. fflate's reader checks none, and a reader that
 * does is what catches a writer's CRC bug (as it did one here: see `ZlibEntry.push`).
 */
function recordedCrcs(archive: Buffer): number[] {
  const end = archive.lastIndexOf(END_OF_CENTRAL_DIRECTORY);
  if (end < 0) throw new Error("Not a zip archive");
  const crcs: number[] = [];
  let at = archive.readUInt32LE(end + 16);
  for (let left = archive.readUInt16LE(end + 10); left > 0; left--) {
    if (archive.readUInt32LE(at) !== CENTRAL_HEADER) throw new Error(`Corrupt central directory at ${at}`);
    crcs.push(archive.readUInt32LE(at + 16));
    at += 46 + archive.readUInt16LE(at + 28) + archive.readUInt16LE(at + 30) + archive.readUInt16LE(at + 32);
  }
  return crcs;
}

/** The central directory: names, methods and sizes, nothing inflated. */
export function listZip(archive: Uint8Array): ZipEntryInfo[] {
  const entries: ZipEntryInfo[] = [];
  unzipSync(archive, {
    filter: ({ name, compression, size, originalSize }) => {
      if (compression !== 0 && compression !== 8) throw new Error(`Unsupported compression ${compression} for ${name}`);
      entries.push({
        name,
        method: compression === 0 ? "stored" : "deflated",
        size: originalSize,
        compressedSize: size,
      });
      return false;
    },
  });
  return entries;
}
