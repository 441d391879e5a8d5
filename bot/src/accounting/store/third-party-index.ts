import { z } from "zod";
import type { FecEntry } from "@comptoir/shared";
import { inflateFrame, type FrameRef } from "./framed-blob";
import { FrameStager, type BlockSink } from "./frame-stager";

/**
 * The third-party index (blobs `third-party` and `third-party-meta` beside `lines`): the lines of the
 * 411… and 401… accounts, reduced to what the balance âgée ages them by, in compact columns. The
 * balance âgée then reads a few hundred KB instead of inflating every frame of a date-sorted file (its
 * clients' lines lie in all of them) and decoding each line of the class. What a row shows besides
 * (journal, écriture, pièce, label) stays in the lines blob: each indexed line notes its frame there,
 * so the few lines shown are read from it (third-party-lines.ts).
 *
 * Lines are grouped by when they close, since a balance âgée is asked at a date within the exercice:
 * lines open whatever that date (no letter, or lettered after the exercice), lines lettered in each
 * month of the exercice, and lines closed whatever the date (lettered before the exercice, or without
 * DateLet, which counts as lettered). A reader at date D reads the first group, the months from D's on,
 * and never the last. Each group fills chunks of up to CHUNK_LINES lines in file order, brotli-compressed
 * and staged, several per block, while the import parses: the builder holds one partial chunk per group (the
 * exercice's months bound their count). `third-party-meta`, written last, holds the dictionaries, each
 * chunk's size, group and date bounds, the (account, établissement) pairs present and the lines blob's
 * frames. Imports of earlier builds have no meta: readers fall back to the lines.
 */
export const THIRD_PARTY_BLOB = "third-party";
export const THIRD_PARTY_META_BLOB = "third-party-meta";
const FORMAT = 1;
const CHUNK_LINES = 4096;
/** Chunks (about 50 KB once compressed) per staged block: few requests, whose cost is fixed (frame-stager.ts). */
const CHUNKS_PER_BLOCK = 16;
/** Group keys: open at any date, closed at any date; the months between are yyyymm. */
const OPEN_ALWAYS = 0;
const CLOSED_ALWAYS = -1;

/** The account classes the index keeps (those of the balance âgée, AGED_ACCOUNTS). */
const THIRD_PARTY_CLASSES = ["411", "401"] as const;
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
  /** [stored length, lines, group, first EcritureDate, last DateLet] of each chunk, in blob order from offset 0. */
  chunks: z.array(z.tuple([count, count, z.number().int(), count, count])),
  /** [account, établissement] (dictionary ids) of every line: whether a scope sees any line of a class. */
  present: z.array(z.tuple([count, count])),
  /** The lines blob's frames ([stored offset, stored length]), by frame number. */
  frames: z.array(z.tuple([count, count])),
});

export type ThirdPartyMeta = z.infer<typeof metaSchema> & {
  /** Each chunk's stored offset. */
  offsets: number[];
};

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

/** One group's chunk being filled. */
type Filling = { cols: Columns; letters: Buffer; lettersUsed: number; count: number };

function newFilling(): Filling {
  return { cols: newColumns(CHUNK_LINES), letters: Buffer.allocUnsafe(16 * 1024), lettersUsed: 0, count: 0 };
}

/** The group of a line: by when it closes, for a reference date within [start, end] (yyyymmdd). */
export function closingGroup(letter: string, dateLet: number | undefined, start: number, end: number): number {
  if (letter === "") return OPEN_ALWAYS;
  if (dateLet === undefined || dateLet < start) return CLOSED_ALWAYS;
  if (dateLet > end) return OPEN_ALWAYS;
  return Math.floor(dateLet / 100);
}

/** Whether a chunk may hold a line open at `ref`: entered by then, and not lettered by then. */
export function chunkMayBeOpen(chunk: ThirdPartyMeta["chunks"][number], ref: number): boolean {
  const [, , group, firstDate, lastDateLet] = chunk;
  if (group === CLOSED_ALWAYS || firstDate > ref) return false;
  return group === OPEN_ALWAYS || lastDateLet > ref;
}

/**
 * Fed by the import with each line of a third-party account (in file order), stages the index's
 * chunks as they fill and, at `finish`, commits them, then writes the meta.
 */
export class ThirdPartyIndexBuilder {
  private readonly accounts = new Dictionary();
  private readonly auxes = new Dictionary();
  private readonly etabs = new Dictionary();
  private readonly groups = new Map<number, Filling>();
  /** Account id → établissement ids of its lines. */
  private readonly present = new Map<number, Set<number>>();
  private lastAccount = -1;
  private lastEtab = -1;
  /** Each chunk's [stored length (set at `finish`), lines, group, first date, last DateLet]. */
  private readonly chunks: ThirdPartyMeta["chunks"] = [];
  private readonly stager: FrameStager;

  /** `exercice`: its first and last days (yyyymmdd), the dates a balance âgée may be asked at. */
  constructor(
    sink: BlockSink,
    private readonly metaSink: BlockSink,
    private readonly exercice: { start: number; end: number },
  ) {
    this.stager = new FrameStager(sink, { framesPerBlock: CHUNKS_PER_BLOCK, blockIdPrefix: "tpi" });
  }

  /** One line of a third-party account: `etab` as "Limité à" compares it, `frame` its frame in the lines blob. */
  add(e: FecEntry, etab: string, letter: string, frame: number): void {
    const key = closingGroup(letter, e.dateLet, this.exercice.start, this.exercice.end);
    let group = this.groups.get(key);
    if (group === undefined) {
      group = newFilling();
      this.groups.set(key, group);
    }
    const c = group.cols;
    const k = group.count++;
    c.line[k] = e.line;
    c.date[k] = e.date;
    c.pieceDate[k] = e.pieceDate ?? 0;
    c.dateLet[k] = e.dateLet ?? 0;
    c.frame[k] = frame;
    const account = this.accounts.id(e.compteNum);
    const etabId = this.etabs.id(etab);
    c.account[k] = account;
    c.aux[k] = e.compAuxNum ? this.auxes.id(e.compAuxNum) : -1;
    c.etab[k] = etabId;
    c.debit[k] = e.debitCents;
    c.credit[k] = e.creditCents;
    // Lines come in runs of one account and établissement: one lookup per run.
    if (account !== this.lastAccount || etabId !== this.lastEtab) {
      let etabs = this.present.get(account);
      if (etabs === undefined) {
        etabs = new Set();
        this.present.set(account, etabs);
      }
      etabs.add(etabId);
      this.lastAccount = account;
      this.lastEtab = etabId;
    }
    let bytes = 0;
    if (letter !== "") {
      const need = Buffer.byteLength(letter);
      if (group.lettersUsed + need > group.letters.length) {
        const grown = Buffer.allocUnsafe(Math.max(group.letters.length * 2, group.lettersUsed + need));
        group.letters.copy(grown, 0, 0, group.lettersUsed);
        group.letters = grown;
      }
      bytes = group.letters.write(letter, group.lettersUsed);
      group.lettersUsed += bytes;
    }
    c.letterBytes[k] = bytes;
    if (group.count === CHUNK_LINES) this.seal(key, group);
  }

  /** True when the parser should wait for chunks under way (`relieve`). */
  get overBudget(): boolean {
    return this.stager.overBudget;
  }

  relieve(): Promise<void> {
    return this.stager.relieve();
  }

  /** Stages the last chunks and commits them, then the meta (`frames`: the lines blob's, by number). */
  async finish(frames: readonly FrameRef[]): Promise<void> {
    for (const [key, group] of this.groups) if (group.count > 0) this.seal(key, group);
    this.groups.clear();
    const stored = await this.stager.finish();
    for (const [slot, chunk] of this.chunks.entries()) {
      const ref = stored[slot];
      if (ref === undefined) throw new Error(`third-party chunk ${slot} was not stored`);
      chunk[0] = ref[1];
    }
    const meta: z.input<typeof metaSchema> = {
      format: FORMAT,
      accounts: this.accounts.codes,
      auxes: this.auxes.codes,
      etabs: this.etabs.codes,
      chunks: this.chunks,
      present: [...this.present].flatMap(([account, etabs]) =>
        [...etabs].map((etab): [number, number] => [account, etab]),
      ),
      frames: [...frames],
    };
    const id = Buffer.from("tpm0").toString("base64");
    await this.metaSink.stageBlock(id, Buffer.from(JSON.stringify(meta)));
    await this.metaSink.commitBlockList([id]);
  }

  /** Copies the chunk out (the group's columns are reused), compresses and stages it in its place in the blob. */
  private seal(key: number, group: Filling): void {
    const n = group.count;
    const c = group.cols;
    const head = Buffer.alloc(8);
    head.writeUInt32LE(n, 0);
    const parts: Uint8Array[] = [head];
    parts.push(bytesOf(c.debit, n), bytesOf(c.credit, n));
    for (const name of INT_COLUMNS) parts.push(bytesOf(c[name], n));
    parts.push(group.letters.subarray(0, group.lettersUsed));
    const raw = Buffer.concat(parts);
    let firstDate = Number.MAX_SAFE_INTEGER;
    let lastDateLet = 0;
    for (let k = 0; k < n; k++) {
      firstDate = Math.min(firstDate, c.date[k] ?? 0);
      lastDateLet = Math.max(lastDateLet, c.dateLet[k] ?? 0);
    }
    group.count = 0;
    group.lettersUsed = 0;
    this.chunks.push([0, n, key, firstDate, lastDateLet]);
    this.stager.push(raw);
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

/** The meta blob's content, with each chunk's offset in the chunks blob. */
export function decodeThirdPartyMeta(json: Buffer): ThirdPartyMeta {
  const meta = metaSchema.parse(JSON.parse(json.toString("utf8")));
  const offsets: number[] = [];
  let at = 0;
  for (const [length] of meta.chunks) {
    offsets.push(at);
    at += length;
  }
  return { ...meta, offsets };
}

/** One chunk from its stored bytes. */
export async function decodeThirdPartyChunk(stored: Buffer, lines: number): Promise<IndexChunk> {
  return decodeChunk(await inflateFrame(stored), lines);
}
