import { describe, expect, it } from "vitest";
import { byteCollector } from "../support/byte-collector";
import { exportColumns } from "../../src/accounting/views/export/columns";
import {
  CsvWriter,
  formatCents,
  formatYmd,
  neutralise,
  type CellValue,
  type Column,
} from "../../src/accounting/views/export/table-writer";

/** The CSV row as it was first written (map + join, a regex per cell): the bytes the fast one must keep. */
function referenceRow(columns: readonly Column[], cells: readonly CellValue[]): string {
  const field = (text: string) => (/[";,\t\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
  const cell = (kind: Column["kind"], value: CellValue): string => {
    if (value === null || value === undefined || value === "") return "";
    if (typeof value === "number") {
      if (kind === "money") return formatCents(value);
      if (kind === "date") return value > 0 ? formatYmd(value) : "";
      return String(value);
    }
    return field(neutralise(value));
  };
  return `${columns.map((c, i) => cell(c.kind, cells[i])).join(";")}\r\n`;
}

/** A small seeded generator: the same rows on every run. */
function random(seed: number) {
  let x = seed;
  return () => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return x / 2147483648;
  };
}

describe("CsvWriter's fast row", () => {
  it("writes the same bytes as the reference row on generated grand livre rows", async () => {
    const next = random(17);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
    const pieces = [
      "Loyer",
      " ",
      "-",
      "=",
      "+",
      "@",
      "\t",
      "\r",
      "\n",
      ";",
      ",",
      '"',
      "é",
      "€",
      "😀",
      "FA2024",
      "0",
      "'",
    ];
    const text = () => Array.from({ length: Math.floor(next() * 6) }, () => pick(pieces)).join("");
    const money = () =>
      pick([0, -0, 1, -1, 99, 100, -100, 123456789, -987654321, Math.floor((next() - 0.5) * 1e9), 12.5, Number.NaN]);
    const date = () => pick([0, -1, 20240105, 20241231, 19991231, 20240229 + Math.floor(next() * 3)]);
    const columns = exportColumns.grandLivre("fr");
    const rows: CellValue[][] = Array.from({ length: 20_000 }, () =>
      columns.map((c) => {
        if (next() < 0.1) return pick([null, undefined, ""]);
        if (c.kind === "money") return money();
        if (c.kind === "date") return date();
        return text();
      }),
    );

    const out = byteCollector();
    let chunks = 0;
    const writer = new CsvWriter((chunk) => (chunks++, out.sink(chunk)));
    await writer.start(columns);
    let waits = 0;
    for (const row of rows) {
      // A promise only for the rows that sent a chunk to the sink.
      const sent = chunks;
      const flushed = writer.row(row);
      expect(flushed !== undefined).toBe(chunks > sent);
      if (flushed) waits += (await flushed, 1);
    }
    expect(waits).toBeGreaterThan(3);
    await writer.end();
    const header = `\uFEFF${columns.map((c) => c.header).join(";")}\r\n`;
    const expected = header + rows.map((row) => referenceRow(columns, row)).join("");
    expect(out.bytes().toString("utf8")).toBe(expected);
  });
});
