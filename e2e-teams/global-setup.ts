import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { buildServer, startTeamsApp } from "../bot/test/teams/harness";

const root = fileURLToPath(new URL("..", import.meta.url));

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  return readdirSync(path).reduce((max, name) => Math.max(max, newestMtime(join(path, name))), st.mtimeMs);
}

/** The server serves the built tab: build it when a source is newer than the build, as `npm start` does. */
function buildTabIfStale(): void {
  const built = newestMtime(join(root, "tab", "dist", "index.html"));
  const sources = Math.max(
    ...["tab/src", "tab/index.html", "tab/auth-start.html", "tab/auth-end.html", "tab/public", "tab/vite.config.ts"]
      .concat("shared/src")
      .map((p) => newestMtime(join(root, p))),
  );
  if (built >= sources) return;
  const vite = join(root, "node_modules", "vite", "bin", "vite.js");
  const run = spawnSync(process.execPath, [vite, "build", "--logLevel", "warn"], {
    cwd: join(root, "tab"),
    stdio: "inherit",
  });
  if (run.status !== 0) throw new Error(`vite build failed (${run.status ?? run.signal})`);
}

/** Starts the teams-mode server and its stand-ins once for all the browser tests. */
export default async function globalSetup(): Promise<() => Promise<void>> {
  buildTabIfStale();
  buildServer();
  const app = await startTeamsApp();
  process.env.E2E_TEAMS_URL = app.url;
  process.env.E2E_TEAMS_AUTHORITY_HOST = app.entra.host;
  return () => app.close();
}
