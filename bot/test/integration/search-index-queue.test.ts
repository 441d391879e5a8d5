import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { AccountingJournaux } from "@comptoir/shared/api/accounting";
import { startSearchIndexWorker, type SearchIndexWorker } from "../../src/accounting/indexing/worker";
import { buildSearchIndex } from "../../src/accounting/store/search-index-build";
import { readSearchIndex } from "../../src/accounting/store/search-index-reader";
import type { VersionRef } from "../../src/accounting/store/store";
import { consultableDossier, generatedFec, startAccountingApp, type AccountingTestApp } from "./accounting-harness";
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

const searches = ["facture", "virement", "411", "zzzz-absent"];
/** One after the other: a scan is a heavy read, two at a time per person. */
const pages = async () => {
  const out = [];
  for (const q of searches) out.push(await page(q));
  return out;
};
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
}, 120_000);

afterAll(async () => {
  await Promise.all(workers.map((w) => w.stop()));
  await t.close();
});

describe("search index built after the import, from the queue", () => {
  it("scans until another instance built the index, then answers the same pages from it", async () => {
    expect(await readSearchIndex(t.acc.store, version)).toBeNull();
    const scanned = await pages();
    expect(scanned[0]?.totalEcritures).toBeGreaterThan(0);
    expect(scanned[3]?.totalEcritures).toBe(0);

    const other = await startSearchIndexWorker(t.acc, { connectionString, queuePrefix });
    workers.push(other);
    await other.idle();
    const index = await readSearchIndex(t.acc.store, version);
    expect(index?.ecritures).toBeGreaterThan(500);
    expect(await pages()).toEqual(scanned);
  });

  it("builds once: a second message finds the index, and a collected version is left alone", async () => {
    expect(await buildSearchIndex(t.acc.store, version)).toBe("present");
    await t.acc.store.purgeVersion(version);
    expect(await buildSearchIndex(t.acc.store, version)).toBe("gone");
    expect(await t.acc.store.readSearchHeader(version)).toBeNull();
  });
});
