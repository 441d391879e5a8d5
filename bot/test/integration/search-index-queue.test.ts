import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
import type { AccountingGrandLivre, AccountingJournaux } from "@comptoir/shared/api/accounting";
import { startSearchIndexWorker, type SearchIndexWorker } from "../../src/accounting/indexing/worker";
import { AUX_LEDGER_BLOB, AUX_READY_ROW } from "../../src/accounting/store/aux-ledger";
import { buildAuxLedger } from "../../src/accounting/store/aux-ledger-build";
import { auxLedgerReady } from "../../src/accounting/store/aux-ledger-read";
import { buildSearchIndex } from "../../src/accounting/store/search-index-build";
import { readSearchIndex } from "../../src/accounting/store/search-index-reader";
import type { VersionRef } from "../../src/accounting/store/store";
import {
  consultableDossier,
  fecText,
  generatedFec,
  startAccountingApp,
  type AccountingTestApp,
  type Line,
} from "./accounting-harness";
import { TEST_TENANT } from "./harness";

/**
 * As the server runs it, an import answers before its search index exists: the index is a message on
 * the `searchindex` queue that any instance builds from the stored lines. Until then the journaux
 * scan; afterwards the index gives the same pages. Here the instance that imported stops before
 * building, and another one does it.
 */
let t: AccountingTestApp;
const connectionString = inject("azuriteConnectionString");
const queuePrefix = `sx${randomUUID().slice(0, 8)}`;
const workers: SearchIndexWorker[] = [];
let dossierId = "";
let version: VersionRef;
/** A dossier whose VE journal is not stored in display order (same-day écritures out of number order), AC is. */
let unorderedId = "";

/** One balanced écriture: a client's invoice. */
const invoice = (journal: string, num: string, date: string): Line[] => [
  { journal, num, date, compte: "411000", aux: "C1", lib: `Facture ${num}`, debit: "100,00" },
  { journal, num, date, compte: "706000", lib: `Facture ${num}`, credit: "100,00" },
];
const UNORDERED: Line[] = [
  ...["7", "3", "12", "1"].flatMap((n) => invoice("VE", n, "20240105")),
  ...invoice("VE", "5", "20240103"),
  ...["2", "9", "4"].flatMap((n) => invoice("VE", n, "20240105")),
  ...["20", "21", "22", "23", "24"].flatMap((n) => invoice("AC", n, "20240110")),
];
/** Every page of a search, two écritures a page: page edges fall inside days. */
const allPages = async (id: string, q: string) => {
  const out = [];
  for (let p = 1; p <= 8; p++) {
    const res = await t.get<AccountingJournaux>(
      `/dossiers/${id}/accounting/journaux?q=${encodeURIComponent(q)}&pageSize=2&page=${p}`,
    );
    expect(res.status).toBe(200);
    out.push(res.body.journals.map((j) => [j.journalCode, j.ecritureCount, j.ecritures.map((e) => e.ecritureNum)]));
  }
  return out;
};

const journaux = async (id: string, query: string) => {
  const res = await t.get<AccountingJournaux>(`/dossiers/${id}/accounting/journaux${query}`);
  expect(res.status).toBe(200);
  return res.body;
};

const searches = ["facture", "virement", "411", "zzzz-absent"];
/** One after the other: a scan is a heavy read, two at a time per person. */
const pages = async () => {
  const out = [];
  for (const q of searches) out.push(await page(q));
  return out;
};
/** The first pages, a search and the export of a few auxiliaries' grand livre (through the API, as the tab asks). */
const auxiliaryPages = async () => {
  const aggregate = await t.acc.store.readAggregate(version);
  const auxes = [...new Set(aggregate.rows.map((r) => r.compAuxNum).filter((a) => a !== ""))].sort().slice(0, 4);
  const out = [];
  for (const aux of auxes) {
    for (const query of [
      `account=411&aux=${aux}`,
      `aux=${aux}&from=2024-03&to=2024-09&pageSize=7&page=1`,
      `aux=${aux}&q=facture&pageSize=5`,
    ]) {
      const res = await t.get<AccountingGrandLivre>(`/dossiers/${dossierId}/accounting/grand-livre?${query}`);
      expect(res.status).toBe(200);
      const { page, pageCount, totalLines, accounts } = res.body;
      out.push({ page, pageCount, totalLines, accounts });
    }
    const csv = await t.raw(`/dossiers/${dossierId}/accounting/export/grand-livre.csv?aux=${aux}&from=2024-02`);
    expect(csv.status).toBe(200);
    out.push({ csv: await csv.text() });
  }
  return out;
};

/** Which blobs the store read frames of while `run` ran. */
async function blobsRead<T>(run: () => Promise<T>): Promise<{ result: T; blobs: string[] }> {
  const blobs = new Set<string>();
  const readFrames = t.acc.store.readFrames.bind(t.acc.store);
  t.acc.store.readFrames = (v, frames, opts, blob) => {
    blobs.add(blob ?? "lines");
    return readFrames(v, frames, opts, blob);
  };
  try {
    return { result: await run(), blobs: [...blobs] };
  } finally {
    t.acc.store.readFrames = readFrames;
  }
}
/** How many times the auxiliaries' copy's marker row, and the search index's header, were read while `run` ran. */
async function lookups(run: () => Promise<unknown>): Promise<{ marker: number; searchHeader: number }> {
  const documents = vi.spyOn(t.acc.store, "readDocument");
  const headers = vi.spyOn(t.acc.store, "readSearchHeader");
  try {
    await run();
    const marker = documents.mock.calls.filter(([, parts]) => parts.join("|") === AUX_READY_ROW.join("|")).length;
    return { marker, searchHeader: headers.mock.calls.length };
  } finally {
    documents.mockRestore();
    headers.mockRestore();
  }
}
const page = async (q: string) => {
  const res = await t.get<AccountingJournaux>(`/dossiers/${dossierId}/accounting/journaux?q=${encodeURIComponent(q)}`);
  expect(res.status).toBe(200);
  const { page, pageCount, totalEcritures, journals } = res.body;
  return { page, pageCount, totalEcritures, journals };
};

beforeAll(async () => {
  t = await startAccountingApp();
  const importer = await startSearchIndexWorker(t.acc, { connectionString, queuePrefix });
  workers.push(importer);
  t.acc.requestSearchIndex = (v) => importer.request(v);
  // The importing instance goes away before its worker takes the message: the message stays queued.
  await importer.stop();
  dossierId = await consultableDossier(t.app);
  const res = await t.upload(dossierId, await generatedFec(3_000, { seed: 5 }), {
    fileName: "732829320FEC20241231.txt",
  });
  expect(res.status).toBe(201);
  version = { tenantId: TEST_TENANT, dossierId, exercice: "2024-12-31", importId: res.body.import.id };
  unorderedId = await consultableDossier(t.app);
  const unordered = await t.upload(unorderedId, Buffer.from(fecText(UNORDERED)), {
    fileName: "732829320FEC20241231.txt",
  });
  expect(unordered.status).toBe(201);
}, 120_000);

afterAll(async () => {
  await Promise.all(workers.map((w) => w.stop()));
  await t.close();
});

describe("search index built after the import, from the queue", () => {
  it("scans until another instance built the index, then answers the same pages from it", async () => {
    expect(await readSearchIndex(t.acc.store, version)).toBeNull();
    // The tab says the index is being prepared; a page without search says nothing.
    expect((await journaux(dossierId, "?q=facture")).searchIndexPending).toBe(true);
    expect((await journaux(dossierId, "")).searchIndexPending).toBeUndefined();
    const scanned = await pages();
    const { result: auxPages, blobs: scannedBlobs } = await blobsRead(auxiliaryPages);
    expect(scannedBlobs).toEqual(["lines"]);
    expect(auxPages.some((p) => (p.totalLines ?? 0) > 0)).toBe(true);
    expect(auxPages.some((p) => p.csv !== undefined && p.csv.split("\n").length > 3)).toBe(true);
    expect(await auxLedgerReady(t.acc.store, version)).toBe(false);
    // Until the indexes exist, an auxiliary's page looks for the copy's marker once, and a search for the
    // index's header once, before they read the lines.
    const aux = (await t.acc.store.readAggregate(version)).rows.find((r) => r.compAuxNum !== "")?.compAuxNum;
    const auxPage = `/dossiers/${dossierId}/accounting/grand-livre?aux=${aux ?? ""}`;
    expect(await lookups(() => t.get(auxPage))).toEqual({ marker: 1, searchHeader: 0 });
    expect(await lookups(() => journaux(dossierId, "?q=facture"))).toEqual({ marker: 0, searchHeader: 1 });
    const unorderedScanned = await allPages(unorderedId, "facture");
    expect(unorderedScanned.flat().length).toBeGreaterThan(4);
    expect(scanned[0]?.totalEcritures).toBeGreaterThan(0);
    expect(scanned[3]?.totalEcritures).toBe(0);

    const other = await startSearchIndexWorker(t.acc, { connectionString, queuePrefix });
    workers.push(other);
    await other.idle();
    const index = await readSearchIndex(t.acc.store, version);
    expect(index?.ecritures).toBeGreaterThan(500);
    expect(await pages()).toEqual(scanned);
    expect((await journaux(dossierId, "?q=facture")).searchIndexPending).toBeUndefined();
    // The same job built the auxiliaries' grand livre next: the same pages, from it.
    expect(await auxLedgerReady(t.acc.store, version)).toBe(true);
    t.acc.store.dropCaches();
    // Once it exists, the marker is read once and kept with the import's cached reads.
    expect((await lookups(async () => [await t.get(auxPage), await t.get(auxPage)])).marker).toBe(1);
    const fromCopy = await blobsRead(auxiliaryPages);
    expect(fromCopy.blobs).toEqual(["aux"]);
    expect(fromCopy.result).toEqual(auxPages);
    // Pages cut inside days of a journal out of display order sort like the scan (the day is read).
    expect(await allPages(unorderedId, "facture")).toEqual(unorderedScanned);
  });

  it("builds once: a second message finds the index, and a collected version is left alone", async () => {
    expect(await buildSearchIndex(t.acc.store, version)).toBe("present");
    expect(await buildAuxLedger(t.acc.store, version)).toBe("present");
    await t.acc.store.purgeVersion(version);
    expect(await buildSearchIndex(t.acc.store, version)).toBe("gone");
    expect(await buildAuxLedger(t.acc.store, version)).toBe("gone");
    expect(await t.acc.store.readSearchHeader(version)).toBeNull();
    expect(await t.acc.store.readBlob(version, AUX_LEDGER_BLOB)).toBeNull();
    expect(await t.acc.store.readDocument(version, AUX_READY_ROW)).toBeNull();
  });

  it("asks for the index of an import that has none when it is searched (a lost message, an earlier build)", async () => {
    // The import's message goes to a queue no instance reads.
    const lost = await startSearchIndexWorker(t.acc, { connectionString, queuePrefix: `${queuePrefix}lost` });
    workers.push(lost);
    await lost.stop();
    const live = workers[1];
    if (live === undefined) throw new Error("the building instance of the first test is missing");
    t.acc.requestSearchIndex = (v) => lost.request(v);
    const id = await consultableDossier(t.app);
    const res = await t.upload(id, Buffer.from(fecText(UNORDERED)), { fileName: "732829320FEC20241231.txt" });
    expect(res.status).toBe(201);
    const orphan = { tenantId: TEST_TENANT, dossierId: id, exercice: "2024-12-31", importId: res.body.import.id };

    t.acc.requestSearchIndex = (v) => live.request(v);
    const scanned = await journaux(id, "?q=facture");
    expect(scanned.searchIndexPending).toBe(true);
    await live.idle();
    expect((await readSearchIndex(t.acc.store, orphan))?.ecritures).toBe(13);
    const indexed = await journaux(id, "?q=facture");
    expect(indexed.searchIndexPending).toBeUndefined();
    expect(indexed.totalEcritures).toBe(scanned.totalEcritures);
  });

  it("asks for the auxiliaries' copy of an import that has none when an auxiliary's page is read", async () => {
    const lost = workers[2];
    const live = workers[1];
    if (lost === undefined || live === undefined) throw new Error("the workers of the tests above are missing");
    t.acc.requestSearchIndex = (v) => lost.request(v);
    const id = await consultableDossier(t.app);
    const res = await t.upload(id, await generatedFec(1_000, { seed: 9 }), { fileName: "732829320FEC20241231.txt" });
    expect(res.status).toBe(201);
    const orphan = { tenantId: TEST_TENANT, dossierId: id, exercice: "2024-12-31", importId: res.body.import.id };

    t.acc.requestSearchIndex = (v) => live.request(v);
    const aux = (await t.acc.store.readAggregate(orphan)).rows.find((r) => r.compAuxNum !== "")?.compAuxNum ?? "";
    expect(aux).not.toBe("");
    const path = `/dossiers/${id}/accounting/grand-livre?aux=${aux}&pageSize=5`;
    const before = await t.get<AccountingGrandLivre>(path);
    expect(before.status).toBe(200);
    expect(await auxLedgerReady(t.acc.store, orphan)).toBe(false);
    await live.idle();
    expect(await auxLedgerReady(t.acc.store, orphan)).toBe(true);
    expect((await t.get<AccountingGrandLivre>(path)).body).toEqual(before.body);
  });
});
