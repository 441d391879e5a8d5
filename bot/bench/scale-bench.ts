// `npm run bench:scale`: two app processes on one Azurite, 10,000 dossiers. One writer creates a dossier every
// 200 ms, alternating instances, and each new dossier is searched for on the *other* instance until it shows
// (visible_p99_ms). Meanwhile 20 clients spread over both instances cycle through /api/health (the baseline,
// measured at the same moments), the Portefeuille list and its search. Last, services are proposed to contacts
// through both instances and the invitation stage is timed against the local Graph throttle's minimum.
// `duplicates`: invitations beyond one per address; `lost`: proposals whose contact never got a guest, plus
// dossiers the other instance never showed.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startAzurite } from "../dev/azurite";
import { DEMO_STAFF } from "../dev/demo-persons";
import { localToken, startAppProcess, type AppProcess } from "./lib/app-process";

const DOSSIERS = Number(process.env.BENCH_DOSSIERS ?? 10_000);
const INVITES = Number(process.env.BENCH_INVITES ?? 1_000);
const PHASE_MS = Number(process.env.BENCH_PHASE_MS ?? 30_000);
const CLIENTS = 20;
const WRITE_EVERY_MS = 200;
const WATCH_EVERY_MS = 25;
const INVITE_LIMIT = 150;
const INVITE_WINDOW_S = 5;
const SEARCHES = ["boul", "trans", "cabinet", "garage", "pharm", "menuis", "restau", "sarl", "plomb", "électr"];

interface Instance {
  name: string;
  url: string;
  graphUrl: string;
  token: string;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

async function api(on: Instance, method: string, path: string, body?: unknown, etag?: string | null) {
  const headers: Record<string, string> = { authorization: `Bearer ${on.token}` };
  if (body !== undefined) headers["content-type"] = "application/json";
  if (etag) headers["if-match"] = etag;
  const res = await fetch(`${on.url}/api/v1${path}`, {
    method,
    headers,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, etag: res.headers.get("etag"), body: (text ? JSON.parse(text) : null) as unknown };
}

async function instance(name: string, app: AppProcess): Promise<Instance> {
  const token = await localToken(app, DEMO_STAFF.oid);
  return { name, url: app.url, graphUrl: app.mailboxUrl.replace(/\/dev\/mailbox$/, ""), token };
}

/** Runs `work` with at most `limit` in flight. */
async function pool<T>(items: readonly T[], limit: number, work: (item: T, i: number) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      for (let i = next++; i < items.length; i = next++) await work(items[i] as T, i);
    }),
  );
}

type Endpoint = "health" | "list" | "search";
const ENDPOINTS: readonly Endpoint[] = ["health", "list", "search"];

function pathOf(endpoint: Endpoint, n: number): string {
  if (endpoint === "health") return "/api/health";
  if (endpoint === "list") return `/api/v1/dossiers?limit=50&sort=${n % 2 ? "name" : "code"}`;
  return `/api/v1/dossiers?limit=50&sort=name&q=${encodeURIComponent(SEARCHES[n % SEARCHES.length] ?? "")}`;
}

/**
 * `CLIENTS` loops spread over both instances for `PHASE_MS`, each cycling health → list → search, so that the
 * baseline and the endpoints share the same moments (the machine's other load included).
 */
async function measure(instances: Instance[]) {
  const times: Record<Endpoint, number[]> = { health: [], list: [], search: [] };
  let errors = 0;
  const end = Date.now() + PHASE_MS;
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_, client) => {
      const on = instances[client % instances.length] as Instance;
      for (let n = client; Date.now() < end; n++) {
        const endpoint = ENDPOINTS[n % ENDPOINTS.length] as Endpoint;
        const headers = endpoint === "health" ? undefined : { authorization: `Bearer ${on.token}` };
        const started = performance.now();
        const res = await fetch(`${on.url}${pathOf(endpoint, Math.floor(n / ENDPOINTS.length))}`, { headers });
        await res.arrayBuffer();
        times[endpoint].push(performance.now() - started);
        if (res.status !== 200) errors++;
      }
    }),
  );
  const stats = (t: number[]) => ({ p50: percentile(t, 50), p95: percentile(t, 95), count: t.length });
  return { health: stats(times.health), list: stats(times.list), search: stats(times.search), errors };
}

/** Creates a dossier every 200 ms on alternate instances and times until the other one finds it by search. */
function startWriter(instances: [Instance, Instance]) {
  const visible: number[] = [];
  let unseen = 0;
  let failed = 0;
  let running = true;
  const watchers: Promise<void>[] = [];
  const watch = async (on: Instance, code: string, since: number) => {
    const deadline = since + 30_000;
    while (Date.now() < deadline) {
      const res = await api(on, "GET", `/dossiers?limit=5&q=${code.toLowerCase()}`);
      const items = (res.body as { items?: { code: string }[] } | null)?.items ?? [];
      if (items.some((d) => d.code === code)) {
        visible.push(Date.now() - since);
        return;
      }
      await sleep(WATCH_EVERY_MS);
    }
    unseen++;
  };
  const done = (async () => {
    for (let n = 0; running; n++) {
      const tick = Date.now();
      const [writeOn, readOn] = n % 2 === 0 ? instances : ([instances[1], instances[0]] as const);
      const code = `SB${Date.now().toString(36).toUpperCase()}${n}`;
      const res = await api(writeOn, "POST", "/dossiers", { code, name: `Scalebench ${code}` });
      if (res.status === 201) watchers.push(watch(readOn, code, Date.now()));
      else failed++;
      await sleep(Math.max(0, WRITE_EVERY_MS - (Date.now() - tick)));
    }
  })();
  return {
    async stop() {
      running = false;
      await done;
      await Promise.all(watchers);
      return { visible, unseen, failed };
    },
  };
}

async function graphStats(on: Instance): Promise<Record<string, number>> {
  const stats = (await (await fetch(`${on.graphUrl}/_control/stats`)).json()) as {
    invitationsByEmail: Record<string, number>;
  };
  return stats.invitationsByEmail;
}

/** Proposes a service to `INVITES` seeded contacts through both instances and times the invitation stage. */
async function inviteStage(instances: [Instance, Instance]) {
  const [a] = instances;
  const dossierIds: string[] = [];
  for (let cursor: string | null = null; dossierIds.length < INVITES;) {
    const page = (await api(a, "GET", `/dossiers?limit=200&sort=code${cursor ? `&cursor=${cursor}` : ""}`)).body as {
      items: { id: string; consultationActive: boolean; code: string }[];
      cursor: string | null;
    };
    for (const d of page.items) if (!d.consultationActive && /^\d+$/.test(d.code)) dossierIds.push(d.id);
    if (!page.cursor) break;
    cursor = page.cursor;
  }
  const pairs = dossierIds.slice(0, INVITES).map((dossierId, i) => ({ dossierId, contactId: `seed-contact-${i}` }));
  await pool(pairs, 10, async ({ dossierId, contactId }, i) => {
    const on = instances[i % 2] as Instance;
    const current = await api(on, "GET", `/dossiers/${dossierId}`);
    const offer = await api(on, "PUT", `/dossiers/${dossierId}/offers/consultation`, { active: true }, current.etag);
    const link = await api(on, "POST", `/contacts/${contactId}/dossiers`, { dossierId });
    if (offer.status !== 200 || link.status !== 201) throw new Error(`Set-up failed: ${offer.status} ${link.status}`);
  });
  await Promise.all(instances.map((on) => fetch(`${on.graphUrl}/_control/stats`, { method: "DELETE" })));

  const started = Date.now();
  await pool(pairs, CLIENTS, async ({ dossierId, contactId }, i) => {
    const on = instances[i % 2] as Instance;
    const res = await api(on, "POST", `/contacts/${contactId}/dossiers/${dossierId}/services`, {
      serviceId: "consultation",
    });
    if (res.status !== 201) throw new Error(`Proposal failed: ${res.status} ${JSON.stringify(res.body)}`);
  });
  const proposedIn = (Date.now() - started) / 1000;
  // Both local Graph servers keep the tenant's invitations in the one storage: either answers for both.
  const invitedEmails = async () => Object.keys(await graphStats(a)).length;
  const deadline = started + 10 * 60_000;
  const timeline: string[] = [];
  for (let n = 0, tick = 0; Date.now() < deadline && (n = await invitedEmails()) < pairs.length; await sleep(200))
    if (++tick % 10 === 0) timeline.push(`${((Date.now() - started) / 1000).toFixed(0)} s: ${n}`);
  console.log(`Proposals answered in ${proposedIn.toFixed(1)} s; invited over time: ${timeline.join(", ")}`);
  const elapsed = (Date.now() - started) / 1000;

  // Binding follows each invitation within milliseconds; stragglers get a few seconds before counting losses.
  let bound = 0;
  for (let round = 0; round < 10; round++) {
    bound = 0;
    await pool(pairs, 10, async ({ contactId }) => {
      const res = await api(a, "GET", `/contacts/${contactId}`);
      if ((res.body as { contact?: { guest: unknown } } | null)?.contact?.guest) bound++;
    });
    if (bound === pairs.length) break;
    await sleep(1000);
  }
  let duplicates = 0;
  for (const n of Object.values(await graphStats(a))) duplicates += Math.max(0, n - 1);
  const minimum = Math.floor((pairs.length - 1) / INVITE_LIMIT) * INVITE_WINDOW_S;
  return { elapsed, minimum, duplicates, lost: pairs.length - bound, count: pairs.length };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "comptoir-scale-bench-"));
  const azurite = await startAzurite(join(dir, "azurite"), { inMemory: true });
  const common = { STORAGE_CONNECTION_STRING: azurite.connectionString, SEND_INVITATION_MESSAGE: "false" };
  const apps: AppProcess[] = [];
  try {
    console.log(`Seeding ${DOSSIERS} dossiers through instance A…`);
    apps.push(
      await startAppProcess({
        env: { ...common, SEED_DOSSIERS: String(DOSSIERS), SEED_CONTACTS: String(INVITES) },
      }),
    );
    apps.push(await startAppProcess({ env: { ...common, SEED_DEMO: "false" } }));
    const instances = [await instance("A", apps[0] as AppProcess), await instance("B", apps[1] as AppProcess)] as [
      Instance,
      Instance,
    ];
    for (const on of instances) {
      const page = (await api(on, "GET", "/dossiers?limit=1")).body as { total: number };
      console.log(`Instance ${on.name}: ${page.total} dossiers`);
      if (page.total < DOSSIERS) throw new Error(`Instance ${on.name} sees ${page.total} dossiers`);
    }

    const writer = startWriter(instances);
    const { errors, ...stats } = await measure(instances);
    const { health, list, search } = stats;
    const writes = await writer.stop();
    console.log(
      `\n${CLIENTS} clients over 2 instances, ${PHASE_MS / 1000} s cycling health, list and search, a write every ${WRITE_EVERY_MS} ms`,
    );
    console.log("endpoint   p50 ms   p95 ms   requests   p95 / health p95");
    for (const [name, s] of Object.entries(stats))
      console.log(
        `${name.padEnd(10)} ${s.p50.toFixed(1).padStart(6)}   ${s.p95.toFixed(1).padStart(6)}   ${String(s.count).padStart(8)}   ${(s.p95 / health.p95).toFixed(2)}`,
      );
    console.log(
      `Writes: ${writes.visible.length} seen on the other instance (p50 ${percentile(writes.visible, 50)} ms, p99 ${percentile(writes.visible, 99)} ms, max ${Math.max(...writes.visible)} ms), ${writes.unseen} never seen, ${writes.failed} failed`,
    );

    const invites = await inviteStage(instances);
    console.log(
      `Invitation stage: ${invites.elapsed.toFixed(1)} s for ${invites.count - invites.lost}/${invites.count} guests; throttle minimum ${invites.minimum} s`,
    );
    const failures = errors + writes.failed;
    if (failures > 0) console.log(`WARNING: ${failures} failed requests`);
    console.log(
      `RESULT visible_p99_ms=${percentile(writes.visible, 99)} list_p95_ratio=${(list.p95 / health.p95).toFixed(2)} search_p95_ratio=${(search.p95 / health.p95).toFixed(2)} invite_time_vs_min=${(invites.elapsed / invites.minimum).toFixed(2)} duplicates=${invites.duplicates} lost=${invites.lost + writes.unseen}`,
    );
  } finally {
    for (const app of apps.reverse()) await app.stop();
    await azurite.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
