// `npm run bench:api`: 10,000 dossiers and 30,000 contacts, 20 concurrent clients; each endpoint's latency
// is compared with GET /api/health measured on the same server in the same run.
import autocannon from "autocannon";
import { DEMO_STAFF } from "../dev/demo-persons";
import { localToken, startAppProcess } from "./lib/app-process";

const CONNECTIONS = 20;
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 4000);

interface Stats {
  p50: number;
  p95: number;
  rps: number;
  errors: number;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

/** Runs one endpoint (paths rotate per request) and keeps every response time to compute exact percentiles. */
async function measure(url: string, token: string, paths: string[]): Promise<Stats> {
  const times: number[] = [];
  let errors = 0;
  let i = 0;
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    amount: REQUESTS,
    headers: { authorization: `Bearer ${token}`, "accept-language": "fr" },
    requests: [{ setupRequest: (req) => ({ ...req, path: paths[i++ % paths.length] ?? "/" }) }],
    setupClient: (client) => {
      client.on("response", (status: number, _bytes: number, ms: number) => {
        times.push(ms);
        if (status !== 200) errors++;
      });
    },
  });
  times.sort((a, b) => a - b);
  return {
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    rps: result.requests.average,
    errors: errors + result.errors + result.non2xx,
  };
}

async function main(): Promise<void> {
  console.log("Seeding 10,000 dossiers and 30,000 contacts on a fresh Azurite…");
  const app = await startAppProcess({ env: { SEED_DOSSIERS: "10000", SEED_CONTACTS: "30000" } });
  try {
    console.log(`App ready in ${(app.startupMs / 1000).toFixed(1)} s (seed included)`);
    const token = await localToken(app, DEMO_STAFF.oid);
    const first = await fetch(`${app.url}/api/v1/dossiers?limit=200`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const firstPage = (await first.json()) as { items: { id: string }[]; total: number };
    console.log(`Portfolio: ${firstPage.total} dossiers`);
    if (firstPage.total < 10_000) throw new Error("The seed did not produce 10,000 dossiers");
    const ids = firstPage.items.map((d) => d.id);

    const prefixes = ["boul", "trans", "cabinet", "garage", "pharm", "menuis", "restau", "sarl", "plomb", "électr"];
    const runs: [string, string[]][] = [
      ["health", ["/api/health"]],
      ["list", ["/api/v1/dossiers?limit=50"]],
      ["search", prefixes.map((p) => `/api/v1/dossiers?limit=50&sort=name&q=${encodeURIComponent(p)}`)],
      ["detail", ids.map((id) => `/api/v1/dossiers/${id}`)],
    ];
    const stats: Record<string, Stats> = {};
    for (const [name, paths] of runs) {
      await measure(app.url, token, paths.slice(0, 5)); // warm-up
      stats[name] = await measure(app.url, token, paths);
    }
    const health = stats.health as Stats;
    console.log(`\n${CONNECTIONS} connections, ${REQUESTS} requests each`);
    console.log("endpoint   p50 ms   p95 ms   req/s    errors   p95 / health p95");
    for (const [name, s] of Object.entries(stats)) {
      console.log(
        `${name.padEnd(10)} ${s.p50.toFixed(1).padStart(6)}   ${s.p95.toFixed(1).padStart(6)}   ${s.rps.toFixed(0).padStart(6)}   ${String(s.errors).padStart(6)}   ${(s.p95 / health.p95).toFixed(2)}`,
      );
    }
    const ratio = (name: string) => ((stats[name]?.p95 ?? NaN) / health.p95).toFixed(2);
    const failed = Object.values(stats).reduce((n, s) => n + s.errors, 0);
    if (failed > 0) console.log(`WARNING: ${failed} failed requests`);
    console.log(
      `RESULT list_p95_ratio=${ratio("list")} search_p95_ratio=${ratio("search")} detail_p95_ratio=${ratio("detail")}`,
    );
  } finally {
    await app.stop();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
