// Runs Azurite in this process and ties its life to the parent's: when our stdin closes (the parent exited,
// even by SIGKILL), Azurite is shut down gracefully, so no orphan survives and nothing it holds is lost.
//
// Azurite keeps its table and queue databases in LokiJS, in memory, and writes them to disk on a fixed
// 5 s autosave and on a graceful close. Anything that ends Azurite otherwise (SIGKILL of the process
// tree, an OOM kill, a second signal while it closes) lost what was written since the last save: right
// after the demo seed that was every table. So (1) saves come every SAVE_MS, (2) a stop is always
// Azurite's own graceful close, which writes the databases, and only if that hangs for STOP_GRACE_MS is
// the process ended; (3) repeated signals never kill it mid-save; (4) a restart waits for the previous
// Azurite of the same folder to finish its last save (two on one folder overwrite each other's files).
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";

const SAVE_MS = 500;
const STOP_GRACE_MS = 10_000;

const [azuriteJs, ...args] = process.argv.slice(2);
const require = createRequire(azuriteJs);

const location = args.includes("--location") ? args[args.indexOf("--location") + 1] : undefined;
if (location) await takeFolder(join(location, "azurite.pid"));

async function takeFolder(pidFile) {
  const alive = (pid) => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  let previous = NaN;
  try {
    previous = Number(readFileSync(pidFile, "utf8"));
  } catch {
    // No previous Azurite on this folder.
  }
  const deadline = Date.now() + STOP_GRACE_MS + 1_000;
  while (previous > 0 && previous !== process.pid && alive(previous) && Date.now() < deadline)
    await new Promise((resolve) => setTimeout(resolve, 100));
  writeFileSync(pidFile, String(process.pid));
  process.on("exit", () => {
    if (readFileSync(pidFile, "utf8") === String(process.pid)) rmSync(pidFile, { force: true });
  });
}

// Azurite creates its Loki databases with `autosaveInterval: 5000` and no option to change it.
const lokiPath = require.resolve("lokijs");
const Loki = require(lokiPath);
class PromptlySavedLoki extends Loki {
  constructor(name, options) {
    super(name, options?.autosave ? { ...options, autosaveInterval: SAVE_MS } : options);
  }
}
const cached = require.cache[lokiPath];
if (cached) cached.exports = PromptlySavedLoki;

// Our parent may be gone: writing to its pipe must not crash Azurite while it saves.
for (const stream of [process.stdout, process.stderr]) stream.on("error", () => undefined);

let listening = false;
let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  // Before Azurite listens it holds no data and has no signal handler yet.
  if (!listening) process.exit(0);
  setTimeout(() => process.exit(1), STOP_GRACE_MS).unref();
  requestShutdown();
};
// Azurite's own shutdown closes its servers and saves its databases; the process then ends by itself. Its
// handler is registered just after it listens.
const requestShutdown = () => {
  if (process.listenerCount("message") > 0) process.emit("message", "shutdown");
  else setTimeout(requestShutdown, 50);
};
process.stdin.on("end", stop);
process.stdin.on("error", stop);
process.stdin.resume();
// Kept for the process's whole life: a signal without a listener would end it at once, mid-save.
for (const sig of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(sig, stop);
// Azurite's own one-shot signal handlers would start a second shutdown (and print its failure) when a
// SIGINT and a SIGTERM both arrive, as on Ctrl-C: every stop goes through `stop` instead.
const once = process.once.bind(process);
process.once = (event, listener) => (event === "SIGINT" || event === "SIGTERM" ? process : once(event, listener));

const log = console.log.bind(console);
console.log = (...parts) => {
  if (String(parts[0]).startsWith("Azurite Table service is successfully listening")) listening = true;
  log(...parts);
};
process.argv = [process.argv[0] ?? "node", azuriteJs, ...args];
require(azuriteJs);
