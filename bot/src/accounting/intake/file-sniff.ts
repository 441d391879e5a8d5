import { createHash } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { parseDateBytes } from "@comptoir/shared/accounting/fec/date";

/** A downloaded file, kept on disk for its import: its SHA-256, and what its first line and dates say. */
export interface SniffedFile {
  path: string;
  bytes: number;
  sha256: string;
  /** The first line names the FEC's columns (JournalCode … EcritureDate …). */
  fecHeader: boolean;
  firstDate: number | null;
  lastDate: number | null;
  remove(): Promise<void>;
}

const SEPARATORS = [0x09, 0x7c, 0x3b]; // tab, |, ;

/**
 * Streams a download to a temporary file, hashing it and reading each line's EcritureDate on the way (the
 * column named by the header): one pass, bounded memory, the import then reads the file from disk.
 */
export async function sniffDownload(body: ReadableStream<Uint8Array>, maxBytes: number): Promise<SniffedFile> {
  const dir = await mkdtemp(join(tmpdir(), "comptoir-intake-"));
  const path = join(dir, "fec");
  const hash = createHash("sha256");
  let bytes = 0;
  let header: { separator: number; dateColumn: number } | null | undefined;
  let firstDate: number | null = null;
  let lastDate: number | null = null;
  let carry = Buffer.alloc(0);

  const onLine = (line: Buffer) => {
    if (header === undefined) {
      header = readHeader(line);
      return;
    }
    if (!header) return;
    let column = 0;
    let start = 0;
    for (let i = 0; i <= line.length; i++) {
      if (i < line.length && line[i] !== header.separator) continue;
      if (column === header.dateColumn) {
        const date = parseDateBytes(line, start, i);
        if (date > 0) {
          if (firstDate === null || date < firstDate) firstDate = date;
          if (lastDate === null || date > lastDate) lastDate = date;
        }
        return;
      }
      column++;
      start = i + 1;
    }
  };

  const scan = new Transform({
    transform(chunk: Buffer, _enc, done) {
      bytes += chunk.length;
      if (bytes > maxBytes) return done(new Error(`intake file over ${maxBytes} bytes`));
      hash.update(chunk);
      const data = carry.length ? Buffer.concat([carry, chunk]) : chunk;
      let from = 0;
      for (let nl = data.indexOf(0x0a, from); nl !== -1; nl = data.indexOf(0x0a, from)) {
        onLine(data.subarray(from, nl > from && data[nl - 1] === 0x0d ? nl - 1 : nl));
        from = nl + 1;
      }
      // A copy: the chunk goes on to the file, and a slice of it would keep it alive.
      carry = Buffer.from(data.subarray(from));
      done(null, chunk);
    },
    flush(done) {
      if (carry.length) onLine(carry);
      done();
    },
  });
  try {
    await pipeline(Readable.fromWeb(body), scan, createWriteStream(path));
  } catch (e) {
    await rm(dir, { recursive: true, force: true });
    throw e;
  }
  return {
    path,
    bytes,
    sha256: hash.digest("hex"),
    fecHeader: Boolean(header),
    firstDate,
    lastDate,
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}

/** The separator and the EcritureDate column of a FEC header line, or null when it is not one. */
function readHeader(line: Buffer): { separator: number; dateColumn: number } | null {
  const text = line.toString("latin1").replace(/^\u00ef\u00bb\u00bf/, "");
  for (const separator of SEPARATORS) {
    const names = text.split(String.fromCharCode(separator)).map((n) => n.trim().toLowerCase());
    const dateColumn = names.indexOf("ecrituredate");
    if (dateColumn !== -1 && names.includes("journalcode") && names.includes("comptenum")) {
      return { separator, dateColumn };
    }
  }
  return null;
}
