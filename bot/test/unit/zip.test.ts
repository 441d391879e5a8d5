import { describe, expect, it } from "vitest";
import { byteCollector } from "../support/byte-collector";
import { listZip, readZip, ZipWriter, zipToBuffer } from "../../src/lib/zip";

const text = (bytes: Uint8Array | undefined) => Buffer.from(bytes ?? []).toString("utf8");

describe("ZipWriter", () => {
  it("writes entries streamed in many pieces that inflate back to the same bytes", async () => {
    const out = byteCollector();
    const zip = new ZipWriter(out.sink, { mtime: new Date(2024, 0, 31, 10, 20, 30) });
    await zip.add("a.txt", "bonjour été €");
    const big = zip.begin("dir/big.xml");
    const parts: string[] = [];
    for (let i = 0; i < 200; i++) {
      const piece = `<row r="${i}">${"x".repeat(i % 97)}</row>`;
      parts.push(piece);
      await big.write(Buffer.from(piece));
    }
    await big.end();
    await zip.finish();
    const files = readZip(out.bytes());
    expect([...files.keys()]).toEqual(["a.txt", "dir/big.xml"]);
    expect(text(files.get("a.txt"))).toBe("bonjour été €");
    expect(text(files.get("dir/big.xml"))).toBe(parts.join(""));
    expect(listZip(out.bytes()).map((e) => [e.name, e.method, e.size])).toEqual([
      ["a.txt", "deflated", Buffer.byteLength("bonjour été €")],
      ["dir/big.xml", "deflated", Buffer.byteLength(parts.join(""))],
    ]);
  });

  it("writes the local header Excel reads: deflate, sizes in a data descriptor, DOS time of `mtime`", async () => {
    const out = byteCollector();
    const zip = new ZipWriter(out.sink, { mtime: new Date(2024, 0, 31, 10, 20, 30) });
    await zip.add("a.txt", "x");
    await zip.finish();
    const header = out.bytes();
    expect(header.readUInt32LE(0)).toBe(0x04034b50);
    expect(header.readUInt16LE(4)).toBe(20);
    expect(header.readUInt16LE(6)).toBe(0x0008); // level 6: no speed bits; ASCII name: no UTF-8 flag
    expect(header.readUInt16LE(8)).toBe(8);
    expect(header.readUInt16LE(10)).toBe((10 << 11) | (20 << 5) | 15);
    expect(header.readUInt16LE(12)).toBe(((2024 - 1980) << 9) | (1 << 5) | 31);
  });

  it("waits for the sink before taking more, so a slow consumer holds the writer back", async () => {
    const released: Array<() => void> = [];
    let received = 0;
    const zip = new ZipWriter(
      (c) =>
        new Promise<void>((resolve) => {
          received += c.length;
          released.push(resolve);
        }),
      { level: 1 },
    );
    const entry = zip.begin("big.bin");
    let written = false;
    const write = entry.write(Buffer.alloc(1 << 20, 7)).then(() => (written = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(received).toBeGreaterThan(0);
    expect(written).toBe(false);
    while (!written) {
      released.shift()?.();
      await new Promise((resolve) => setImmediate(resolve));
    }
    await write;
    expect(released).toEqual([]);
  });

  it("refuses a second entry while one is open, and a duplicate name", async () => {
    const zip = new ZipWriter(byteCollector().sink);
    const entry = zip.begin("a.txt");
    expect(() => zip.begin("b.txt")).toThrow(/not ended/);
    await entry.end();
    await expect(zip.add("a.txt", "again")).rejects.toThrow(/Duplicate/);
  });
});

describe("zipToBuffer", () => {
  it("deflates what shrinks, stores the rest, and is byte-identical for the same input", () => {
    const entries = [
      { name: "repetitive.txt", data: Buffer.from("comptoir ".repeat(200)) },
      { name: "tiny.bin", data: Uint8Array.from([7]) },
      { name: "empty.txt", data: new Uint8Array(0) },
    ];
    const mtime = new Date(1980, 0, 1);
    const zip = zipToBuffer(entries, { mtime });
    expect(listZip(zip).map((e) => [e.name, e.method])).toEqual([
      ["repetitive.txt", "deflated"],
      ["tiny.bin", "stored"],
      ["empty.txt", "stored"],
    ]);
    const files = readZip(zip);
    expect([...files.keys()]).toEqual(entries.map((e) => e.name));
    entries.forEach((e) => expect(Buffer.from(files.get(e.name) ?? []).equals(e.data)).toBe(true));
    expect(zipToBuffer(entries, { mtime }).equals(zip)).toBe(true);
    // Sizes in the local header (no data descriptor, bit 3), as a stored entry needs; 1980-01-01 00:00 in DOS time.
    expect(zip.readUInt32LE(0)).toBe(0x04034b50);
    expect(zip.readUInt16LE(6) & 0x0008).toBe(0);
    expect(zip.readUInt16LE(10)).toBe(0);
    expect(zip.readUInt16LE(12)).toBe((1 << 5) | 1);
    expect(zip.readUInt32LE(22)).toBe(entries[0]?.data.length);
  });
});

describe("readZip", () => {
  it("rejects what is not a zip", () => {
    expect(() => readZip(Buffer.from("PK not really a zip archive, just text"))).toThrow();
  });

  it("checks each entry's CRC-32 against the central directory", async () => {
    const out = byteCollector();
    const zip = new ZipWriter(out.sink);
    await zip.add("a.txt", "bonjour");
    await zip.finish();
    const archive = out.bytes();
    expect(text(readZip(archive).get("a.txt"))).toBe("bonjour");
    const central = archive.readUInt32LE(archive.length - 22 + 16);
    archive[central + 16] = (archive[central + 16] ?? 0) ^ 1;
    expect(() => readZip(archive)).toThrow(/Corrupt zip entry: a.txt/);
  });
});
