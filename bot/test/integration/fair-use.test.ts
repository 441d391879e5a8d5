import http from "node:http";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { ErrorBody } from "@comptoir/shared";
import { auxLedgerReady } from "../../src/accounting/store/aux-ledger-read";
import { buildBackgroundIndexes } from "../../src/accounting/store/background-indexes";
import { PERSONS, TEST_TENANT } from "./harness";
import {
  clientOn,
  consultableDossier,
  generatedFec,
  startAccountingApp,
  type AccountingTestApp,
} from "./accounting-harness";

/**
 * Fair use of heavy work on the real routes: exports and whole-import scans share HEAVY_WORK_SLOTS (2
 * here) with HEAVY_WORK_PER_PERSON (1 here); imports keep their own gate. A slot is held by an export
 * whose reader stopped reading (the file is far larger than the socket buffers), so nothing here waits
 * on a clock except the SERVER_BUSY case, whose wait (1.5 s) is the gate's own.
 */
const WAIT_MS = 1_500;
const RETRY_AFTER = "2";

let t: AccountingTestApp;
let dossierId: string;
let staff: string;
const clients: string[] = [];
const held: Array<() => void> = [];

beforeAll(async () => {
  t = await startAccountingApp({ heavyWork: { slots: 2, perPerson: 1, waitMs: WAIT_MS }, importWaitMs: WAIT_MS });
  dossierId = await consultableDossier(t.app);
  // ~15 MB of grand livre CSV: far more than loopback buffers hold, so an unread export stays mid-stream.
  const imported = await t.upload(dossierId, await generatedFec(150_000, { seed: 7 }));
  expect(imported.status).toBe(201);
  staff = await t.app.tokenFor(PERSONS.staff);
  for (let i = 0; i < 3; i++) clients.push(await clientOn(t.app, dossierId));
}, 240_000);
afterAll(() => t.close());
afterEach(async () => {
  for (const release of held.splice(0)) release();
  await eventually(() => t.acc.heavyReads.inFlight === 0 && t.acc.heavyReads.queued === 0);
});

const base = () => `/client/societes/${dossierId}/accounting`;
const exportPath = () => `${base()}/export/grand-livre.csv`;

async function eventually(done: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !done(); i++) await new Promise((r) => setTimeout(r, 20));
  expect(done()).toBe(true);
}

type Opened = { status: number; headers: http.IncomingHttpHeaders; res: http.IncomingMessage; drop: () => void };

/** A GET whose response is left unread (paused): an export stays mid-stream and keeps its slot until dropped. */
function open(path: string, token: string, language = "fr"): Promise<Opened> {
  return new Promise((resolve, reject) => {
    const req = http.get(`${t.url}/api/v1${path}`, {
      headers: { Authorization: `Bearer ${token}`, "Accept-Language": language },
    });
    req.on("response", (res) =>
      resolve({ status: res.statusCode ?? 0, headers: res.headers, res, drop: () => req.destroy() }),
    );
    req.on("error", reject);
  });
}

/** An export started and left mid-stream: its slot is held until the test ends (or drops it). */
async function holdExport(token: string, path = exportPath()): Promise<Opened> {
  const opened = await open(path, token);
  expect(opened.status).toBe(200);
  held.push(opened.drop);
  return opened;
}

async function call(path: string, token: string, language = "fr") {
  const res = await fetch(`${t.url}/api/v1${path}`, {
    headers: { Authorization: `Bearer ${token}`, "Accept-Language": language },
  });
  const text = await res.text();
  const body = res.headers.get("content-type")?.includes("json") ? (JSON.parse(text) as ErrorBody) : null;
  return { status: res.status, retryAfter: res.headers.get("retry-after"), body, bytes: text.length };
}

describe("fair use of heavy work", () => {
  it("refuses a person over their share at once: 429 TOO_MANY_REQUESTS, Retry-After, in fr and en", async () => {
    const [alice = ""] = clients;
    await holdExport(alice);
    expect(t.acc.heavyReads.inFlight).toBe(1);

    const fr = await call(exportPath(), alice);
    expect(fr).toMatchObject({ status: 429, retryAfter: RETRY_AFTER, body: { code: "TOO_MANY_REQUESTS" } });
    expect(fr.body?.message).toBe(
      `Vous avez déjà un export ou un import en cours : attendez qu'il se termine, puis réessayez (dans ${RETRY_AFTER} s environ).`,
    );
    const en = await call(`${base()}/export/journaux.xlsx`, alice, "en");
    expect(en).toMatchObject({ status: 429, retryAfter: RETRY_AFTER, body: { code: "TOO_MANY_REQUESTS" } });
    expect(en.body?.message).toBe(
      `You already have an export or import running: wait for it to finish, then try again (in about ${RETRY_AFTER} s).`,
    );
    // Reads that may scan the whole import count as heavy work too.
    for (const scan of ["grand-livre?q=facture", "grand-livre?account=411&lettering=all&q=a"]) {
      expect((await call(`${base()}/${scan}`, alice)).status, scan).toBe(429);
    }
    // Another person still gets the free slot.
    const bob = await call(`${base()}/grand-livre?q=facture`, clients[1] ?? "");
    expect(bob.status).toBe(200);
  });

  it("makes another person wait while every slot is taken, then serves them or answers 503 SERVER_BUSY", async () => {
    const [alice = "", bob = "", carol = ""] = clients;
    const first = await holdExport(alice);
    await holdExport(bob);
    expect(t.acc.heavyReads.inFlight).toBe(2);

    // Carol waits for a slot; Alice's export ends (she leaves) and Carol is served.
    const served = call(`${base()}/export/balance.csv`, carol);
    await eventually(() => t.acc.heavyReads.queued === 1);
    first.drop();
    expect((await served).status).toBe(200);

    // Every slot taken again (staff count as a person too), and nobody leaves: Carol's wait runs out.
    await holdExport(staff, `/dossiers/${dossierId}/accounting/export/grand-livre.csv`);
    const refused = await call(`${base()}/export/balance.csv`, carol, "en");
    expect(refused).toMatchObject({ status: 503, retryAfter: RETRY_AFTER, body: { code: "SERVER_BUSY" } });
    expect(refused.body?.message).toBe(
      `Comptoir is already running as many exports and imports as it can: try again in about ${RETRY_AFTER} s.`,
    );
    const fr = await call(`${base()}/grand-livre?q=facture`, carol);
    expect(fr).toMatchObject({ status: 503, retryAfter: RETRY_AFTER, body: { code: "SERVER_BUSY" } });
    expect(fr.body?.message).toContain("Comptoir traite déjà le maximum");
  });

  it("never gates a light read, even for a person over their share while every slot is taken", async () => {
    const [alice = "", bob = ""] = clients;
    await holdExport(alice);
    await holdExport(bob);
    for (const light of [
      "exercices",
      "balance",
      "balance?q=401",
      "grand-livre",
      "grand-livre?account=411&page=2",
      // Located from the indexes, or from the aggregate's rows while the auxiliaries' copy is being built.
      "grand-livre?lettering=unlettered",
      "grand-livre?aux=C00001",
      // Read from the auxiliaries' copy, built here before the import answered (no queue).
      "grand-livre?aux=C00001&q=facture",
      "grand-livre?aux=C00001&lettering=unlettered",
      // Answered from the search index, also built before the import answered.
      "journaux?q=facture",
      "journaux",
      "journaux?journal=VE",
      "synthese",
    ]) {
      const res = await call(`${base()}/${light}`, alice);
      expect(res.status, light).toBe(200);
    }
    expect(t.acc.heavyReads.queued).toBe(0);
  });

  it("gates a journaux search until the search index is built, an auxiliary's search or unlettered lines until the auxiliaries' copy is", async () => {
    // An import whose background indexes wait for a queue that nobody reads yet.
    const queued: unknown[] = [];
    const requestSearchIndex = t.acc.requestSearchIndex;
    t.acc.requestSearchIndex = (v) => Promise.resolve(void queued.push(v));
    const other = await consultableDossier(t.app);
    const imported = await t.upload(other, await generatedFec(20_000, { seed: 9 })).finally(() => {
      t.acc.requestSearchIndex = requestSearchIndex;
    });
    expect(imported.status).toBe(201);
    expect(queued).toHaveLength(1);
    const v = { tenantId: TEST_TENANT, dossierId: other, exercice: "2024-12-31", importId: imported.body.import.id };
    expect(await auxLedgerReady(t.acc.store, v)).toBe(false);

    // An auxiliary with open items (most of a small file's are settled), searched and filtered.
    const gl = (q: string) => `/dossiers/${other}/accounting/grand-livre?${q}`;
    const lines = (r: { body: unknown }) => (r.body as { totalLines: number }).totalLines;
    let aux = "";
    for (let i = 1; i <= 25 && aux === ""; i++) {
      const code = `C${String(i).padStart(5, "0")}`;
      if (lines(await call(gl(`aux=${code}&lettering=unlettered`), staff)) > 0) aux = code;
    }
    expect(aux).not.toBe("");
    const auxReads = [`aux=${aux}&q=facture`, `aux=${aux}&lettering=unlettered`].map(gl);
    // One at a time: each holds staff's one slot while it scans.
    const free = [];
    for (const read of auxReads) free.push(await call(read, staff));
    for (const r of free) expect(lines(r)).toBeGreaterThan(0);
    const search = `/dossiers/${other}/accounting/journaux?q=facture`;
    const scannedSearch = await call(search, staff);
    expect(scannedSearch.body).toMatchObject({ searchIndexPending: true });
    expect((scannedSearch.body as unknown as { totalEcritures: number }).totalEcritures).toBeGreaterThan(0);
    // Staff's one slot taken: until the indexes exist, these read every line of the auxiliary's accounts, or
    // every écriture of the journals.
    await holdExport(staff, `/dossiers/${dossierId}/accounting/export/grand-livre.csv`);
    for (const read of [...auxReads, search]) expect((await call(read, staff)).status, read).toBe(429);

    await buildBackgroundIndexes(t.acc.store, v);
    for (const [i, read] of auxReads.entries()) {
      const res = await call(read, staff);
      expect(res.status, read).toBe(200);
      expect(res.body, read).toEqual(free[i]?.body);
    }
    const indexed = await call(search, staff);
    expect(indexed.status).toBe(200);
    expect(indexed.body).toEqual({ ...scannedSearch.body, searchIndexPending: undefined });
    // A search over the account's every auxiliary still reads all its lines.
    expect((await call(gl("account=411&q=facture"), staff)).status).toBe(429);
  });

  it("frees the slot of an export whose client went away", async () => {
    const [alice = ""] = clients;
    const opened = await holdExport(alice);
    expect(t.acc.heavyReads.inFlight).toBe(1);
    opened.drop();
    await eventually(() => t.acc.heavyReads.inFlight === 0);
    // Alice's share is hers again: a whole export goes through.
    const again = await call(exportPath(), alice);
    expect(again.status).toBe(200);
    expect(again.bytes).toBeGreaterThan(10_000_000);
  });

  it("keeps FEC_IMPORT_BUSY for imports, on their own gate", async () => {
    // An upload whose body is still coming holds the import slot and its exercice.
    const params = new URLSearchParams({ exercice: "2024-01-01..2024-12-31", fileName: "552100554FEC20241231.txt" });
    const upload = http.request(`${t.url}/api/v1/dossiers/${dossierId}/fec?${params.toString()}`, {
      method: "POST",
      headers: { Authorization: `Bearer ${staff}`, "Content-Type": "application/octet-stream" },
    });
    upload.on("error", () => {});
    upload.write((await generatedFec(10, { seed: 3 })).subarray(0, 200));
    await eventually(() => t.acc.imports.inFlight === 1);

    const sameExercice = await t.upload(dossierId, await generatedFec(10, { seed: 4 }));
    expect(sameExercice.status).toBe(503);
    expect(sameExercice.body.code).toBe("FEC_IMPORT_BUSY");
    // Another exercice of the same dossier is refused at once: one import per dossier.
    const asked = Date.now();
    const otherExercice = await t.upload(dossierId, await generatedFec(10, { seed: 5, year: 2023 }), {
      exercice: "2023-01-01..2023-12-31",
    });
    expect(otherExercice.status).toBe(503);
    expect(otherExercice.body.code).toBe("FEC_IMPORT_BUSY");
    expect(Date.now() - asked).toBeLessThan(WAIT_MS);
    // Another dossier waits for the one import slot, then is refused with the same code.
    const otherDossier = await consultableDossier(t.app);
    const waiting = Date.now();
    const other = await t.upload(otherDossier, await generatedFec(10, { seed: 5 }));
    expect(other.status).toBe(503);
    expect(other.body.code).toBe("FEC_IMPORT_BUSY");
    expect(Date.now() - waiting).toBeGreaterThanOrEqual(WAIT_MS - 100);
    // Exports do not queue behind an import.
    expect((await call(`${base()}/export/balance.csv`, clients[0] ?? "")).status).toBe(200);

    upload.destroy();
    await eventually(() => t.acc.imports.inFlight === 0);
  });
});
