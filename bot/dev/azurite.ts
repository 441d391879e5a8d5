import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { createInterface } from "node:readline";

/** Azurite's well-known development account: public by design, never a real secret. */
export const AZURITE_ACCOUNT = "devstoreaccount1";
export const AZURITE_KEY = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

export interface AzuriteHandle {
  connectionString: string;
  ports: { blob: number; queue: number; table: number };
  /** The guard process (Azurite itself is its child). */
  pid: number | undefined;
  stop(): Promise<void>;
}

export function azuriteConnectionString(ports: { blob: number; queue: number; table: number }): string {
  const base = (port: number) => `http://127.0.0.1:${port}/${AZURITE_ACCOUNT}`;
  return [
    "DefaultEndpointsProtocol=http",
    `AccountName=${AZURITE_ACCOUNT}`,
    `AccountKey=${AZURITE_KEY}`,
    `BlobEndpoint=${base(ports.blob)}`,
    `QueueEndpoint=${base(ports.queue)}`,
    `TableEndpoint=${base(ports.table)}`,
  ].join(";");
}

const LISTENING = /Azurite (Blob|Queue|Table) service is successfully listening at http:\/\/[^:]+:(\d+)/;

/**
 * Starts Azurite from node_modules on ports the OS picks (so several instances can run side by side), or
 * on given ones (a restart that running clients must find again), keeping its data under `location`, and
 * resolves once all three services listen.
 */
export async function startAzurite(
  location: string,
  opts: { inMemory?: boolean; timeoutMs?: number; ports?: AzuriteHandle["ports"] } = {},
): Promise<AzuriteHandle> {
  mkdirSync(location, { recursive: true });
  const require = createRequire(import.meta.url);
  const azuriteJs = require.resolve("azurite/dist/src/azurite.js");
  const guard = fileURLToPath(new URL("./azurite-guard.mjs", import.meta.url));
  const args = [
    guard,
    azuriteJs,
    // Azurite refuses a location with in-memory persistence; it still needs a writable cwd for its debug files.
    ...(opts.inMemory ? [] : ["--location", location]),
    "--blobPort",
    String(opts.ports?.blob ?? 0),
    "--queuePort",
    String(opts.ports?.queue ?? 0),
    "--tablePort",
    String(opts.ports?.table ?? 0),
    "--skipApiVersionCheck",
    "--disableTelemetry",
    "--loose",
    ...(opts.inMemory ? ["--inMemoryPersistence"] : []),
  ];
  const child = spawn(process.execPath, args, { stdio: ["pipe", "pipe", "pipe"], cwd: location });
  const ports = await waitForPorts(child, opts.timeoutMs ?? 30_000);
  return {
    connectionString: azuriteConnectionString(ports),
    ports,
    pid: child.pid,
    stop: () => stopChild(child),
  };
}

function waitForPorts(child: ChildProcess, timeoutMs: number): Promise<AzuriteHandle["ports"]> {
  return new Promise((resolve, reject) => {
    const found: Partial<Record<"blob" | "queue" | "table", number>> = {};
    const output: string[] = [];
    const timer = setTimeout(() => fail(new Error(`Azurite did not start within ${timeoutMs} ms`)), timeoutMs);
    const fail = (err: Error) => {
      clearTimeout(timer);
      child.kill("SIGTERM");
      reject(new Error(`${err.message}\n${output.slice(-20).join("\n")}`));
    };
    for (const stream of [child.stdout, child.stderr]) {
      if (!stream) continue;
      createInterface({ input: stream }).on("line", (line) => {
        output.push(line);
        const match = LISTENING.exec(line);
        if (!match) return;
        const service = match[1]?.toLowerCase() as "blob" | "queue" | "table";
        found[service] = Number(match[2]);
        if (found.blob && found.queue && found.table) {
          clearTimeout(timer);
          resolve({ blob: found.blob, queue: found.queue, table: found.table });
        }
      });
    }
    child.once("exit", (code) => fail(new Error(`Azurite exited early (code ${code})`)));
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    // The guard saves and exits on its own well within this; a hung one must not hold up a Ctrl-C.
    const force = setTimeout(() => child.kill("SIGKILL"), 4_000);
    child.once("exit", () => {
      clearTimeout(force);
      resolve();
    });
    child.stdin?.end();
    child.kill("SIGTERM");
  });
}
