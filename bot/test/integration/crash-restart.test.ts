import { randomBytes } from "node:crypto";
import type { ChildProcess } from "node:child_process";
import { createReadStream, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { Dossier } from "@comptoir/shared";
import type { FecImport, FecImportList } from "@comptoir/shared/api/accounting";
import { generateFecFile } from "../../bench/fec-generate";
import { freePort, localToken, startAppProcess } from "../../bench/lib/app-process";
import { DEMO_ADMIN } from "../../dev/demo-persons";

const dataDir = mkdtempSync(join(tmpdir(), "comptoir-crash-"));
const running = new Set<ChildProcess>();
const signInSecret = randomBytes(32).toString("base64url");

afterAll(() => {
  for (const child of running) child.kill("SIGKILL");
  rmSync(dataDir, { recursive: true, force: true });
});

/** `npm start`'s backend in local mode (its own Azurite under DATA_DIR), as a process the test may kill. */
async function startLocal(port: number, graphPort: number): Promise<ChildProcess> {
  const { child } = await startAppProcess({
    reuse: { dataDir, port, graphPort },
    env: { LOCAL_SIGNIN_SECRET: signInSecret },
    timeoutMs: 120_000,
  });
  running.add(child);
  child.once("exit", () => running.delete(child));
  return child;
}

const signIn = (url: string) => localToken({ url, signInSecret }, DEMO_ADMIN.oid);

/**
 * POSTs a FEC. With `stallAfter`, sends only that many bytes of it and holds the rest back: the import is
 * then certainly still running when the test kills the server (a whole file imports in well under a second).
 */
function upload(port: number, token: string, dossierId: string, file: string, year: number, stallAfter?: number) {
  const query = new URLSearchParams({
    exercice: `${year}-01-01..${year}-12-31`,
    fileName: `552100554FEC${year}1231.txt`,
  });
  return new Promise<number>((resolve, reject) => {
    const req = request(
      {
        host: "127.0.0.1",
        port,
        method: "POST",
        path: `/api/v1/dossiers/${dossierId}/fec?${query.toString()}`,
        headers: {
          Authorization: `Bearer ${token}`,
          "Content-Type": "application/octet-stream",
          "Content-Length": statSync(file).size,
        },
      },
      (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
      },
    );
    req.on("error", reject);
    const body = createReadStream(file, {
      highWaterMark: 1 << 20,
      end: stallAfter === undefined ? undefined : stallAfter - 1,
    });
    body.pipe(req, { end: stallAfter === undefined });
  });
}

async function imports(url: string, token: string, dossierId: string): Promise<FecImport[]> {
  const res = await fetch(`${url}/api/v1/dossiers/${dossierId}/fec/imports`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as FecImportList).items;
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe("a crash in local mode", () => {
  it("keeps what was committed and shows the interrupted import as aborted after a restart", async () => {
    const small = join(dataDir, "small.txt");
    const big = join(dataDir, "big.txt");
    await generateFecFile(2_000, small, { year: 2023 });
    await generateFecFile(100_000, big, { year: 2024 });
    const [port, graphPort] = [await freePort(), await freePort()];
    const url = `http://127.0.0.1:${port}`;

    const first = await startLocal(port, graphPort);
    let token = await signIn(url);
    const created = await fetch(`${url}/api/v1/dossiers`, {
      method: "POST",
      headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
      body: JSON.stringify({ code: "CRASH1", name: "Dossier du crash" }),
    });
    expect(created.status).toBe(201);
    const dossier = (await created.json()) as Dossier;
    expect(await upload(port, token, dossier.id, small, 2023)).toBe(201);

    // Killed mid-import, Azurite with it (an OOM kill, a killed process tree): no graceful stop of anything.
    void upload(port, token, dossier.id, big, 2024, 2 << 20).catch(() => undefined);
    const interrupted = await until(
      "the big import to start",
      async () => (await imports(url, token, dossier.id)).find((i) => i.status === "importing"),
      30_000,
    );
    // After a heartbeat (every 5 s) and Azurite's next save (every 500 ms): the restart reads the beat back.
    await new Promise((r) => setTimeout(r, 6_000));
    const azuritePid = Number(readFileSync(join(dataDir, "azurite", "azurite.pid"), "utf8"));
    const exited = new Promise((resolve) => first.once("exit", resolve));
    first.kill("SIGKILL");
    process.kill(azuritePid, "SIGKILL");
    await exited;

    const second = await startLocal(port, graphPort);
    token = await signIn(url);
    const again = await fetch(`${url}/api/v1/dossiers/${dossier.id}`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(again.status).toBe(200);
    const history = await imports(url, token, dossier.id);
    expect(history.find((i) => i.exercice.end === "2023-12-31")).toMatchObject({ status: "imported", current: true });
    const aborted = await until(
      "the interrupted import to be aborted",
      async () => {
        const found = (await imports(url, token, dossier.id)).find((i) => i.id === interrupted.id);
        return found?.status === "aborted" ? found : undefined;
      },
      // 30 s after its last beat (one every 5 s), counted from before the restart.
      60_000,
    );
    expect(aborted).toMatchObject({ firstError: "FEC_IMPORT_INTERRUPTED", current: false });

    // SIGTERM stops the server and its Azurite (which saves and frees the folder) within 5 s.
    const stopping = Date.now();
    const stopped = new Promise((resolve) => second.once("exit", resolve));
    second.kill("SIGTERM");
    await stopped;
    await until(
      "Azurite to let go of the folder",
      () => Promise.resolve(existsSync(join(dataDir, "azurite", "azurite.pid")) ? undefined : true),
      5_000,
    );
    expect(Date.now() - stopping).toBeLessThan(5_000);
  }, 300_000);
});
