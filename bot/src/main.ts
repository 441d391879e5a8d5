import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { ConfigError, loadEnv, type Env } from "./config/env";
import { DEMO_PERSONS } from "./local/demo-persons";
import { startAzurite, type AzuriteHandle } from "./local/azurite";
import { startServer } from "./server";

const repoRoot = fileURLToPath(new URL("../../", import.meta.url));

async function main(): Promise<void> {
  const env = readConfig();
  env.DATA_DIR = resolve(repoRoot, env.DATA_DIR);
  // A fixed port keeps the links of e-mails already in the dev mailbox working across restarts.
  if (env.COMPTOIR_MODE === "local" && env.LOCAL_GRAPH_PORT === undefined && env.PORT !== 0)
    env.LOCAL_GRAPH_PORT = env.PORT + 1;
  const started = Date.now();
  let azurite: AzuriteHandle | undefined;
  let connectionString = env.STORAGE_CONNECTION_STRING;
  if (!connectionString) {
    azurite = await startAzurite(resolve(env.DATA_DIR, "azurite"));
    connectionString = azurite.connectionString;
  }
  const running = await startServer({ env, connectionString, tabDist: resolve(repoRoot, "tab/dist") });

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal} : arrêt de Comptoir…`);
    void (async () => {
      await running.close();
      await azurite?.stop();
      process.exit(0);
    })();
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));

  console.log(
    `Comptoir (${env.COMPTOIR_MODE}) prêt en ${((Date.now() - started) / 1000).toFixed(1)} s : ${running.url}`,
  );
  if (env.COMPTOIR_MODE === "local") {
    console.log("Personnes de démonstration (choisissez-en une sur la page de connexion) :");
    for (const p of DEMO_PERSONS) console.log(`  - ${p.name} — ${p.description} <${p.username}>`);
    if (running.localGraphUrl) console.log(`Boîte aux lettres de développement : ${running.localGraphUrl}/dev/mailbox`);
    console.log(`Données locales : ${env.DATA_DIR}`);
  }
}

function readConfig(): Env {
  try {
    return loadEnv(process.env, resolve(repoRoot, "env"));
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      process.exit(1);
    }
    throw e;
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
