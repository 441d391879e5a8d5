// Production entry point, bundled into bot/dist/main.js (`npm run build`) that App Service and `npm start` with
// COMPTOIR_MODE=teams run: Entra ID, Microsoft Graph and the Bot Connector, over the storage account of
// STORAGE_CONNECTION_STRING. Local mode starts from bot/dev/main.ts.
import { resolve } from "node:path";
import { exitOnFailure, readConfig, repoRoot, stopOnSignals } from "./entry";
import { startServer } from "./server";
import { teamsMode } from "./wiring/teams";

exitOnFailure(async () => {
  const env = readConfig();
  if (env.COMPTOIR_MODE !== "teams") {
    console.error("bot/src/main.ts runs teams mode only; local mode starts from bot/dev/main.ts (npm start does it).");
    process.exit(1);
  }
  const started = Date.now();
  const running = await startServer({
    env,
    mode: teamsMode,
    connectionString: env.STORAGE_CONNECTION_STRING,
    tabDist: resolve(repoRoot, "tab/dist"),
  });
  stopOnSignals(() => running.close());
  console.log(`Comptoir (teams) prêt en ${((Date.now() - started) / 1000).toFixed(1)} s : ${running.url}`);
});
