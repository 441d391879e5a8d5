/**
 * `npm run bench:fec`: the FEC benchmark of issue 7, in one run.
 *
 *   tsx bot/bench/fec-bench.ts [file]   (default: a 1,000,000-line FEC generated in os.tmpdir())
 *
 * (a) raw read + line split, (b) papaparse and csv-parse, (c) Comptoir's parser + validator — all
 * from fec-parse.ts, each computing per-account totals — then (d) the end-to-end import: the file is
 * POSTed by a small client process (lib/fec-sender.ts) to a real server (the accounting routes, in a child process)
 * that stores it in a private Azurite persisting to disk; the
 * per-account totals are read back from what was stored and checked against the others. Like every
 * step, (d) runs once on a small file, then 3 times on the big one (median kept, each run printed).
 * The search index is built after the import answers (a queue job, as the server runs it): each run
 * waits for it before the next, and prints how long it took. The server's RSS is sampled from /proc
 * during (d) and that build, and its peak (VmHWM) read. Then (e), goals of
 * issue 17 measured against (d): how long the views take to read back from what was stored (the
 * slowest first page of every account's grand livre, 5 searches, the CSV export's MB/s, the balance
 * âgée), printed as RESULT_VIEWS after RESULT.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createReadStream, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import express from "express";
import { dossierCreateInputSchema, type LedgerAggregate, type Principal } from "@comptoir/shared";
import { FecImportJob } from "../src/accounting/import/import-job";
import { createAccountingDeps } from "../src/accounting/deps";
import { startSearchIndexWorker } from "../src/accounting/indexing/worker";
import type { AccountingStore } from "../src/accounting/store/store";
import { createApiRouter } from "../src/api/http/api-router";
import { errorHandler } from "../src/api/http/errors";
import { startAzurite } from "../dev/azurite";
import { createRepos } from "../src/core/repos";
import { ALL_TABLES } from "../src/core/repos/tables";
import { accountingRoutes } from "../src/api/routes/accounting";
import { createServiceDeps, ctxFor } from "../src/core/services/context";
import { createNewDossier } from "../src/core/services/dossiers";
import { createStorage } from "../src/core/storage/connection";
import { generateFecFile } from "./fec-generate";
import { startSender, type Sender } from "./lib/fec-sender";
import { serverNodeFlags } from "./lib/server-node-flags";
import {
  benchParse,
  comptoirFullStep,
  comptoirStep,
  papaparseStep,
  TARGET_RATIO,
  type AccountTotals,
  type BenchStep,
} from "./fec-parse";

const EXERCICE = "2024-01-01..2024-12-31";
const FILE_NAME = "552100554FEC20241231.txt";
const TENANT = "00000000-0000-4000-8000-00000000bec7";
const IMPORT_STEP = "end-to-end import (Azurite)";
const PIPELINE_STEP = "import pipeline, storage discarded";
const GOALS = { importVsParse: 5, peakRssMb: 300 };

// ---- The server side (child process) ----

async function serve(): Promise<void> {
  const connectionString = process.env.COMPTOIR_BENCH_STORAGE ?? "";
  const storage = createStorage(connectionString, "bench");
  await storage.ensureTables(ALL_TABLES);
  const deps = createServiceDeps(createRepos(storage));
  const acc = createAccountingDeps(storage);
  await acc.store.ensure();
  // As the server runs it: the search index is built after the import answers, from the queue.
  const searchIndex = await startSearchIndexWorker(acc, { connectionString, queuePrefix: "bench" });
  acc.requestSearchIndex = (v) => searchIndex.request(v);
  const staff: Principal = {
    tenantId: TENANT,
    oid: "bench-staff",
    name: "Bench",
    username: "bench@comptoir.local",
    roles: ["Firm.Staff"],
    kind: "staff",
  };
  const dossier = await createNewDossier(
    deps,
    ctxFor(staff, deps),
    dossierCreateInputSchema.parse({ code: "BENCH", name: "Benchmark SARL" }),
  );
  const verify = () => Promise.resolve(staff);
  const app = express();
  // Bench only: what the stored aggregates say, per account, to check the import end to end.
  app.get("/bench/totals", async (_req, res) => {
    const [pointer] = await acc.store.listPointers(TENANT, dossier.value.id);
    if (!pointer) return void res.status(404).end();
    const v = { tenantId: TENANT, dossierId: dossier.value.id, exercice: pointer.end, importId: pointer.importId };
    const totals: Record<string, [number, number]> = {};
    for (const r of (await acc.store.readAggregate(v)).rows) {
      const t = (totals[r.compteNum] ??= [0, 0]);
      t[0] += r.debitCents;
      t[1] += r.creditCents;
    }
    res.json(totals);
  });
  // Bench only: answers once the served import's search index is stored (the journaux scan until then).
  app.get("/bench/search-ready", async (_req, res) => {
    const [pointer] = await acc.store.listPointers(TENANT, dossier.value.id);
    if (!pointer) return void res.status(404).end();
    const v = { tenantId: TENANT, dossierId: dossier.value.id, exercice: pointer.end, importId: pointer.importId };
    while ((await acc.store.readSearchHeader(v)) === null) await new Promise((r) => setTimeout(r, 50));
    res.status(204).end();
  });
  // Bench only: answers once the background work is done (after the search index, the auxiliaries' copy;
  // beside them, the cleanup of the imports replaced, which runs after the import answers).
  app.get("/bench/background-idle", async (_req, res) => {
    await Promise.all([searchIndex.idle(), acc.afterwards.idle()]);
    res.status(204).end();
  });
  // Bench only: forget every cached read, so that each view of (e) is timed cold.
  app.post("/bench/cold", (_req, res) => {
    acc.store.dropCaches();
    res.status(204).end();
  });
  app.use("/api/v1", createApiRouter({ verify, routes: accountingRoutes(deps, acc), maxJsonBytes: 256 * 1024 }));
  app.use(errorHandler);
  const server = app.listen(0, "127.0.0.1", () => {
    process.send?.({ port: (server.address() as AddressInfo).port, dossierId: dossier.value.id });
  });
  process.on("disconnect", () => process.exit(0));
}

// ---- The benchmark (parent process) ----

async function generated(lines: number): Promise<string> {
  const file = join(tmpdir(), `comptoir-bench-fec-${lines}.txt`);
  if (!existsSync(file)) {
    console.log(`Generating ${file}…`);
    await generateFecFile(lines, file);
  }
  return file;
}

function procStatus(pid: number, field: "VmRSS" | "VmHWM"): number {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

async function getJson<T>(port: number, path: string): Promise<T> {
  const res = await fetch(`http://127.0.0.1:${port}${path}`, { headers: { Authorization: "Bearer bench" } });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/**
 * Times one GET, its body read to the end as it streams in (as a browser saves a download: chunk by
 * chunk, none kept), and returns its size. Collecting the body into one buffer made this process hold
 * and copy the whole export (136 MB) on the cores the server uses.
 */
async function timedGet(port: number, path: string): Promise<{ ms: number; bytes: number }> {
  const started = performance.now();
  const res = await fetch(`http://127.0.0.1:${port}/api/v1${path}`, { headers: { Authorization: "Bearer bench" } });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${(await res.text()).slice(0, 300)}`);
  let bytes = 0;
  const reader = (res.body as ReadableStream<Uint8Array> | null)?.getReader();
  if (reader)
    for (let part = await reader.read(); !part.done; part = await reader.read()) bytes += part.value.byteLength;
  return { ms: performance.now() - started, bytes };
}

/** Goals of (e), as ratios to the end-to-end import time (d) of the same run (issue 17). */
const VIEW_GOALS = { glFirstPage: 0.05, search: 0.1, exportSpeed: 0.5, agedBalance: 0.05 };
/** Frequent and rare words, a piece reference and a phrase: what users type in the journaux' search. */
const SEARCHES = ["facture", "virement", "Écureuils 7", "FA2024-004242", "honoraires répartis"];

type ViewFigures = { glFirstPage: number; search: number; exportSpeed: number; agedBalance: number | null };

/**
 * (e) The views over the imported file, each read with cold caches (the server forgets what it read
 * before each one): the first page of every account's grand livre (and of 401 and 411 as a whole),
 * 5 searches, the grand livre's CSV export and the balance âgée of 411. Returns the figures of
 * RESULT_VIEWS, as ratios to `importSeconds`.
 */
async function timeReads(server: ServerHandle, importSeconds: number, importMbPerS: number): Promise<ViewFigures> {
  const base = `/dossiers/${server.dossierId}/accounting`;
  const cold = () => fetch(`http://127.0.0.1:${server.port}/bench/cold`, { method: "POST" });
  const timed = async (path: string) => {
    await cold();
    return timedGet(server.port, path);
  };
  const show = (label: string, ms: number, bytes: number, extra = "") =>
    console.log(
      `    ${label.padEnd(46)} ${ms.toFixed(0).padStart(6)} ms  ${(bytes / 1e6).toFixed(1).padStart(6)} MB${extra}`,
    );
  console.log("");
  console.log("(e) reading back (cold caches before each read):");
  const reads: Array<[string, string]> = [
    ["balance", `${base}/balance`],
    ["grand livre 401, first page (200 lines)", `${base}/grand-livre?account=401&pageSize=200`],
    ["grand livre 401, page 100", `${base}/grand-livre?account=401&pageSize=200&page=100`],
    ["grand livre 411, first page", `${base}/grand-livre?account=411&pageSize=200`],
    ["grand livre 411, unlettered, first page", `${base}/grand-livre?account=411&pageSize=200&lettering=unlettered`],
    ["grand livre 411, auxiliary C00001, first page", `${base}/grand-livre?account=411&aux=C00001&pageSize=200`],
    ['grand livre 411, C00001, search "facture"', `${base}/grand-livre?account=411&aux=C00001&q=facture&pageSize=200`],
    ["grand livre export, C00001, CSV", `${base}/export/grand-livre.csv?account=411&aux=C00001`],
    ["grand livre, every account, page 2,000", `${base}/grand-livre?pageSize=200&page=2000`],
    ["journal VE, first page (50 écritures)", `${base}/journaux?journal=VE&pageSize=50`],
    ["journal VE, page 1,000 (50 écritures)", `${base}/journaux?journal=VE&pageSize=50&page=1000`],
    ["journaux, every journal, page 2,000", `${base}/journaux?pageSize=50&page=2000`],
  ];
  for (const [label, path] of reads) {
    const { ms, bytes } = await timed(path);
    show(label, ms, bytes);
  }

  const accounts = Object.keys(await getJson<Record<string, [number, number]>>(server.port, "/bench/totals"));
  let slowest = { account: "", ms: 0 };
  for (const account of ["401", "411", ...accounts.sort()]) {
    const { ms } = await timed(`${base}/grand-livre?account=${encodeURIComponent(account)}&pageSize=200`);
    if (ms > slowest.ms) slowest = { account, ms };
  }
  show(`grand livre, slowest first page of ${accounts.length} accounts`, slowest.ms, 0, ` (${slowest.account})`);

  let slowestSearch = 0;
  for (const q of SEARCHES) {
    const { ms, bytes } = await timed(`${base}/journaux?q=${encodeURIComponent(q)}&pageSize=50`);
    show(`journaux, search "${q}"`, ms, bytes);
    slowestSearch = Math.max(slowestSearch, ms);
  }

  const exported = await timed(`${base}/export/grand-livre.csv`);
  const exportMbPerS = exported.bytes / 1e6 / (exported.ms / 1000);
  show("grand livre export, CSV", exported.ms, exported.bytes, ` (${exportMbPerS.toFixed(1)} MB/s)`);

  await cold();
  const agedStarted = performance.now();
  const aged = await fetch(`http://127.0.0.1:${server.port}/api/v1${base}/balance-agee?account=411`, {
    headers: { Authorization: "Bearer bench" },
  });
  const agedBody = await aged.arrayBuffer();
  const agedMs = performance.now() - agedStarted;
  if (aged.status === 404) console.log("    balance âgée 411: no such route in this build (n/a)");
  else if (!aged.ok)
    throw new Error(`balance-agee: ${aged.status} ${Buffer.from(agedBody).toString("utf8").slice(0, 300)}`);
  else show("balance âgée 411", agedMs, agedBody.byteLength);

  const figures: ViewFigures = {
    glFirstPage: slowest.ms / 1000 / importSeconds,
    search: slowestSearch / 1000 / importSeconds,
    exportSpeed: exportMbPerS / importMbPerS,
    agedBalance: aged.status === 404 ? null : agedMs / 1000 / importSeconds,
  };
  const verdict = (ok: boolean) => (ok ? "met" : "NOT met");
  const ratio = (x: number) => `${x.toFixed(3)}×`;
  console.log(
    `Goal slowest grand livre first page ≤ ${VIEW_GOALS.glFirstPage}× import: ${verdict(figures.glFirstPage <= VIEW_GOALS.glFirstPage)} (${ratio(figures.glFirstPage)})`,
  );
  console.log(
    `Goal slowest search ≤ ${VIEW_GOALS.search}× import: ${verdict(figures.search <= VIEW_GOALS.search)} (${ratio(figures.search)})`,
  );
  console.log(
    `Goal export MB/s ≥ ${VIEW_GOALS.exportSpeed}× import MB/s: ${verdict(figures.exportSpeed >= VIEW_GOALS.exportSpeed)} (${ratio(figures.exportSpeed)})`,
  );
  console.log(
    figures.agedBalance === null
      ? `Goal balance âgée 411 ≤ ${VIEW_GOALS.agedBalance}× import: n/a (route not in this build)`
      : `Goal balance âgée 411 ≤ ${VIEW_GOALS.agedBalance}× import: ${verdict(figures.agedBalance <= VIEW_GOALS.agedBalance)} (${ratio(figures.agedBalance)})`,
  );
  return figures;
}

type ServerHandle = { child: ChildProcess; port: number; dossierId: string };

function startServerChild(connectionString: string): Promise<ServerHandle> {
  // The flags and environment `npm start` gives the backend: the benchmark measures the server as it runs.
  const { flags, env } = serverNodeFlags();
  const args = [...flags, "--import", "tsx", fileURLToPath(import.meta.url), "--server"];
  const child = spawn(process.execPath, args, {
    env: { ...process.env, ...env, COMPTOIR_BENCH_STORAGE: connectionString },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  return new Promise((resolve, reject) => {
    child.once("message", (m: { port: number; dossierId: string }) => resolve({ child, ...m }));
    child.once("exit", (code) => reject(new Error(`bench server exited (${code})`)));
  });
}

/** CPU seconds (user + system) a process and its descendants used so far, from /proc (0 elsewhere). */
function cpuSeconds(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
    // utime, stime, cutime, cstime: fields 14-17 of stat(5), counted after the command's ") ".
    const ticks = [11, 12, 13, 14].reduce((n, i) => n + Number(fields[i] ?? 0), 0);
    const children = readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean);
    return ticks / 100 + children.reduce((n, child) => n + cpuSeconds(Number(child)), 0);
  } catch {
    return 0;
  }
}

const cpuOf = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1e6;

/** Where the CPU went during (d): the machine has few cores, and every process below shares them. */
type CpuUse = { server: number; azurite: number; sender: number; bench: number };

/**
 * Information only: the import's own work in this process — parse, validation, aggregates, grouping,
 * compression — with a store that discards the blocks and rows. The gap to (d) is HTTP, storage, and
 * the cores they share with it.
 */
const pipelineStep: BenchStep = {
  name: PIPELINE_STEP,
  async run(file) {
    let aggregate: LedgerAggregate | null = null;
    const discard = { stageBlock: () => Promise.resolve(), commitBlockList: () => Promise.resolve() };
    const store = {
      blockSink: () => discard,
      writeSearchHeader: () => Promise.resolve(),
      writeVersionRows: (_v: unknown, a: LedgerAggregate) => {
        aggregate = a;
        return Promise.resolve();
      },
    } as unknown as AccountingStore;
    const [start, end] = EXERCICE.split("..") as [string, string];
    const job = new FecImportJob(store, {
      tenantId: TENANT,
      dossierId: "bench",
      importId: "bench",
      exercice: { start, end },
      fileName: FILE_NAME,
      siren: null,
      actor: { oid: "bench", name: "Bench" },
      now: () => new Date(),
      maxBytes: Number.MAX_SAFE_INTEGER,
      body: createReadStream(file, { highWaterMark: 1 << 16 }),
    });
    const report = await job.parse();
    if (!report.ok) throw new Error(`pipeline refused the file: ${report.errorCount} errors`);
    await job.write();
    const totals: AccountTotals = new Map();
    for (const r of (aggregate as LedgerAggregate | null)?.rows ?? []) {
      const t = totals.get(r.compteNum) ?? { debit: 0, credit: 0 };
      t.debit += r.debitCents;
      t.credit += r.creditCents;
      totals.set(r.compteNum, t);
    }
    return totals;
  },
};

/** One POST of a file: its time, the CPU each process used, and the server's memory. */
type ImportRun = {
  file: string;
  seconds: number;
  cpu: CpuUse;
  rssBefore: number;
  peakRss: number;
  samples: number;
  /** From the import's answer until its search index is stored, and the server's CPU meanwhile. */
  indexSeconds: number;
  indexCpu: number;
  /** From the search index until the auxiliaries' copy is stored (the same job, next), and the server's CPU. */
  auxSeconds: number;
  auxCpu: number;
  /** The peak until the import answered (peakRss also covers the index's build). */
  importPeakRss: number;
};

/** Timed like the other steps (median of 3 on the big file, after a run on the small one); every run is kept. */
function importStep(server: ServerHandle, sender: Sender, runs: ImportRun[], azuritePid: number): BenchStep {
  const pid = server.child.pid ?? 0;
  const senderPid = sender.child.pid ?? 0;
  return {
    name: IMPORT_STEP,
    async run(file) {
      const run: ImportRun = {
        file,
        seconds: 0,
        cpu: { server: 0, azurite: 0, sender: 0, bench: 0 },
        rssBefore: procStatus(pid, "VmRSS"),
        peakRss: 0,
        samples: 0,
        indexSeconds: 0,
        indexCpu: 0,
        auxSeconds: 0,
        auxCpu: 0,
        importPeakRss: 0,
      };
      // Linux: writing 5 to clear_refs resets the peak (VmHWM) of our own child, so it covers this run only.
      try {
        writeFileSync(`/proc/${pid}/clear_refs`, "5");
      } catch {
        // Not resettable here: sampling below still sees the peak.
      }
      const timer = setInterval(() => {
        run.peakRss = Math.max(run.peakRss, procStatus(pid, "VmRSS"));
        run.samples++;
      }, 20);
      const before = {
        server: cpuSeconds(pid),
        azurite: cpuSeconds(azuritePid),
        sender: cpuSeconds(senderPid),
        bench: process.cpuUsage(),
      };
      try {
        const res = await sender.post({
          port: server.port,
          dossierId: server.dossierId,
          file,
          exercice: EXERCICE,
          fileName: FILE_NAME,
        });
        if (res.status !== 201) throw new Error(`import refused: ${res.status} ${res.body.slice(0, 500)}`);
        run.seconds = res.seconds;
        run.cpu = {
          server: cpuSeconds(pid) - before.server,
          azurite: cpuSeconds(azuritePid) - before.azurite,
          sender: cpuSeconds(senderPid) - before.sender,
          bench: cpuOf(process.cpuUsage(before.bench)),
        };
        run.importPeakRss = Math.max(run.peakRss, procStatus(pid, "VmHWM"));
        // The next run and (e) start once the index is stored: its build would otherwise share their cores.
        const answered = performance.now();
        const ready = await fetch(`http://127.0.0.1:${server.port}/bench/search-ready`);
        if (ready.status !== 204) throw new Error(`search index: ${ready.status}`);
        run.indexSeconds = (performance.now() - answered) / 1000;
        run.indexCpu = cpuSeconds(pid) - before.server - run.cpu.server;
        const indexed = performance.now();
        const idle = await fetch(`http://127.0.0.1:${server.port}/bench/background-idle`);
        if (idle.status !== 204) throw new Error(`background job: ${idle.status}`);
        run.auxSeconds = (performance.now() - indexed) / 1000;
        run.auxCpu = cpuSeconds(pid) - before.server - run.cpu.server - run.indexCpu;
      } finally {
        clearInterval(timer);
      }
      run.peakRss = Math.max(run.peakRss, procStatus(pid, "VmHWM"));
      runs.push(run);
      const stored = await getJson<Record<string, [number, number]>>(server.port, "/bench/totals");
      const totals: AccountTotals = new Map();
      for (const [compte, [debit, credit]] of Object.entries(stored)) totals.set(compte, { debit, credit });
      return totals;
    },
  };
}

/** The mean of a figure over the runs. */
const perRun = (runs: readonly ImportRun[], of: (r: ImportRun) => number) =>
  runs.reduce((n, r) => n + of(r), 0) / runs.length;
/** The median of a figure over the runs (the middle one of 3). */
const medianRun = (runs: readonly ImportRun[], of: (r: ImportRun) => number) =>
  [...runs.map(of)].sort((a, b) => a - b)[Math.floor(runs.length / 2)] ?? 0;

async function main(): Promise<void> {
  const file = process.argv[2] ?? (await generated(1_000_000));
  const warmupFile = await generated(50_000);
  const bytes = statSync(file).size;
  console.log(`${file}: ${(bytes / 1e6).toFixed(1)} MB`);

  const dir = mkdtempSync(join(tmpdir(), "comptoir-bench-azurite-"));
  // On disk: Azurite's in-memory mode would hold every blob byte in its own heap.
  const azurite = await startAzurite(dir);
  let server: ServerHandle | null = null;
  let sender: Sender | null = null;
  try {
    server = await startServerChild(azurite.connectionString);
    const runs: ImportRun[] = [];
    sender = await startSender();
    const step = importStep(server, sender, runs, azurite.pid ?? 0);
    const report = await benchParse(file, { warmupFile, extraSteps: [pipelineStep, step] });
    const papa = report.steps.find((s) => s.name === papaparseStep.name);
    const parse = report.steps.find((s) => s.name === comptoirStep.name);
    const full = report.steps.find((s) => s.name === comptoirFullStep.name);
    const imported = report.steps.find((s) => s.name === IMPORT_STEP);
    const pipeline = report.steps.find((s) => s.name === PIPELINE_STEP);
    if (!papa || !parse || !full || !imported || !pipeline) throw new Error("missing step results");
    const parseVsPapa = papa.seconds / parse.seconds;
    const timed = runs.filter((r) => r.file === file);
    // The POSTs alone: the step's own time also counts reading the totals back to check them.
    const importSeconds = medianRun(timed, (r) => r.seconds);
    const importVsParse = importSeconds / parse.seconds;
    const peakMb = Math.max(...timed.map((r) => r.peakRss)) / 1e6;
    const importPeakMb = Math.max(...timed.map((r) => r.importPeakRss)) / 1e6;
    const samples = timed.reduce((n, r) => n + r.samples, 0);
    const cpu: CpuUse = {
      server: perRun(timed, (r) => r.cpu.server),
      azurite: perRun(timed, (r) => r.cpu.azurite),
      sender: perRun(timed, (r) => r.cpu.sender),
      bench: perRun(timed, (r) => r.cpu.bench),
    };
    console.log("");
    console.log(
      `(d) end-to-end import: ${importSeconds.toFixed(2)} s, ${(bytes / 1e6 / importSeconds).toFixed(1)} MB/s (median of ${timed.length} runs: ${timed.map((r) => r.seconds.toFixed(2)).join(", ")} s, in order)`,
    );
    console.log(
      `    server RSS: ${((timed[0]?.rssBefore ?? 0) / 1e6).toFixed(0)} MB before, peak ${peakMb.toFixed(0)} MB during (d) and its background indexes (${importPeakMb.toFixed(0)} MB until the import answered; ${samples} samples + VmHWM of each run; per run, import/with indexes: ${timed.map((r) => `${(r.importPeakRss / 1e6).toFixed(0)}/${(r.peakRss / 1e6).toFixed(0)}`).join(", ")} MB)`,
    );
    console.log(
      `    CPU per run of (d): server ${cpu.server.toFixed(2)} s, Azurite ${cpu.azurite.toFixed(2)} s, the sending client ${cpu.sender.toFixed(2)} s, this process (waiting) ${cpu.bench.toFixed(2)} s — ${(cpu.server + cpu.azurite + cpu.sender + cpu.bench).toFixed(2)} s on ${availableParallelism()} cores`,
    );
    const indexSeconds = medianRun(timed, (r) => r.indexSeconds);
    console.log(
      `    search index, built after the import answered: ready ${indexSeconds.toFixed(2)} s later (median; server CPU ${perRun(timed, (r) => r.indexCpu).toFixed(2)} s per run), ${((importSeconds + indexSeconds) / parse.seconds).toFixed(2)}× parse from upload to indexed search`,
    );
    const auxSeconds = medianRun(timed, (r) => r.auxSeconds);
    const auxCpu = perRun(timed, (r) => r.auxCpu);
    console.log(
      `    auxiliaries' grand livre copy, built next by the same job: ${auxSeconds.toFixed(2)} s more (median; server CPU ${auxCpu.toFixed(2)} s per run)`,
    );
    console.log(
      `    import vs parse: ${importVsParse.toFixed(2)}× (vs full-entry parse: ${(importSeconds / full.seconds).toFixed(2)}×; the pipeline alone, storage discarded: ${(pipeline.seconds / parse.seconds).toFixed(2)}× parse)`,
    );
    console.log(`    stored per-account totals ${imported.totalsMatch ? "match" : "DIFFER from"} the parsers'`);
    const verdict = (ok: boolean) => (ok ? "met" : "NOT met");
    console.log(
      `Goal parse ≥ ${TARGET_RATIO}× papaparse: ${verdict(parseVsPapa >= TARGET_RATIO)} (${parseVsPapa.toFixed(2)}×)`,
    );
    console.log(
      `Goal import ≤ ${GOALS.importVsParse}× parse: ${verdict(importVsParse <= GOALS.importVsParse)} (${importVsParse.toFixed(2)}×)`,
    );
    console.log(
      `Goal peak RSS < ${GOALS.peakRssMb} MB: ${verdict(peakMb < GOALS.peakRssMb)} (${peakMb.toFixed(0)} MB)`,
    );
    const views = await timeReads(server, importSeconds, bytes / 1e6 / importSeconds);
    if (report.steps.some((s) => s.totalsMatch === false)) process.exitCode = 1;
    console.log(
      `RESULT parse_vs_papaparse=${parseVsPapa.toFixed(2)} import_vs_parse=${importVsParse.toFixed(2)} peak_rss_mb=${peakMb.toFixed(0)}`,
    );
    console.log(
      `RESULT_VIEWS gl_first_page_vs_import=${views.glFirstPage.toFixed(3)} search_vs_import=${views.search.toFixed(3)} export_speed_vs_import=${views.exportSpeed.toFixed(2)} aged_balance_vs_import=${views.agedBalance === null ? "n/a" : views.agedBalance.toFixed(3)}`,
    );
  } finally {
    server?.child.kill("SIGTERM");
    sender?.child.kill("SIGTERM");
    await azurite.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv.includes("--server")) await serve();
else if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
