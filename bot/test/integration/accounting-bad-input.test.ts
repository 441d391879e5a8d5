import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ErrorBody } from "@comptoir/shared";
import type { AccountingBalance, AccountingExercices, FecImportList } from "@comptoir/shared/api/accounting";
import { newDossier } from "./fixtures";
import { PERSONS } from "./harness";
import { fecText, startAccountingApp, type AccountingTestApp, type Line } from "./accounting-harness";

let t: AccountingTestApp;
let dossierId: string;
let goodImport: string;
let goodBalance: AccountingBalance;

const GOOD: Line[] = [
  { journal: "AN", num: "1", date: "20240101", compte: "512000", debit: "1000,00" },
  { journal: "AN", num: "1", date: "20240101", compte: "101000", credit: "1000,00" },
  { journal: "VE", num: "2", date: "20240115", compte: "411000", aux: "C1", debit: "120,00" },
  { journal: "VE", num: "2", date: "20240115", compte: "706000", credit: "100,00" },
  { journal: "VE", num: "2", date: "20240115", compte: "445710", credit: "20,00" },
  { journal: "BQ", num: "3", date: "20240120", compte: "512000", debit: "120,00" },
  { journal: "BQ", num: "3", date: "20240120", compte: "411000", aux: "C1", credit: "120,00" },
];
const utf8 = (text: string) => Buffer.from(text, "utf8");

beforeAll(async () => {
  t = await startAccountingApp();
  dossierId = (await newDossier(t.app)).dossier.id;
  const res = await t.upload(dossierId, utf8(fecText(GOOD)));
  expect(res.status).toBe(201);
  goodImport = res.body.import.id;
  goodBalance = (await t.get<AccountingBalance>(`/dossiers/${dossierId}/accounting/balance`)).body;
});
afterAll(() => t.close());

/** Nothing stored was damaged: the good import is still the one served, with the same balance. */
async function expectGoodDataServed(): Promise<void> {
  const exercices = await t.get<AccountingExercices>(`/dossiers/${dossierId}/accounting/exercices`);
  expect(exercices.body.items.map((e) => e.importId)).toEqual([goodImport]);
  const balance = await t.get<AccountingBalance>(`/dossiers/${dossierId}/accounting/balance`);
  expect(balance.body).toEqual(goodBalance);
}

/** Uploads, then checks status, the first blocking issue (code and line), and the history row. */
async function rejects(bytes: Uint8Array, status: number, code: string, line: number): Promise<void> {
  const res = await t.upload(dossierId, bytes);
  expect(res.status).toBe(status);
  expect(res.body.import.status).toBe("rejected");
  expect(res.body.report.ok).toBe(false);
  const first = res.body.report.issues.find((i) => i.severity === "error" && i.code === code);
  expect(first, JSON.stringify(res.body.report.issues)).toBeDefined();
  expect(first?.line).toBe(line);
  expect(res.body.import.errorCount).toBeGreaterThan(0);
  const history = await t.get<FecImportList>(`/dossiers/${dossierId}/fec/imports`);
  expect(history.body.items[0]).toMatchObject({ id: res.body.import.id, status: "rejected", current: false });
  await expectGoodDataServed();
}

describe("bad FEC input: a precise error, and the served data untouched", () => {
  it("wrong separator", async () => {
    await rejects(utf8(fecText(GOOD).replaceAll("\t", ";")), 422, "FEC_BAD_SEPARATOR", 1);
  });

  it("missing column", async () => {
    const text = fecText(GOOD)
      .split("\n")
      .map((l) =>
        l
          .split("\t")
          .filter((_, i) => i !== 8)
          .join("\t"),
      )
      .join("\n");
    const res = await t.upload(dossierId, utf8(text));
    expect(res.body.report.issues.find((i) => i.code === "FEC_MISSING_COLUMN")?.params).toEqual({ column: "PieceRef" });
    await rejects(utf8(text), 422, "FEC_MISSING_COLUMN", 1);
  });

  it("bad date", async () => {
    const lines = GOOD.map((l, i) => (i === 2 ? { ...l, date: "20240230" } : l));
    await rejects(utf8(fecText(lines)), 422, "FEC_BAD_DATE", 4);
  });

  it("bad amount", async () => {
    const lines = GOOD.map((l, i) => (i === 3 ? { ...l, credit: "1.000,00" } : l));
    await rejects(utf8(fecText(lines)), 422, "FEC_BAD_AMOUNT", 5);
  });

  it("unbalanced entry", async () => {
    const lines = GOOD.map((l, i) => (i === 4 ? { ...l, credit: "19,99" } : l));
    await rejects(utf8(fecText(lines)), 422, "FEC_UNBALANCED_ENTRY", 4);
  });

  it("truncated file", async () => {
    const text = fecText(GOOD);
    await rejects(utf8(text.slice(0, text.length - 40)), 422, "FEC_TRUNCATED", 8);
  });

  it("wrong encoding (UTF-16)", async () => {
    const text = fecText(GOOD);
    const bytes = Buffer.alloc(2 + text.length * 2);
    bytes.writeUInt16LE(0xfeff, 0);
    bytes.write(text, 2, "utf16le");
    await rejects(bytes, 415, "FEC_BAD_ENCODING", 1);
  });

  it("empty file", async () => {
    await rejects(new Uint8Array(0), 422, "FEC_EMPTY", 1);
  });

  it("binary file", async () => {
    const png = Buffer.alloc(6000);
    for (let i = 0; i < png.length; i++) png[i] = (i * 7919) % 256;
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]).copy(png);
    await rejects(png, 415, "FEC_BINARY_FILE", 1);
  });

  it("over the size limit: refused from Content-Length, or when the stream passes it", async () => {
    const limit = t.acc.maxUploadBytes;
    t.acc.maxUploadBytes = 400;
    try {
      const declared = await t.upload(dossierId, utf8(fecText(GOOD)));
      expect(declared.status).toBe(413);
      expect((declared.body as unknown as ErrorBody).code).toBe("FEC_TOO_LARGE");
      expect((declared.body as unknown as ErrorBody).details).toEqual({ maxBytes: 400 });
      await expectGoodDataServed();

      // Without a length (chunked), the parser counts and stops at the limit.
      const bytes = utf8(fecText(GOOD));
      const stream = new ReadableStream<Uint8Array>({
        start(c) {
          for (let i = 0; i < bytes.length; i += 100) c.enqueue(new Uint8Array(bytes.subarray(i, i + 100)));
          c.close();
        },
      });
      const params = new URLSearchParams({ exercice: "2024-01-01..2024-12-31", fileName: "f.txt" });
      const res = await t.raw(`/dossiers/${dossierId}/fec?${params.toString()}`, {
        method: "POST",
        body: stream,
        headers: { "Content-Type": "application/octet-stream" },
        duplex: "half",
      });
      expect(res.status).toBe(413);
      const body = (await res.json()) as {
        report: { issues: Array<{ code: string }> };
        import: { sha256: string | null };
      };
      expect(body.report.issues.map((i) => i.code)).toContain("FEC_TOO_LARGE");
      expect(body.import.sha256).toBeNull();
    } finally {
      t.acc.maxUploadBytes = limit;
    }
    await expectGoodDataServed();
  });

  it("refuses uploads to clients and to unknown dossiers", async () => {
    const asClient = await t.upload(dossierId, utf8(fecText(GOOD)), {}, PERSONS.client);
    expect(asClient.status).toBe(403);
    expect((asClient.body as unknown as ErrorBody).code).toBe("FORBIDDEN");
    const unknown = await t.upload("no-such-dossier", utf8(fecText(GOOD)));
    expect((unknown.body as unknown as ErrorBody).code).toBe("DOSSIER_NOT_FOUND");
    const badExercice = await t.upload(dossierId, utf8(fecText(GOOD)), { exercice: "2024-12-31..2024-01-01" });
    expect(badExercice.status).toBe(400);
    expect((badExercice.body as unknown as ErrorBody).code).toBe("VALIDATION_FAILED");
    await expectGoodDataServed();
  });
});
