import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

function freePort(): Promise<number> {
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

/** Starts the app exactly as `npm start` does, on a fresh data folder and a free port. */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const dataDir = mkdtempSync(join(tmpdir(), "comptoir-e2e-"));
  const port = await freePort();
  const graphPort = await freePort();
  const child = spawn(process.execPath, ["scripts/start.mjs"], {
    env: { ...process.env, PORT: String(port), LOCAL_GRAPH_PORT: String(graphPort), DATA_DIR: dataDir },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output: string[] = [];
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The app did not start:\n${output.join("")}`)), 120_000);
    const onData = (chunk: Buffer) => {
      output.push(chunk.toString());
      if (/prêt en/.test(output.join(""))) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.once("exit", (code) => reject(new Error(`The app exited (${code}):\n${output.join("")}`)));
  });
  process.env.E2E_BASE_URL = `http://localhost:${port}`;
  process.env.E2E_MAILBOX_URL = `http://localhost:${graphPort}/dev/mailbox`;
  process.env.E2E_DATA_DIR = dataDir;
  return async () => {
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    await exited;
    rmSync(dataDir, { recursive: true, force: true });
  };
}
