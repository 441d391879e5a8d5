import { constants, crc32, deflateRawSync } from "node:zlib";

/**
 * A streaming ZIP writer (just what an .xlsx needs): each entry is deflated piece by piece, its CRC
 * and sizes going into a data descriptor after the data, so nothing is held whole. Pieces are
 * deflated independently and sync-flushed, which keeps them valid parts of one deflate stream.
 * No ZIP64: an archive stays under 4 GiB (an XLSX sheet tops out far below that).
 */
export type ByteSink = (chunk: Buffer) => Promise<void>;

const LOCAL_HEADER = 0x04034b50;
const DATA_DESCRIPTOR = 0x08074b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const DEFLATED = 8;
/** Bit 3: sizes and CRC follow the data; bit 11: UTF-8 names. */
const FLAGS = 0x0008 | 0x0800;
const VERSION = 20;
const LIMIT = 0xffffffff;

type Written = {
  name: Buffer;
  crc: number;
  compressed: number;
  size: number;
  offset: number;
  time: number;
  date: number;
};

function dosDateTime(at: Date): { time: number; date: number } {
  return {
    time: (at.getHours() << 11) | (at.getMinutes() << 5) | Math.floor(at.getSeconds() / 2),
    date: ((Math.max(1980, at.getFullYear()) - 1980) << 9) | ((at.getMonth() + 1) << 5) | at.getDate(),
  };
}

export class ZipStreamWriter {
  private offset = 0;
  private readonly entries: Written[] = [];
  private open = false;

  constructor(
    private readonly sink: ByteSink,
    private readonly at: Date = new Date(),
  ) {}

  private async emit(chunk: Buffer): Promise<void> {
    if (chunk.length === 0) return;
    this.offset += chunk.length;
    if (this.offset > LIMIT) throw new Error("ZIP archive over 4 GiB");
    await this.sink(chunk);
  }

  /** Starts an entry; write its content with `write`, then `end`. One entry at a time. */
  async begin(name: string): Promise<{ write(data: Buffer): Promise<void>; end(): Promise<void> }> {
    if (this.open) throw new Error("Previous ZIP entry not ended");
    this.open = true;
    const { time, date } = dosDateTime(this.at);
    const entry: Written = {
      name: Buffer.from(name, "utf8"),
      crc: 0,
      compressed: 0,
      size: 0,
      offset: this.offset,
      time,
      date,
    };
    const header = Buffer.alloc(30);
    header.writeUInt32LE(LOCAL_HEADER, 0);
    header.writeUInt16LE(VERSION, 4);
    header.writeUInt16LE(FLAGS, 6);
    header.writeUInt16LE(DEFLATED, 8);
    header.writeUInt16LE(time, 10);
    header.writeUInt16LE(date, 12);
    // CRC and sizes stay 0 here: the data descriptor carries them.
    header.writeUInt16LE(entry.name.length, 26);
    await this.emit(Buffer.concat([header, entry.name]));
    return {
      write: async (data) => {
        if (data.length === 0) return;
        entry.crc = crc32(data, entry.crc);
        entry.size += data.length;
        const out = deflateRawSync(data, { level: 6, finishFlush: constants.Z_SYNC_FLUSH });
        entry.compressed += out.length;
        await this.emit(out);
      },
      end: async () => {
        const last = deflateRawSync(Buffer.alloc(0));
        entry.compressed += last.length;
        await this.emit(last);
        const descriptor = Buffer.alloc(16);
        descriptor.writeUInt32LE(DATA_DESCRIPTOR, 0);
        descriptor.writeUInt32LE(entry.crc >>> 0, 4);
        descriptor.writeUInt32LE(entry.compressed, 8);
        descriptor.writeUInt32LE(entry.size, 12);
        await this.emit(descriptor);
        if (entry.size > LIMIT || entry.compressed > LIMIT) throw new Error("ZIP entry over 4 GiB");
        this.entries.push(entry);
        this.open = false;
      },
    };
  }

  async addFile(name: string, data: string | Buffer): Promise<void> {
    const entry = await this.begin(name);
    await entry.write(typeof data === "string" ? Buffer.from(data, "utf8") : data);
    await entry.end();
  }

  /** Writes the central directory. */
  async finish(): Promise<void> {
    if (this.open) throw new Error("ZIP entry not ended");
    const start = this.offset;
    const parts: Buffer[] = [];
    for (const e of this.entries) {
      const central = Buffer.alloc(46);
      central.writeUInt32LE(CENTRAL_HEADER, 0);
      central.writeUInt16LE(VERSION, 4);
      central.writeUInt16LE(VERSION, 6);
      central.writeUInt16LE(FLAGS, 8);
      central.writeUInt16LE(DEFLATED, 10);
      central.writeUInt16LE(e.time, 12);
      central.writeUInt16LE(e.date, 14);
      central.writeUInt32LE(e.crc >>> 0, 16);
      central.writeUInt32LE(e.compressed, 20);
      central.writeUInt32LE(e.size, 24);
      central.writeUInt16LE(e.name.length, 28);
      central.writeUInt32LE(e.offset, 42);
      parts.push(central, e.name);
    }
    const directory = Buffer.concat(parts);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(END_OF_CENTRAL_DIRECTORY, 0);
    end.writeUInt16LE(this.entries.length, 8);
    end.writeUInt16LE(this.entries.length, 10);
    end.writeUInt32LE(directory.length, 12);
    end.writeUInt32LE(start, 16);
    await this.emit(Buffer.concat([directory, end]));
  }
}
