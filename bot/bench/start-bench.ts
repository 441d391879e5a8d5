// `npm run bench:start`: how long the teams-mode server takes to be ready, and its memory then, when it runs
// through the tsx loader (what `npm start` ran on App Service before) and as the built bundle (what it runs now,
// bot/dist/main.js). Same stand-ins, storage and environment for every start (bot/test/teams/harness.ts); the
// forms alternate so that the machine's load falls on both. `tsx_cold` gives tsx an empty cache, as after an
// App Service restart (its cache lives in the temporary folder, which a new container starts without).
// Time: from the spawn to the "prêt en" line. Memory: VmRSS of /proc/<pid>/status right then.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort } from "./lib/app-process";
import { buildServer, spawnServer, startTeamsApp, type ServerForm } from "../test/teams/harness";

const RUNS = Number(process.env.BENCH_RUNS ?? 7);

interface Variant {
  name: string;
  form: ServerForm;
  /** A fresh temporary folder per start: tsx finds no compiled file in its cache. */
  coldTmp?: boolean;
  nodeOptions?: string;
}
const VARIANTS: Variant[] = [
  { name: "tsx", form: "tsx" },
  { name: "tsx_cold", form: "tsx", coldTmp: true },
  { name: "built", form: "built" },
  // Stack traces on TypeScript lines (bot/dist/main.js.map): what they cost.
  { name: "built_maps", form: "built", nodeOptions: "--enable-source-maps" },
];

/** The resident memory of a process (VmRSS of /proc/<pid>/status), in MB. */
function rssMb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, "utf8")
    .split("\n")
    .find((l) => l.startsWith("VmRSS:"));
  const kb = Number(line?.match(/(\d+)\s*kB/)?.[1]);
  if (!Number.isFinite(kb)) throw new Error(`No VmRSS in /proc/${pid}/status`);
  return kb / 1024;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? NaN) : ((sorted[mid - 1] ?? NaN) + (sorted[mid] ?? NaN)) / 2;
}

interface Sample {
  readyMs: number;
  /** What the server itself counts in its "prêt en" line: from its first statement (code loaded) to listening. */
  ownMs: number;
  rssMb: number;
}

async function startOnce(env: Record<string, string>, variant: Variant): Promise<Sample> {
  const tmp = variant.coldTmp ? mkdtempSync(join(tmpdir(), "comptoir-start-bench-")) : undefined;
  const server = await spawnServer(
    {
      ...env,
      PORT: String(await freePort()),
      ...(tmp ? { TMPDIR: tmp } : {}),
      ...(variant.nodeOptions ? { NODE_OPTIONS: variant.nodeOptions } : {}),
    },
    variant.form,
  );
  try {
    const own = Number(server.output().match(/prêt en ([\d.]+) s/)?.[1]) * 1000;
    return {
      readyMs: server.readyMs,
      ownMs: own,
      rssMb: rssMb(server.pid),
    };
  } finally {
    await server.stop();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  }
}

buildServer();
// The stand-ins and the harness's own server (built, idle meanwhile); each measured start is another instance
// on the same storage, as App Service scaling out would add one.
const app = await startTeamsApp();
const samples = new Map<string, Sample[]>(VARIANTS.map((v) => [v.name, []]));
try {
  // A first start of each, not counted: it fills the OS file cache (and tsx's cache for `tsx`).
  for (const variant of VARIANTS) await startOnce(app.env, variant);
  for (let run = 1; run <= RUNS; run++) {
    const order = run % 2 ? VARIANTS : [...VARIANTS].reverse();
    for (const variant of order) {
      const sample = await startOnce(app.env, variant);
      samples.get(variant.name)?.push(sample);
      console.log(
        `run ${run} ${variant.name.padEnd(10)} ready ${String(sample.readyMs).padStart(5)} ms` +
          ` (server's own ${String(sample.ownMs).padStart(4)} ms)` +
          `  rss ${sample.rssMb.toFixed(1)} MB`,
      );
    }
  }
} finally {
  await app.close();
}

const summary = VARIANTS.map((v) => {
  const s = samples.get(v.name) ?? [];
  return {
    name: v.name,
    readyMs: median(s.map((x) => x.readyMs)),
    ownMs: median(s.map((x) => x.ownMs)),
    rssMb: median(s.map((x) => x.rssMb)),
  };
});
console.log(`\nmedians of ${RUNS} starts (node ${process.version})`);
for (const s of summary)
  console.log(
    `${s.name.padEnd(10)} ready ${Math.round(s.readyMs)} ms (server's own ${Math.round(s.ownMs)} ms)  rss ${s.rssMb.toFixed(1)} MB`,
  );
const by = (name: string) => summary.find((s) => s.name === name) ?? { readyMs: NaN, rssMb: NaN };
console.log(
  `RESULT start_ms_tsx=${Math.round(by("tsx").readyMs)} start_ms_tsx_cold=${Math.round(by("tsx_cold").readyMs)}` +
    ` start_ms_built=${Math.round(by("built").readyMs)} rss_mb_tsx=${by("tsx").rssMb.toFixed(1)}` +
    ` rss_mb_built=${by("built").rssMb.toFixed(1)}`,
);
