import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { signInLink } from "../../dev/local-idp/signin-link";

const root = fileURLToPath(new URL("../../../", import.meta.url));

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, "127.0.0.1", () => {
      const address = srv.address();
      const port = typeof address === "object" && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
    srv.once("error", reject);
  });
}

/**
 * Collects a server's stdout and stderr and resolves once it prints that it is ready ("prêt en"); rejects when
 * it exits or stays silent past `timeoutMs`. The returned function gives everything printed so far.
 */
export async function untilReady(child: ChildProcess, label: string, timeoutMs: number): Promise<() => string> {
  let output = "";
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${label} did not start:\n${output}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("prêt en")) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`${label} exited (${code}):\n${output}`));
    });
  });
  return () => output;
}

export interface AppProcess {
  url: string;
  /** The local Graph server's dev mailbox. */
  mailboxUrl: string;
  /** The sign-in page's secret for this run (LOCAL_SIGNIN_SECRET: given in `env`, the process's, or random). */
  signInSecret: string;
  /** The link `npm start` prints: opening it lets a browser use the sign-in page. */
  signInUrl: string;
  child: ChildProcess;
  startupMs: number;
  stop(): Promise<void>;
}

export interface AppProcessOptions {
  env?: Record<string, string>;
  /** `start`: exactly as `npm start` (scripts/start.mjs, which builds the tab if needed); `backend`: the server alone. */
  via?: "start" | "backend";
  timeoutMs?: number;
  /**
   * A data folder and ports of the caller's, to start the app again on the same data (a restart after a
   * crash); `stop()` then leaves the folder to the caller.
   */
  reuse?: { dataDir: string; port: number; graphPort: number };
}

/**
 * Runs the app in a process of its own (its own Azurite, a fresh data folder, free ports), as the
 * end-to-end tests and the benchmarks need it; resolves once it printed that it is ready.
 */
export async function startAppProcess(opts: AppProcessOptions = {}): Promise<AppProcess> {
  const { dataDir, port, graphPort } = opts.reuse ?? {
    dataDir: mkdtempSync(join(tmpdir(), "comptoir-app-")),
    port: await freePort(),
    graphPort: await freePort(),
  };
  const started = Date.now();
  const signInSecret =
    opts.env?.LOCAL_SIGNIN_SECRET ?? process.env.LOCAL_SIGNIN_SECRET ?? randomBytes(32).toString("base64url");
  const args =
    opts.via === "start" ? [join(root, "scripts/start.mjs")] : ["--import", "tsx", join(root, "bot/dev/main.ts")];
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      LOCAL_GRAPH_PORT: String(graphPort),
      DATA_DIR: dataDir,
      LOCAL_SIGNIN_SECRET: signInSecret,
      ...opts.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  await untilReady(child, "The app", opts.timeoutMs ?? 300_000);
  return {
    url: `http://localhost:${port}`,
    mailboxUrl: `http://localhost:${graphPort}/dev/mailbox`,
    signInSecret,
    signInUrl: signInLink(`http://localhost:${port}`, signInSecret),
    child,
    startupMs: Date.now() - started,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once("exit", resolve));
        child.kill("SIGTERM");
        await exited;
      }
      if (!opts.reuse) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Signs in through the local sign-in page, as the browser would after opening the printed link (its secret
 * goes as `?key=`), and returns the bearer token.
 */
export async function localToken(app: Pick<AppProcess, "url" | "signInSecret">, oid: string): Promise<string> {
  const { url } = app;
  const res = await fetch(`${url}/local-idp/authorize?key=${encodeURIComponent(app.signInSecret)}`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ oid, redirect_uri: `${url}/`, state: "bench" }).toString(),
  });
  const location = res.headers.get("location") ?? "";
  const token = new URLSearchParams(location.split("#")[1] ?? "").get("access_token");
  if (!token) throw new Error(`No token from the local sign-in (${res.status})`);
  return token;
}
