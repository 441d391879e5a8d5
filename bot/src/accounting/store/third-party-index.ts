import { z } from "zod";
import type { FecEntry } from "@comptoir/shared";
import type { BlockSink } from "./frame-log";
import { compressFrame, inflateFrame, type FrameRef } from "./framed-blob";

/**
 * The third-party index (blob `third-party` beside `lines`): the lines of the 411… and 401… accounts,
 * reduced to what the balance âgée ages them by, in compact columns. The balance âgée then reads a
 * few MB instead of inflating every frame of a date-sorted file (its clients' lines lie in all of
 * them) and decoding each line of the class. What a row shows besides (journal, écriture, pièce,
 * label) stays in the lines blob: each indexed line notes its frame there, so the few lines shown
 * are read from it (third-party-lines.ts).
 *
 * Blob: chunks of up to CHUNK_LINES lines in file order, each brotli-compressed and staged as a block
 * while the import parses (so the index never holds more than a chunk or two in memory), then a last
 * block: the JSON meta (dictionaries, chunk sizes, the lines blob's frames) and its byte length as a
 * little-endian 32-bit word. Imports of earlier builds have no such blob: readers fall back to the
 * lines (`readThirdPartyIndex` answers null).
 */
export const THIRD_PARTY_BLOB = "third-party";
const FORMAT = 1;
const CHUNK_LINES = 32_768;
/** Chunks being compressed or staged before the parser waits. */
const CHUNKS_IN_FLIGHT = 2;

/** The account classes the index keeps (those of the balance âgée, AGED_ACCOUNTS). */
export const THIRD_PARTY_CLASSES = ["411", "401"] as const;
export function isThirdPartyAccount(compteNum: string): boolean {
  return compteNum.startsWith("411") || compteNum.startsWith("401");
}
/** Whether the index holds every line of the accounts under `prefix`. */
export function indexCovers(prefix: string): boolean {
  return THIRD_PARTY_CLASSES.some((c) => prefix.startsWith(c));
}

/** Number columns of a chunk (int32, in this order), then the two amounts (float64: cents beyond 2³¹). */
const INT_COLUMNS = ["line", "date", "pieceDate", "dateLet", "frame", "account", "aux", "etab", "letterBytes"] as const;
type IntColumn = (typeof INT_COLUMNS)[number];
type Columns = Record<IntColumn, Int32Array> & { debit: Float64Array; credit: Float64Array };

/** One chunk, decoded: its columns, and its letters' UTF-8 bytes one after the other. */
export type IndexChunk = Columns & { lines: number; letters: Buffer; letterAt: Int32Array };

const count = z.number().int().nonnegative();
const metaSchema = z.object({
  format: z.literal(FORMAT),
  accounts: z.array(z.string()),
  auxes: z.array(z.string()),
  etabs: z.array(z.string()),
  /** [stored length, lines] of each chunk, in blob order from offset 0. */
  chunks: z.array(z.tuple([count, count])),
  /** The lines blob's frames ([stored offset, stored length]), by frame number. */
  frames: z.array(z.tuple([count, count])),
});
type ThirdPartyMeta = z.infer<typeof metaSchema>;

/** The decoded index of one import. `aux` and dates are -1 / 0 when the line has none. */
export type ThirdPartyIndex = Omit<ThirdPartyMeta, "chunks" | "format"> & { chunks: IndexChunk[] };

/** Codes numbered in order of first sight (accounts, auxiliaries, établissements). */
class Dictionary {
  readonly codes: string[] = [];
  private readonly ids = new Map<string, number>();
  private lastCode = "";
  private lastId = -1;
  id(code: string): number {
    if (code === this.lastCode && this.lastId >= 0) return this.lastId;
    let id = this.ids.get(code);
    if (id === undefined) {
      id = this.codes.length;
      this.codes.push(code);
      this.ids.set(code, id);
    }
    this.lastCode = code;
    this.lastId = id;
    return id;
  }
}

function newColumns(size: number): Columns {
  const ints = Object.fromEntries(INT_COLUMNS.map((c) => [c, new Int32Array(size)])) as Record<IntColumn, Int32Array>;
  return { ...ints, debit: new Float64Array(size), credit: new Float64Array(size) };
}

const bytesOf = (a: Int32Array | Float64Array, n: number) =>
  Buffer.from(a.buffer, a.byteOffset, n * a.BYTES_PER_ELEMENT);

/**
 * Fed by the import with each line of a third-party account (in file order), stages the index's
 * chunks as they fill and, at `finish`, its meta, then commits the blob.
 */
export class ThirdPartyIndexBuilder {
  private readonly accounts = new Dictionary();
  private readonly auxes = new Dictionary();
  private readonly etabs = new Dictionary();
  private readonly cols = newColumns(CHUNK_LINES);
  private letters = Buffer.allocUnsafe(64 * 1024);
  private lettersUsed = 0;
  private count = 0;
  private readonly ids: string[] = [];
  private readonly chunks: Array<[number, number]> = [];
  private readonly inFlight = new Set<Promise<void>>();
  private failure: Error | null = null;

  constructor(private readonly sink: BlockSink) {}

  /** One line of a third-party account: `etab` as "Limité à" compares it, `frame` its frame in the lines blob. */
  add(e: FecEntry, etab: string, letter: string, frame: number): void {
    const c = this.cols;
    const k = this.count++;
    c.line[k] = e.line;
    c.date[k] = e.date;
    c.pieceDate[k] = e.pieceDate ?? 0;
    c.dateLet[k] = e.dateLet ?? 0;
    c.frame[k] = frame;
    c.account[k] = this.accounts.id(e.compteNum);
    c.aux[k] = e.compAuxNum ? this.auxes.id(e.compAuxNum) : -1;
    c.etab[k] = this.etabs.id(etab);
    c.debit[k] = e.debitCents;
    c.credit[k] = e.creditCents;
    let bytes = 0;
    if (letter !== "") {
      const need = Buffer.byteLength(letter);
      if (this.lettersUsed + need > this.letters.length) {
        const grown = Buffer.allocUnsafe(Math.max(this.letters.length * 2, this.lettersUsed + need));
        this.letters.copy(grown, 0, 0, this.lettersUsed);
        this.letters = grown;
      }
      bytes = this.letters.write(letter, this.lettersUsed);
      this.lettersUsed += bytes;
    }
    c.letterBytes[k] = bytes;
    if (this.count === CHUNK_LINES) this.seal();
  }

  /** True when the parser should wait for chunks under way (`relieve`). */
  get overBudget(): boolean {
    return this.inFlight.size >= CHUNKS_IN_FLIGHT;
  }

  async relieve(): Promise<void> {
    await Promise.all(this.inFlight);
    this.rethrow();
  }

  /** Stages the last chunk and the meta (`frames`: the lines blob's, by number), then commits the blob. */
  async finish(frames: readonly FrameRef[]): Promise<void> {
    if (this.count > 0) this.seal();
    await this.relieve();
    const meta: ThirdPartyMeta = {
      format: FORMAT,
      accounts: this.accounts.codes,
      auxes: this.auxes.codes,
      etabs: this.etabs.codes,
      chunks: this.chunks,
      frames: [...frames],
    };
    const json = Buffer.from(JSON.stringify(meta));
    const tail = Buffer.alloc(4);
    tail.writeUInt32LE(json.length);
    await this.sink.stageBlock(this.nextId(), Buffer.concat([json, tail]));
    await this.sink.commitBlockList(this.ids);
  }

  private nextId(): string {
    const id = Buffer.from(`tpi${String(this.ids.length).padStart(10, "0")}`).toString("base64");
    this.ids.push(id);
    return id;
  }

  /** Copies the chunk out (the columns are reused), compresses and stages it in its place in the blob. */
  private seal(): void {
    const n = this.count;
    const c = this.cols;
    const head = Buffer.alloc(8);
    head.writeUInt32LE(n, 0);
    const parts: Uint8Array[] = [head];
    parts.push(bytesOf(c.debit, n), bytesOf(c.credit, n));
    for (const name of INT_COLUMNS) parts.push(bytesOf(c[name], n));
    parts.push(this.letters.subarray(0, this.lettersUsed));
    const raw = Buffer.concat(parts);
    this.count = 0;
    this.lettersUsed = 0;
    const id = this.nextId();
    const slot = this.chunks.length;
    this.chunks.push([0, n]);
    const staged: Promise<void> = (async () => {
      const compressed = await compressFrame(raw);
      this.chunks[slot] = [compressed.length, n];
      await this.sink.stageBlock(id, compressed);
    })()
      .catch((e: unknown) => {
        this.failure ??= e instanceof Error ? e : new Error(String(e));
      })
      .finally(() => this.inFlight.delete(staged));
    this.inFlight.add(staged);
  }

  private rethrow(): void {
    if (this.failure !== null) throw this.failure;
  }
}

/** A chunk's columns from its inflated bytes (copied: typed arrays need aligned memory). */
function decodeChunk(raw: Buffer, lines: number): IndexChunk {
  const n = raw.readUInt32LE(0);
  if (n !== lines) throw new Error(`third-party chunk holds ${n} lines, not ${lines}`);
  let at = 8;
  const take = <T extends Int32Array | Float64Array>(target: T): T => {
    const size = n * target.BYTES_PER_ELEMENT;
    new Uint8Array(target.buffer).set(raw.subarray(at, at + size));
    at += size;
    return target;
  };
  const debit = take(new Float64Array(n));
  const credit = take(new Float64Array(n));
  const ints = {} as Record<IntColumn, Int32Array>;
  for (const name of INT_COLUMNS) ints[name] = take(new Int32Array(n));
  const letters = raw.subarray(at);
  const letterAt = new Int32Array(n + 1);
  for (let k = 0; k < n; k++) letterAt[k + 1] = (letterAt[k] ?? 0) + (ints.letterBytes[k] ?? 0);
  if ((letterAt[n] ?? 0) !== letters.length) throw new Error("third-party chunk: letters do not add up");
  return { ...ints, debit, credit, lines: n, letters, letterAt };
}

/** Decodes a whole `third-party` blob. */
export async function decodeThirdPartyIndex(blob: Buffer): Promise<ThirdPartyIndex> {
  const jsonLength = blob.readUInt32LE(blob.length - 4);
  const metaAt = blob.length - 4 - jsonLength;
  const meta = metaSchema.parse(JSON.parse(blob.toString("utf8", metaAt, blob.length - 4)));
  let at = 0;
  const chunks = await Promise.all(
    meta.chunks.map(([length, lines]) => {
      const stored = blob.subarray(at, at + length);
      at += length;
      return inflateFrame(stored).then((raw) => decodeChunk(raw, lines));
    }),
  );
  if (at !== metaAt) throw new Error("third-party index: chunks do not add up");
  return { accounts: meta.accounts, auxes: meta.auxes, etabs: meta.etabs, frames: meta.frames, chunks };
}
