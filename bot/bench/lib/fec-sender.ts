/**
 * bench:fec's uploading client, a process of its own that stands in for the browser: each IPC message
 * is one POST of a file, answered with its outcome. It imports nothing but Node's own modules, so
 * that its heap stays as small as a real uploader's: it shares the machine's cores with the server
 * during (d), and a heap holding the benchmark's modules cost it three times the CPU (0.22–0.28 s
 * per import instead of 0.07–0.10 s).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createReadStream, statSync } from "node:fs";
import { request } from "node:http";
import { fileURLToPath } from "node:url";

export type SendRequest = { port: number; dossierId: string; file: string; exercice: string; fileName: string };
export type SendResult = { status: number; body: string; seconds: number };
export type Sender = { child: ChildProcess; post(m: SendRequest): Promise<SendResult> };

export function startSender(): Promise<Sender> {
  const child = spawn(process.execPath, ["--import", "tsx", fileURLToPath(import.meta.url)], {
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const post = (m: SendRequest) =>
    new Promise<SendResult>((resolve) => {
      child.once("message", (r: SendResult) => resolve(r));
      child.send(m);
    });
  return new Promise((resolve, reject) => {
    child.once("message", () => resolve({ child, post }));
    child.once("exit", (code) => reject(new Error(`bench sender exited (${code})`)));
  });
}

/** Streams the file to the server as the tab would (one POST, Content-Length set). */
function postFile(m: SendRequest): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const query = new URLSearchParams({ exercice: m.exercice, fileName: m.fileName });
    const req = request(
      {
        host: "127.0.0.1",
        port: m.port,
        method: "POST",
        path: `/api/v1/dossiers/${m.dossierId}/fec?${query.toString()}`,
        headers: {
          Authorization: "Bearer bench",
          "Content-Type": "application/octet-stream",
          "Content-Length": statSync(m.file).size,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }));
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    createReadStream(m.file, { highWaterMark: 1 << 20 }).pipe(req);
  });
}

function serveRequests(): void {
  process.on("message", (m: SendRequest) => {
    const started = performance.now();
    void postFile(m).then(
      (res) => process.send?.({ ...res, seconds: (performance.now() - started) / 1000 } satisfies SendResult),
      (e: unknown) => process.send?.({ status: 0, body: String(e), seconds: 0 } satisfies SendResult),
    );
  });
  process.on("disconnect", () => process.exit(0));
  process.send?.("ready");
}

if (process.send !== undefined && process.argv[1] === fileURLToPath(import.meta.url)) serveRequests();
