import http from "node:http";
import net from "node:net";
import { AnonymousCredential, ContainerClient } from "@azure/storage-blob";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ErrorBody } from "@comptoir/shared";
import type { FecImportList } from "@comptoir/shared/api/accounting";
import { translate } from "@comptoir/shared/i18n/translate";
import { ImportLeases, importLeaseBlobName } from "../../src/accounting/store/import-lease";
import { STORAGE_PIPELINE_RETRY_OPTIONS } from "../../src/lib/storage-faults";
import { consultableDossier, generatedFec, startAccountingApp, type AccountingTestApp } from "./accounting-harness";
import { PERSONS, TEST_TENANT } from "./harness";

/**
 * One FEC import per dossier across instances (issue 16): A and B are two servers over one Azurite (tables
 * and the accounting blob container shared), each with its own import gate; only the dossier's blob lease
 * stands between them. Leases last the minimum Azure allows (15 s), so that expiry is observable here.
 */
const LEASE_S = 15;
const EXERCICE = "2024-01-01..2024-12-31";
const FILE_NAME = "552100554FEC20241231.txt";

let a: AccountingTestApp;
let b: AccountingTestApp;
let file: Buffer;

beforeAll(async () => {
  a = await startAccountingApp({ importLeaseSeconds: LEASE_S });
  b = await startAccountingApp({ importLeaseSeconds: LEASE_S }, { tablePrefix: a.app.tablePrefix });
  file = await generatedFec(2_000, { seed: 16 });
}, 60_000);
afterAll(async () => {
  await b.close();
  await a.close();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function eventually(done: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 250 && !(await done()); i++) await sleep(20);
  expect(await done()).toBe(true);
}

const leaseBlob = (t: AccountingTestApp, dossierId: string) =>
  t.acc.store.container.getBlockBlobClient(importLeaseBlobName(TEST_TENANT, dossierId));

async function leaseState(dossierId: string): Promise<string | undefined> {
  const blob = leaseBlob(a, dossierId);
  return (await blob.exists()) ? (await blob.getProperties()).leaseState : undefined;
}

/** An upload whose body is sent in two parts: until `finish`, the import runs and waits for the rest. */
async function openUpload(t: AccountingTestApp, dossierId: string, bytes: Buffer, sentFirst: number) {
  const params = new URLSearchParams({ exercice: EXERCICE, fileName: FILE_NAME });
  const staff = await t.app.tokenFor(PERSONS.staff);
  const req = http.request(`${t.url}/api/v1/dossiers/${dossierId}/fec?${params.toString()}`, {
    method: "POST",
    headers: { Authorization: `Bearer ${staff}`, "Content-Type": "application/octet-stream" },
  });
  const answered = new Promise<{ status: number; body: string }>((resolve, reject) => {
    req.on("response", (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }));
    });
    req.on("error", reject);
  });
  req.write(bytes.subarray(0, sentFirst));
  return {
    finish() {
      req.end(bytes.subarray(sentFirst));
      return answered;
    },
  };
}

/** A raw upload on `t`, in `language`: status, Retry-After and error body. */
async function uploadAs(t: AccountingTestApp, dossierId: string, language = "fr") {
  const params = new URLSearchParams({ exercice: EXERCICE, fileName: FILE_NAME });
  const res = await t.raw(`/dossiers/${dossierId}/fec?${params.toString()}`, {
    method: "POST",
    headers: { "Content-Type": "application/octet-stream", "Accept-Language": language },
    body: file,
  });
  return { status: res.status, retryAfter: res.headers.get("retry-after"), body: (await res.json()) as ErrorBody };
}

describe("one FEC import per dossier across instances", () => {
  it("refuses a second import of the dossier on the other instance while the first runs, renewed past its lease", async () => {
    const dossierId = await consultableDossier(a.app);
    const otherDossier = await consultableDossier(a.app);
    const running = await openUpload(a, dossierId, file, 1_000);
    await eventually(async () => {
      const history = await a.get<FecImportList>(`/dossiers/${dossierId}/fec/imports`);
      return history.body.items.some((i) => i.status === "importing");
    });
    // Longer than a lease period: the dossier stays taken only because A renews its lease.
    await sleep((LEASE_S + 3) * 1_000);

    for (const language of ["fr", "en"] as const) {
      const refused = await uploadAs(b, dossierId, language);
      expect(refused.status).toBe(503);
      expect(refused.body.code).toBe("FEC_IMPORT_BUSY");
      expect(refused.retryAfter).toBe(String(LEASE_S));
      expect(refused.body.message).toBe(translate(language, "error.FEC_IMPORT_BUSY", { retryAfter: LEASE_S }));
    }
    // Another dossier is B's to import meanwhile.
    expect((await b.upload(otherDossier, file)).status).toBe(201);

    const done = await running.finish();
    expect(done.status).toBe(201);
    // Released, not left to expire: B imports into the dossier at once.
    expect(await leaseState(dossierId)).toBe("available");
    expect((await b.upload(dossierId, file)).status).toBe(201);
  }, 90_000);

  it("frees the dossier by itself within a lease period when its holder died", async () => {
    const dossierId = await consultableDossier(a.app);
    // A holder that dies right after taking the lease: it never renews nor releases it.
    const blob = leaseBlob(a, dossierId);
    await blob.upload("", 0);
    await blob.getBlobLeaseClient().acquireLease(LEASE_S);
    const taken = Date.now();

    const refused = await uploadAs(b, dossierId);
    expect(refused.status).toBe(503);
    expect(refused.body.code).toBe("FEC_IMPORT_BUSY");

    await sleep(taken + LEASE_S * 1_000 + 1_000 - Date.now());
    expect((await b.upload(dossierId, file)).status).toBe(201);
  }, 60_000);

  it("does not switch the exercice when the import lost its lease", async () => {
    const dossierId = await consultableDossier(a.app);
    expect((await a.upload(dossierId, file)).status).toBe(201);
    const served = await a.acc.store.getPointer(TEST_TENANT, dossierId, "2024-12-31");
    let lost: string | undefined;
    const thief = leaseBlob(a, dossierId).getBlobLeaseClient();
    // Right before the switch, the lease is broken and another import takes the dossier.
    a.acc.hooks.beforeSwitch = async (version) => {
      lost = version.importId;
      await thief.breakLease(0);
      await thief.acquireLease(LEASE_S);
    };
    try {
      const res = await a.upload(dossierId, await generatedFec(2_000, { seed: 17 }));
      expect(res.status).toBe(409);
      expect(res.body.code).toBe("FEC_IMPORT_INTERRUPTED");
    } finally {
      delete a.acc.hooks.beforeSwitch;
      await thief.releaseLease();
    }
    expect((await a.acc.store.getPointer(TEST_TENANT, dossierId, "2024-12-31"))?.importId).toBe(served?.importId);
    const history = await a.get<FecImportList>(`/dossiers/${dossierId}/fec/imports`);
    expect(history.body.items.find((i) => i.id === lost)?.status).toBe("aborted");
  }, 60_000);

  it("answers STORAGE_UNAVAILABLE, not FEC_IMPORT_BUSY, when the lease cannot be asked for", async () => {
    const dossierId = await consultableDossier(a.app);
    const port = await closedPort();
    const unreachable = new ContainerClient(
      `http://127.0.0.1:${port}/devstoreaccount1/accounting`,
      new AnonymousCredential(),
      { retryOptions: STORAGE_PIPELINE_RETRY_OPTIONS },
    );
    const leases = a.acc.importLeases;
    a.acc.importLeases = new ImportLeases(unreachable, LEASE_S);
    try {
      const refused = await uploadAs(a, dossierId);
      expect(refused.status).toBe(503);
      expect(refused.body.code).toBe("STORAGE_UNAVAILABLE");
      expect(refused.retryAfter).not.toBeNull();
    } finally {
      a.acc.importLeases = leases;
    }
    // The server's import slot was given back.
    expect(a.acc.imports.inFlight).toBe(0);
    expect((await a.upload(dossierId, file)).status).toBe(201);
  }, 60_000);
});

/** A loopback port nobody listens on (bound, then closed): connections are refused at once. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", () => ok()));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((ok) => server.close(() => ok()));
  return port;
}
