import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { PassThrough } from "node:stream";
import express from "express";
import { expect } from "vitest";
import type { ServiceSubscription } from "@comptoir/shared";
import type { FecUploadResult } from "@comptoir/shared/api/accounting";
import { generateFec } from "../../bench/fec-generate";
import { createAccountingDeps, type AccountingDeps, type AccountingOptions } from "../../src/accounting/deps";
import { FecImportJob } from "../../src/accounting/import/import-job";
import type { AccountingStore, VersionRef } from "../../src/accounting/store/store";
import { createTokenVerifier } from "../../src/auth/verify";
import type { DemoPerson } from "../../dev/demo-persons";
import { createApiRouter } from "../../src/api/http/api-router";
import { errorHandler } from "../../src/api/http/errors";
import { accountingRoutes } from "../../src/api/routes/accounting";
import { dossierWithOffer, newContact, newRole } from "./fixtures";
import { call, PERSONS, startTestApp, type TestApp } from "./harness";
import { FEC_COLUMNS } from "@comptoir/shared/accounting/fec/columns";

/**
 * The real server (dossiers, contacts, services…) plus the accounting routes (JSON and stream) on a
 * `/api/v1` router of their own, with accounting options of the test's choosing, on the same storage and deps.
 */
export interface AccountingTestApp {
  app: TestApp;
  acc: AccountingDeps;
  url: string;
  /** A call to the accounting API (JSON), as staff unless told otherwise. */
  get<T>(path: string, as?: DemoPerson | { token: string }): Promise<{ status: number; body: T; headers: Headers }>;
  raw(path: string, init?: RequestInit & { as?: DemoPerson | { token: string } | null }): Promise<Response>;
  upload(
    dossierId: string,
    bytes: Uint8Array,
    query?: { exercice?: string; fileName?: string },
    as?: DemoPerson,
  ): Promise<{ status: number; body: FecUploadResult & { code?: string } }>;
  close(): Promise<void>;
}

/** With `shared` (another app's `tablePrefix`), another instance of the same deployment: tables and blobs shared. */
export async function startAccountingApp(
  options: AccountingOptions = {},
  shared: { tablePrefix?: string } = {},
): Promise<AccountingTestApp> {
  const app = await startTestApp({}, shared);
  const { deps, wiring, storage } = app.running;
  const acc = createAccountingDeps(storage, options);
  acc.log = () => {};
  await acc.store.ensure();
  const verify = createTokenVerifier(wiring.issuer.verifierOptions());
  const http = express();
  http.use("/api/v1", createApiRouter({ verify, routes: accountingRoutes(deps, acc), maxJsonBytes: 256 * 1024 }));
  http.use(errorHandler);
  const server = await new Promise<Server>((ok) => {
    const s = http.listen(0, "127.0.0.1", () => ok(s));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const authHeader = async (as: DemoPerson | { token: string } | null | undefined): Promise<Record<string, string>> => {
    if (as === null) return {};
    const token = as && "token" in as ? as.token : await app.tokenFor(as ?? PERSONS.staff);
    return { Authorization: `Bearer ${token}` };
  };
  const raw: AccountingTestApp["raw"] = async (path, init = {}) => {
    const { as, ...rest } = init;
    const headers = { ...(await authHeader(as)), ...(rest.headers as Record<string, string> | undefined) };
    return fetch(`${url}/api/v1${path}`, { ...rest, headers });
  };
  return {
    app,
    acc,
    url,
    raw,
    async get<T>(path: string, as?: DemoPerson | { token: string }) {
      const res = await raw(path, { as });
      return { status: res.status, body: (await res.json()) as T, headers: res.headers };
    },
    async upload(dossierId, bytes, query = {}, as) {
      const params = new URLSearchParams({
        exercice: query.exercice ?? "2024-01-01..2024-12-31",
        fileName: query.fileName ?? "552100554FEC20241231.txt",
      });
      const res = await raw(`/dossiers/${dossierId}/fec?${params.toString()}`, {
        method: "POST",
        as,
        headers: { "Content-Type": "application/octet-stream" },
        body: Buffer.from(bytes),
      });
      return { status: res.status, body: (await res.json()) as FecUploadResult & { code?: string } };
    },
    async close() {
      await new Promise<void>((ok) => {
        server.close(() => ok());
        server.closeAllConnections();
      });
      await acc.afterwards.idle();
      await app.close();
    },
  };
}

/** A generated FEC (fec-generate: journals AN/VE/AC/BQ/OD, lettering, Latin-9 accents) as bytes. */
export async function generatedFec(lines: number, options: { seed?: number; year?: number } = {}): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on("data", (c: Buffer) => chunks.push(c));
  await generateFec(lines, out, options);
  out.end();
  return Buffer.concat(chunks);
}

export type Line = {
  journal: string;
  num: string;
  date: string;
  compte: string;
  lib?: string;
  aux?: string;
  debit?: string;
  credit?: string;
  letter?: string;
  etab?: string;
};

/** A small tab-separated UTF-8 FEC, with a CodeEtablissement column when any line names one. */
export function fecText(lines: readonly Line[], options: { etab?: boolean } = {}): string {
  const withEtab = options.etab ?? lines.some((l) => l.etab !== undefined);
  const header = [...FEC_COLUMNS, ...(withEtab ? ["CodeEtablissement"] : [])].join("\t");
  const rows = lines.map((l) =>
    [
      l.journal,
      l.journal === "AN" ? "À-nouveaux" : `Journal ${l.journal}`,
      l.num,
      l.date,
      l.compte,
      `Compte ${l.compte}`,
      l.aux ?? "",
      l.aux ? `Tiers ${l.aux}` : "",
      `P${l.num}`,
      l.date,
      l.lib ?? `Écriture ${l.num}`,
      l.debit ?? "0,00",
      l.credit ?? "0,00",
      l.letter ?? "",
      l.letter ? l.date : "",
      l.date,
      "",
      "",
      ...(withEtab ? [l.etab ?? ""] : []),
    ].join("\t"),
  );
  return `${header}\n${rows.join("\n")}\n`;
}

/** Two shops of the SIREN consultableDossier uses: the établissements of the *Limité à* tests. */
export const TWO_SHOPS = [
  { code: "E1", name: "Magasin de Lyon", siret: "73282932000009" },
  { code: "E2", name: "Magasin de Lille", siret: "73282932000017" },
];

/** Staff set up a dossier open to clients: Consultation offer and collaborative extension active. */
export async function consultableDossier(
  app: TestApp,
  etablissements: Array<{ code: string; name: string; siret: string }> = [],
): Promise<string> {
  const { dossier, etag } = await dossierWithOffer(app, { siren: "732829320", etablissements });
  const widget = await call(app, "PUT", `/dossiers/${dossier.id}/widget`, { etag, body: { extensionActive: true } });
  expect(widget.status).toBe(200);
  return dossier.id;
}

/** A contact linked to the dossier (limited as asked), its consultation service accepted: the guest's token. */
export async function clientOn(app: TestApp, dossierId: string, limitedTo: string[] | "-" = "-"): Promise<string> {
  const role = await newRole(app);
  const { contact } = await newContact(app, role.id);
  const linked = await call(app, "POST", `/contacts/${contact.id}/dossiers`, { body: { dossierId, limitedTo } });
  expect(linked.status).toBe(201);
  const proposed = await call<{ subscription: ServiceSubscription }>(
    app,
    "POST",
    `/contacts/${contact.id}/dossiers/${dossierId}/services`,
    { body: { serviceId: "consultation" } },
  );
  expect(proposed.status).toBe(201);
  await app.running.pipeline.idle();
  const detail = await call<{ contact: { guest: { objectId: string } | null } }>(app, "GET", `/contacts/${contact.id}`);
  const oid = detail.body.contact.guest?.objectId ?? "";
  expect(oid).not.toBe("");
  return app.sign({ oid, name: "Client", roles: [] });
}

/**
 * Imports `file` straight into the store as version `v` (exercice 2024, no route, no pointer), in frames
 * of `frameBytes`: small frames store a small file the way a large one is stored, over many frames.
 */
export async function storedImport(
  store: AccountingStore,
  v: VersionRef,
  file: Buffer,
  frameBytes: number,
): Promise<void> {
  const job = new FecImportJob(store, {
    tenantId: v.tenantId,
    dossierId: v.dossierId,
    importId: v.importId,
    exercice: { start: "2024-01-01", end: "2024-12-31" },
    fileName: "552100554FEC20241231.txt",
    siren: null,
    actor: { oid: "test", name: "Test" },
    now: () => new Date(),
    maxBytes: 10_000_000,
    body: (async function* () {
      yield await Promise.resolve(file);
    })(),
    frames: { frameBytes, framesPerBlock: 2 },
  });
  expect((await job.parse()).ok).toBe(true);
  await job.write();
}
