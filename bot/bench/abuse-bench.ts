/**
 * `npm run bench:abuse`: can one client exhaust the server? (issue 15, finding 2)
 *
 *   tsx bot/bench/abuse-bench.ts [file]   (default: the 1,000,000-line FEC of bench:fec, in os.tmpdir())
 *
 * The accounting routes run in a child process with the backend's flags (server-node-flags.json) and
 * the fair-use caps of its environment (HEAVY_WORK_*), over a private Azurite; the FEC is imported
 * once into a dossier open to 4 clients. Then (a) the legitimate client reads its balance N times
 * alone (p95), and (b) 3 hostile clients start 10 grand livre CSV exports each, all at once, read to
 * the end, while the legitimate client reads its balance N times again (p95). The server's RSS is
 * sampled every 100 ms during (b); refusals are counted by code; the server also reports its event
 * loop's delays and GC pauses during (b), the usual reasons a light read waits.
 *
 * Environment: HEAVY_WORK_SLOTS / _PER_PERSON / _WAIT_MS (the caps under test), ABUSE_BENCH_READS (N,
 * default 40), ABUSE_BENCH_CPU_PROFILE=<file> (a V8 CPU profile of the server during (b)).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { Session } from "node:inspector";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { monitorEventLoopDelay, PerformanceObserver } from "node:perf_hooks";
import express from "express";
import { createAccountingDeps } from "../src/accounting/deps";
import { createApiRouter } from "../src/api/http/api-router";
import { errorHandler } from "../src/api/http/errors";
import { accountingRoutes } from "../src/api/routes/accounting";
import { loadEnv } from "../src/config/env";
import { createRepos } from "../src/core/repos";
import { ALL_TABLES } from "../src/core/repos/tables";
import { createServiceDeps } from "../src/core/services/context";
import { createStorage } from "../src/core/storage/connection";
import { startAzurite } from "../dev/azurite";
import { generateFecFile } from "./fec-generate";
import { benchVerifier, setUpClientDossier } from "./lib/bench-firm";
import { startSender } from "./lib/fec-sender";
import { serverNodeFlags } from "./lib/server-node-flags";

const LEGIT = "client-legit";
const HOSTILE = ["client-hostile-1", "client-hostile-2", "client-hostile-3"];
const EXPORTS_PER_HOSTILE = 10;
const READS = Number(process.env.ABUSE_BENCH_READS ?? 40);
const GOALS = { balanceP95Ratio: 3, peakRssMb: 400 };

// ---- The server side (child process) ----

async function serve(): Promise<void> {
  const env = loadEnv({ ...process.env, COMPTOIR_MODE: "local" });
  const limits = { slots: env.HEAVY_WORK_SLOTS, perPerson: env.HEAVY_WORK_PER_PERSON, waitMs: env.HEAVY_WORK_WAIT_MS };
  const storage = createStorage(process.env.COMPTOIR_BENCH_STORAGE ?? "", "abuse");
  await storage.ensureTables(ALL_TABLES);
  const deps = createServiceDeps(createRepos(storage));
  const acc = createAccountingDeps(storage, { heavyWork: limits });
  await acc.store.ensure();
  const clients = [LEGIT, ...HOSTILE];
  const dossierId = await setUpClientDossier(deps, clients);
  const app = express();
  app.use(
    "/api/v1",
    createApiRouter({ verify: benchVerifier(clients), routes: accountingRoutes(deps, acc), maxJsonBytes: 256 * 1024 }),
  );
  app.use(errorHandler);
  const server = app.listen(0, "127.0.0.1", () => {
    process.send?.({ port: (server.address() as AddressInfo).port, dossierId, limits });
  });
  // Why a light read waits: the event loop's longest stalls and the garbage collector's pauses, on request.
  const loop = monitorEventLoopDelay({ resolution: 10 });
  const gc = { count: 0, totalMs: 0, maxMs: 0 };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      gc.count++;
      gc.totalMs += e.duration;
      gc.maxMs = Math.max(gc.maxMs, e.duration);
    }
  }).observe({ entryTypes: ["gc"] });
  // ABUSE_BENCH_CPU_PROFILE=<file>: a V8 CPU profile of the server during (b), for Chrome DevTools.
  const profileFile = process.env.ABUSE_BENCH_CPU_PROFILE;
  const profiler = profileFile ? new Session() : null;
  profiler?.connect();
  const post = (method: string) =>
    new Promise<unknown>((resolve, reject) =>
      profiler?.post(method, (error, result) => (error ? reject(error) : resolve(result))),
    );
  const onStats = async (m: { stats?: "start" | "stop" }) => {
    if (profiler && m.stats === "start") await post("Profiler.enable").then(() => post("Profiler.start"));
    if (profiler && profileFile && m.stats === "stop") {
      const { profile } = (await post("Profiler.stop")) as { profile: unknown };
      writeFileSync(profileFile, JSON.stringify(profile));
    }
    if (m.stats === "start") {
      loop.reset();
      loop.enable();
      Object.assign(gc, { count: 0, totalMs: 0, maxMs: 0 });
    } else if (m.stats === "stop") {
      loop.disable();
      const ms = (ns: number) => ns / 1e6;
      process.send?.({ loop: { p99: ms(loop.percentile(99)), max: ms(loop.max) }, gc: { ...gc } });
    }
  };
  process.on("message", (m: { stats?: "start" | "stop" }) => void onStats(m));
  process.on("disconnect", () => process.exit(0));
}

type ServerStats = { loop: { p99: number; max: number }; gc: { count: number; totalMs: number; maxMs: number } };

function serverStats(child: ChildProcess, what: "start" | "stop"): Promise<ServerStats | null> {
  child.send({ stats: what });
  if (what === "start") return Promise.resolve(null);
  return new Promise((resolve) => child.once("message", (m: ServerStats) => resolve(m)));
}

// ---- The benchmark (parent process) ----

type ServerHandle = {
  child: ChildProcess;
  port: number;
  dossierId: string;
  limits: { slots: number; perPerson: number; waitMs: number };
};

function startServerChild(connectionString: string): Promise<ServerHandle> {
  const { flags, env } = serverNodeFlags();
  const child = spawn(process.execPath, [...flags, "--import", "tsx", fileURLToPath(import.meta.url), "--server"], {
    env: { ...process.env, ...env, COMPTOIR_BENCH_STORAGE: connectionString },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  return new Promise((resolve, reject) => {
    child.once("message", (m: Omit<ServerHandle, "child">) => resolve({ child, ...m }));
    child.once("exit", (code) => reject(new Error(`bench server exited (${code})`)));
  });
}

async function generated(lines: number): Promise<string> {
  const file = join(tmpdir(), `comptoir-bench-fec-${lines}.txt`);
  if (!existsSync(file)) {
    console.log(`Generating ${file}…`);
    await generateFecFile(lines, file);
  }
  return file;
}

function vmRss(pid: number): number {
  try {
    const match = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

type Outcome = { status: number; code: string; ms: number; bytes: number; retryAfter: string | null };

/** One GET as `oid`, its body read to the end as fast as it comes. */
async function get(server: ServerHandle, oid: string, path: string): Promise<Outcome> {
  const started = performance.now();
  const res = await fetch(`http://127.0.0.1:${server.port}/api/v1${path}`, {
    headers: { Authorization: `Bearer ${oid}`, "Accept-Language": "fr" },
  });
  const body = Buffer.from(await res.arrayBuffer());
  let code = "";
  if (!res.ok) code = (JSON.parse(body.toString("utf8")) as { code?: string }).code ?? "";
  return {
    status: res.status,
    code,
    ms: performance.now() - started,
    bytes: body.byteLength,
    retryAfter: res.headers.get("retry-after"),
  };
}

function p95(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)] ?? 0;
}

async function balanceReads(server: ServerHandle): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < READS; i++) {
    const res = await get(server, LEGIT, `/client/societes/${server.dossierId}/accounting/balance`);
    if (res.status !== 200) throw new Error(`balance: ${res.status} ${res.code}`);
    times.push(res.ms);
  }
  return times;
}

async function main(): Promise<void> {
  const file = process.argv[2] ?? (await generated(1_000_000));
  const dir = mkdtempSync(join(tmpdir(), "comptoir-bench-azurite-"));
  const azurite = await startAzurite(dir);
  let server: ServerHandle | null = null;
  const sender = await startSender();
  try {
    server = await startServerChild(azurite.connectionString);
    const pid = server.child.pid ?? 0;
    const { slots, perPerson, waitMs } = server.limits;
    console.log(`Caps: HEAVY_WORK_SLOTS=${slots} HEAVY_WORK_PER_PERSON=${perPerson} HEAVY_WORK_WAIT_MS=${waitMs}`);
    const imported = await sender.post({
      port: server.port,
      dossierId: server.dossierId,
      file,
      exercice: "2024-01-01..2024-12-31",
      fileName: "552100554FEC20241231.txt",
    });
    if (imported.status !== 201) throw new Error(`import refused: ${imported.status} ${imported.body.slice(0, 300)}`);
    console.log(`Imported ${file} in ${imported.seconds.toFixed(1)} s`);

    // (a) The legitimate client alone, after a few warm-up reads.
    for (let i = 0; i < 5; i++) await get(server, LEGIT, `/client/societes/${server.dossierId}/accounting/balance`);
    const alone = await balanceReads(server);
    const rssBefore = vmRss(pid);

    // (b) The same reads during 30 simultaneous exports by the hostile clients.
    await serverStats(server.child, "start");
    let peakRss = rssBefore;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, vmRss(pid))), 100);
    const started = performance.now();
    const exports = HOSTILE.flatMap((oid) =>
      Array.from({ length: EXPORTS_PER_HOSTILE }, () =>
        get(
          server as ServerHandle,
          oid,
          `/client/societes/${server?.dossierId ?? ""}/accounting/export/grand-livre.csv`,
        ),
      ),
    );
    const underLoad = await balanceReads(server);
    const readsDoneAt = performance.now() - started;
    const outcomes = await Promise.all(exports);
    const exportsDoneAt = performance.now() - started;
    clearInterval(sampler);
    const stats = await serverStats(server.child, "stop");
    peakRss = Math.max(peakRss, vmRss(pid));

    const byCode = new Map<string, number>();
    for (const o of outcomes) {
      const key = o.status === 200 ? "200 (served)" : `${o.status} ${o.code} (Retry-After: ${o.retryAfter ?? "none"})`;
      byCode.set(key, (byCode.get(key) ?? 0) + 1);
    }
    const served = outcomes.filter((o) => o.status === 200);
    const refused = outcomes.filter((o) => o.code === "TOO_MANY_REQUESTS" || o.code === "SERVER_BUSY").length;
    const ratio = p95(underLoad) / p95(alone);
    const peakMb = peakRss / 1e6;

    console.log("");
    console.log(`(a) balance alone: p95 ${p95(alone).toFixed(1)} ms over ${READS} reads`);
    console.log(
      `(b) balance during ${outcomes.length} exports: p95 ${p95(underLoad).toFixed(1)} ms over ${READS} reads (done after ${(readsDoneAt / 1000).toFixed(1)} s)`,
    );
    console.log(
      `    exports: ${[...byCode.entries()].map(([k, n]) => `${n} × ${k}`).join(", ")}; all answered after ${(exportsDoneAt / 1000).toFixed(1)} s`,
    );
    if (served.length > 0) {
      const mb = served.reduce((n, o) => n + o.bytes, 0) / served.length / 1e6;
      const slowest = Math.max(...served.map((o) => o.ms)) / 1000;
      console.log(`    a served export: ${mb.toFixed(1)} MB, the slowest in ${slowest.toFixed(1)} s`);
    }
    if (stats)
      console.log(
        `    server event loop during (b): p99 delay ${stats.loop.p99.toFixed(0)} ms, longest ${stats.loop.max.toFixed(0)} ms; GC ${stats.gc.count} pauses, ${stats.gc.totalMs.toFixed(0)} ms in all, longest ${stats.gc.maxMs.toFixed(0)} ms`,
      );
    console.log(
      `    server RSS: ${(rssBefore / 1e6).toFixed(0)} MB before (b), peak ${peakMb.toFixed(0)} MB during (b)`,
    );
    const verdict = (ok: boolean) => (ok ? "met" : "NOT met");
    console.log(
      `Goal balance p95 ratio ≤ ${GOALS.balanceP95Ratio}: ${verdict(ratio <= GOALS.balanceP95Ratio)} (${ratio.toFixed(2)})`,
    );
    console.log(
      `Goal peak RSS ≤ ${GOALS.peakRssMb} MB: ${verdict(peakMb <= GOALS.peakRssMb)} (${peakMb.toFixed(0)} MB)`,
    );
    const unexpected = outcomes.filter(
      (o) => o.status !== 200 && o.code !== "TOO_MANY_REQUESTS" && o.code !== "SERVER_BUSY",
    );
    if (unexpected.length > 0) {
      console.log(`Unexpected answers: ${unexpected.map((o) => `${o.status} ${o.code}`).join(", ")}`);
      process.exitCode = 1;
    }
    console.log(`RESULT balance_p95_ratio=${ratio.toFixed(2)} peak_rss_mb=${peakMb.toFixed(0)} refused=${refused}`);
  } finally {
    server?.child.kill("SIGTERM");
    sender.child.kill("SIGTERM");
    await azurite.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv.includes("--server")) await serve();
else if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
