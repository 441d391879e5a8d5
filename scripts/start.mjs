// `npm start`: builds the tab when its sources changed, then runs the one backend process: in teams mode
// (production) the bundle bot/dist/main.js, built from bot/src when its sources changed, as App Service runs it;
// in local mode bot/dev/main.ts through tsx (Azurite, the demo firm, the local sign-in and Graph: development
// stand-ins that never ship). `--dev` adds vite's dev server with hot reload, and runs teams mode from its
// TypeScript sources too, restarted on every change.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseEnv } from "node:util";

const root = fileURLToPath(new URL("..", import.meta.url));
const dev = process.argv.includes("--dev");
const children = new Set();

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  return readdirSync(path).reduce((max, name) => Math.max(max, newestMtime(join(path, name))), st.mtimeMs);
}

function run(cmd, args, opts = {}) {
  const child = spawn(cmd, args, { cwd: root, stdio: "inherit", ...opts });
  children.add(child);
  child.on("exit", () => children.delete(child));
  return child;
}

function finished(child) {
  return new Promise((resolve) => child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0))));
}

function stopAll(signal) {
  for (const child of children) child.kill(signal);
}
for (const sig of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(sig, () => stopAll(sig === "SIGHUP" ? "SIGTERM" : sig));

const vite = join(root, "node_modules", "vite", "bin", "vite.js");
if (!dev) {
  const built = newestMtime(join(root, "tab", "dist", "index.html"));
  const sources = Math.max(
    newestMtime(join(root, "tab", "src")),
    newestMtime(join(root, "tab", "index.html")),
    newestMtime(join(root, "tab", "public")),
    newestMtime(join(root, "tab", "vite.config.ts")),
    newestMtime(join(root, "shared", "src")),
  );
  if (built < sources) {
    console.log("Construction de l'onglet (vite build)…");
    const code = await finished(
      run(process.execPath, [vite, "build", "--logLevel", "warn"], { cwd: join(root, "tab") }),
    );
    if (code !== 0) process.exit(code);
  }
}

/** COMPTOIR_MODE as the server will read it (bot/src/config/env.ts): the process, then env/.env.<name>(.user). */
function comptoirMode() {
  if (process.env.COMPTOIR_MODE) return process.env.COMPTOIR_MODE;
  const name = process.env.COMPTOIR_ENV ?? "local";
  let mode = "local";
  for (const file of [`.env.${name}`, `.env.${name}.user`]) {
    const path = join(root, "env", file);
    if (existsSync(path)) mode = parseEnv(readFileSync(path, "utf8")).COMPTOIR_MODE ?? mode;
  }
  return mode;
}

const local = comptoirMode() !== "teams";
const built = !local && !dev;
if (built) {
  const bundle = newestMtime(join(root, "bot", "dist", "main.js"));
  const sources = Math.max(
    newestMtime(join(root, "bot", "src")),
    newestMtime(join(root, "shared", "src")),
    newestMtime(join(root, "scripts", "build-bot.mjs")),
  );
  if (bundle < sources) {
    const code = await finished(run(process.execPath, [join(root, "scripts", "build-bot.mjs")]));
    if (code !== 0) process.exit(code);
  }
}

// The backend's V8 flags and environment, and why, are in bot/server-node-flags.json (bench:fec's server uses them too).
const { flags: serverFlags, env: serverEnv } = JSON.parse(
  readFileSync(join(root, "bot", "server-node-flags.json"), "utf8"),
);
const nodeArgs = built
  ? [...serverFlags, join(root, "bot", "dist", "main.js")]
  : [
      ...serverFlags,
      "--import",
      "tsx",
      ...(dev ? ["--watch", "--watch-preserve-output"] : []),
      local ? join(root, "bot", "dev", "main.ts") : join(root, "bot", "src", "main.ts"),
    ];
// Local mode's sign-in page needs this run's secret (the backend prints the link that carries it). Chosen here
// once, so that `--dev`'s restarts on every change keep the browser's sign-in cookie valid.
const signInSecret = process.env.LOCAL_SIGNIN_SECRET || randomBytes(32).toString("base64url");
const backend = run(process.execPath, nodeArgs, {
  env: { ...process.env, ...serverEnv, ...(local ? { LOCAL_SIGNIN_SECRET: signInSecret } : {}) },
});
if (dev) {
  const vitePort = process.env.VITE_PORT ?? "5173";
  run(process.execPath, [vite, "--strictPort", "--port", vitePort], { cwd: join(root, "tab") });
  if (local)
    console.log(`Onglet avec rechargement à chaud : http://localhost:${vitePort}/local-idp/enter?key=${signInSecret}`);
}
process.exitCode = await finished(backend);
stopAll("SIGTERM");
