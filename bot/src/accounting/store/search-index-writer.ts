import { randomUUID } from "node:crypto";
import { closeSync, openSync, readSync, unlinkSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { BlockSink } from "./frame-log";
import {
  accountToken,
  decodePostings,
  PostingsWriter,
  searchTokens,
  META_BYTES,
  MIXED_ETAB,
  writeVarint,
  type SearchHeader,
} from "./search-index";
import { SearchRecordEncoder } from "./search-records";

/**
 * Builds the journaux' search index while the import streams (layout in search-index.ts). Memory is
 * bounded: the token → postings map is written out as a sorted run to a temporary file whenever it
 * holds about SPILL_BYTES, and the per-écriture records go to another as they are made; `write`
 * merges the runs into the index blob at commit.
 */

/** Estimated bytes of the in-memory map before it is spilled as a run. */
const SPILL_BYTES = 2 * 1024 * 1024;
/** Dictionary block: entries are gathered up to this size, and a query reads only the blocks of its words. */
const DICTIONARY_BLOCK_BYTES = 32 * 1024;
/** Staged blob block. */
const STAGE_BYTES = 1024 * 1024;
/** Bytes read at a time from a spilled run while merging. */
const RUN_READ_BYTES = 64 * 1024;

/** A temporary file, removed from the directory at once: the descriptor keeps it until `close`. */
class SpillFile {
  private fd: number | null = null;
  size = 0;

  append(data: Buffer): void {
    if (this.fd === null) {
      const path = join(tmpdir(), `comptoir-search-${randomUUID()}`);
      this.fd = openSync(path, "w+", 0o600);
      unlinkSync(path);
    }
    let done = 0;
    while (done < data.length) done += writeSync(this.fd, data, done, data.length - done, this.size + done);
    this.size += data.length;
  }

  read(offset: number, length: number): Buffer {
    const out = Buffer.allocUnsafe(length);
    let done = 0;
    while (this.fd !== null && done < length) {
      const n = readSync(this.fd, out, done, length - done, offset + done);
      if (n === 0) break;
      done += n;
    }
    return out.subarray(0, done);
  }

  close(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }
}

/** Reads one spilled run's entries in order, a few hundred KB at a time. */
class RunCursor {
  private buf = Buffer.alloc(0);
  private at = 0;
  private next: number;
  token: string | null = null;
  tokenBytes: Buffer = Buffer.alloc(0);
  postings: Buffer = Buffer.alloc(0);

  constructor(
    private readonly file: SpillFile,
    offset: number,
    private readonly end: number,
  ) {
    this.next = offset;
    this.advance();
  }

  private ensure(n: number): void {
    if (this.buf.length - this.at >= n || this.next >= this.end) return;
    const want = Math.min(this.end - this.next, Math.max(n, RUN_READ_BYTES));
    const more = this.file.read(this.next, want);
    this.next += more.length;
    this.buf = Buffer.concat([this.buf.subarray(this.at), more]);
    this.at = 0;
  }

  private varint(): number {
    this.ensure(10);
    let value = 0;
    let scale = 1;
    for (;;) {
      const b = this.buf[this.at++];
      if (b === undefined) throw new Error("Truncated search run");
      value += (b & 0x7f) * scale;
      if (b < 0x80) return value;
      scale *= 0x80;
    }
  }

  private bytes(n: number): Buffer {
    this.ensure(n);
    if (this.buf.length - this.at < n) throw new Error("Truncated search run");
    // A view: refills make a new buffer, so the bytes it shows never change.
    const out = this.buf.subarray(this.at, this.at + n);
    this.at += n;
    return out;
  }

  advance(): void {
    this.ensure(1);
    if (this.at >= this.buf.length) {
      this.token = null;
      return;
    }
    this.tokenBytes = this.bytes(this.varint());
    this.token = this.tokenBytes.toString("utf8");
    this.postings = this.bytes(this.varint());
  }
}

/** Stages a blob's bytes as they come, in blocks of about STAGE_BYTES. */
class StagedBlob {
  private parts: Buffer[] = [];
  private pending = 0;
  private readonly ids: string[] = [];
  size = 0;

  constructor(private readonly sink: BlockSink) {}

  async push(data: Buffer): Promise<void> {
    this.parts.push(data);
    this.pending += data.length;
    this.size += data.length;
    if (this.pending >= STAGE_BYTES) await this.flush();
  }

  private async flush(): Promise<void> {
    if (this.pending === 0) return;
    const id = Buffer.from(`blk${String(this.ids.length).padStart(10, "0")}`).toString("base64");
    const block = Buffer.concat(this.parts);
    this.parts = [];
    this.pending = 0;
    await this.sink.stageBlock(id, block);
    this.ids.push(id);
  }

  async commit(): Promise<void> {
    await this.flush();
    await this.sink.commitBlockList(this.ids);
  }
}

const compareTokens = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export class SearchIndexWriter {
  /** `spillBytes`: a smaller map spills more runs (tests exercise the merge on small files). */
  constructor(private readonly spillBytes = SPILL_BYTES) {}

  private tokens = new Map<string, number | PostingsWriter>();
  private mapBytes = 0;
  private readonly runs: Array<[offset: number, length: number]> = [];
  private readonly runFile = new SpillFile();
  private readonly metaFile = new SpillFile();
  private readonly meta = Buffer.alloc(META_BYTES * 4096);
  private metaUsed = 0;
  private ordinal = -1;
  private readonly etabIds = new Map<string, number>();
  private readonly bucketLines = new Map<number, number>();
  private readonly accountTokens = new Map<string, string>();
  /**
   * The last text of each field, its tokens and the écriture they were last added for: an écriture's lines mostly
   * repeat their label and piece, whose tokens then go in once (the map lookups were the import's largest cost).
   */
  private readonly lastTexts: Array<[text: string, tokens: string[], ordinal: number]> = [
    ["", [], -1],
    ["", [], -1],
    ["", [], -1],
  ];
  private readonly current = { bucket: 0, date: 0, pos: 0, lines: 0, debit: 0, credit: 0, etab: -1 };

  /** A new écriture (a run of lines with the same journal and number) of journal bucket `bucket`. */
  startEcriture(bucket: number, date: number, ecritureNum: string): void {
    this.endEcriture();
    this.ordinal++;
    const c = this.current;
    c.bucket = bucket;
    c.date = date;
    c.pos = this.bucketLines.get(bucket) ?? 0;
    c.lines = 0;
    c.debit = 0;
    c.credit = 0;
    c.etab = -1;
    this.addTokens(searchTokens(ecritureNum));
  }

  /** One line of the current écriture: its amounts, établissement and searchable fields. */
  addLine(
    compteNum: string,
    compAuxNum: string,
    etab: string,
    debit: number,
    credit: number,
    ecritureLib: string,
    pieceRef: string,
  ): void {
    if (this.ordinal < 0) throw new Error("addLine before startEcriture");
    const c = this.current;
    c.lines++;
    c.debit += debit;
    c.credit += credit;
    let id = this.etabIds.get(etab);
    if (id === undefined) {
      id = this.etabIds.size;
      this.etabIds.set(etab, id);
    }
    c.etab = c.etab === -1 || c.etab === id ? id : MIXED_ETAB;
    let account = this.accountTokens.get(compteNum);
    if (account === undefined) {
      account = accountToken(compteNum);
      this.accountTokens.set(compteNum, account);
    }
    this.addToken(account);
    this.addField(0, ecritureLib);
    this.addField(1, pieceRef);
    if (compAuxNum !== "") this.addField(2, compAuxNum);
  }

  private addField(field: number, text: string): void {
    const last = this.lastTexts[field];
    if (last === undefined) return this.addTokens(searchTokens(text));
    if (last[0] !== text) {
      last[0] = text;
      last[1] = searchTokens(text);
    } else if (last[2] === this.ordinal) return;
    last[2] = this.ordinal;
    this.addTokens(last[1]);
  }

  private addTokens(tokens: readonly string[]): void {
    for (const t of tokens) this.addToken(t);
  }

  private addToken(token: string): void {
    const ordinal = this.ordinal;
    const found = this.tokens.get(token);
    if (found === undefined) {
      this.tokens.set(token, ordinal);
      this.mapBytes += 2 * token.length + 64;
    } else if (typeof found !== "number") {
      this.mapBytes += 2;
      found.add(ordinal);
    } else if (found !== ordinal) {
      const w = new PostingsWriter();
      w.add(found);
      w.add(ordinal);
      this.tokens.set(token, w);
      this.mapBytes += 160;
    }
    if (this.mapBytes > this.spillBytes) this.spillRun();
  }

  private endEcriture(): void {
    if (this.ordinal < 0) return;
    const c = this.current;
    this.bucketLines.set(c.bucket, c.pos + c.lines);
    const at = this.metaUsed;
    this.meta.writeDoubleLE(c.debit, at);
    this.meta.writeDoubleLE(c.credit, at + 8);
    this.meta.writeUInt32LE(c.bucket, at + 16);
    this.meta.writeUInt32LE(c.date, at + 20);
    this.meta.writeUInt32LE(c.pos, at + 24);
    this.meta.writeUInt32LE(c.lines, at + 28);
    this.meta.writeUInt32LE(c.etab < 0 ? MIXED_ETAB : c.etab, at + 32);
    this.metaUsed += META_BYTES;
    if (this.metaUsed === this.meta.length) this.flushMeta();
  }

  private flushMeta(): void {
    this.metaFile.append(Buffer.from(this.meta.subarray(0, this.metaUsed)));
    this.metaUsed = 0;
  }

  /** The map, sorted, as one run of the temporary file; the map starts again empty. */
  private spillRun(): void {
    if (this.tokens.size === 0) return;
    const sorted = [...this.tokens.keys()].sort(compareTokens);
    // One buffer for the run: varints take at most 8 bytes here, a UTF-16 unit at most 3 bytes of UTF-8.
    let bound = 0;
    for (const token of sorted) {
      const found = this.tokens.get(token);
      bound += 16 + 3 * token.length + (found === undefined || typeof found === "number" ? 8 : found.encoded().length);
    }
    const run = Buffer.allocUnsafe(bound);
    let at = 0;
    const varintAt = (n: number) => {
      at = writeVarint(run, at, n);
    };
    for (const token of sorted) {
      const found = this.tokens.get(token);
      varintAt(Buffer.byteLength(token, "utf8"));
      at += run.write(token, at, "utf8");
      if (found === undefined || typeof found === "number") {
        // A bare ordinal: its postings are its own varint.
        const start = at + 1;
        at = start;
        varintAt(found ?? 0);
        run[start - 1] = at - start;
      } else {
        const postings = found.encoded();
        varintAt(postings.length);
        at += postings.copy(run, at);
      }
    }
    const offset = this.runFile.size;
    this.runFile.append(run.subarray(0, at));
    this.runs.push([offset, at]);
    this.tokens = new Map();
    this.mapBytes = 0;
  }

  /** Writes the index blob (records, then dictionary blocks) and returns its header, for the `s|` row. */
  async write(sink: BlockSink): Promise<SearchHeader> {
    this.endEcriture();
    this.ordinal = Math.max(this.ordinal, -1);
    this.flushMeta();
    this.spillRun();
    const blob = new StagedBlob(sink);
    const metaLength = this.metaFile.size;
    const encoder = new SearchRecordEncoder();
    const chunkBytes = 65_536 * META_BYTES;
    for (let at = 0; at < metaLength; at += chunkBytes)
      await blob.push(encoder.encode(this.metaFile.read(at, Math.min(chunkBytes, metaLength - at))));
    const metaStored = blob.size;
    this.metaFile.close();

    const blocks: SearchHeader["blocks"] = [];
    let block = Buffer.allocUnsafe(2 * DICTIONARY_BLOCK_BYTES);
    let blockBytes = 0;
    let blockFirst = "";
    const closeBlock = async () => {
      if (blockBytes === 0) return;
      blocks.push([blockFirst, blob.size, blockBytes]);
      await blob.push(block.subarray(0, blockBytes));
      block = Buffer.allocUnsafe(2 * DICTIONARY_BLOCK_BYTES);
      blockBytes = 0;
    };
    const append = (token: Buffer, postings: Buffer) => {
      const need = blockBytes + 16 + token.length + postings.length;
      if (need > block.length) {
        const grown = Buffer.allocUnsafe(2 * need);
        block.copy(grown, 0, 0, blockBytes);
        block = grown;
      }
      blockBytes = writeVarint(block, blockBytes, token.length);
      blockBytes += token.copy(block, blockBytes);
      blockBytes = writeVarint(block, blockBytes, postings.length);
      blockBytes += postings.copy(block, blockBytes);
    };
    const holding: RunCursor[] = [];
    const cursors = this.runs.map(([offset, length]) => new RunCursor(this.runFile, offset, offset + length));
    for (;;) {
      let token: string | null = null;
      for (const c of cursors) if (c.token !== null && (token === null || c.token < token)) token = c.token;
      if (token === null) break;
      // Runs hold ascending ordinals, earlier runs lower ones: their postings join in run order.
      holding.length = 0;
      for (const c of cursors) if (c.token === token) holding.push(c);
      const first = holding[0];
      if (first === undefined) break;
      let postings = first.postings;
      if (holding.length > 1) {
        const w = new PostingsWriter();
        for (const c of holding) for (const o of decodePostings(c.postings)) w.add(o);
        postings = Buffer.from(w.encoded());
      }
      if (blockBytes === 0) blockFirst = token;
      append(first.tokenBytes, postings);
      for (const c of holding) c.advance();
      if (blockBytes >= DICTIONARY_BLOCK_BYTES) await closeBlock();
    }
    await closeBlock();
    this.runFile.close();
    await blob.commit();
    return {
      version: 2,
      ecritures: this.ordinal + 1,
      meta: [0, metaStored],
      etabs: [...this.etabIds.keys()],
      blocks,
    };
  }

  /** Frees the temporary files (an import that stops before `write`). */
  dispose(): void {
    this.runFile.close();
    this.metaFile.close();
    this.tokens = new Map();
  }
}
