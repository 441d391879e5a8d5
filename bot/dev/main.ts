// Local mode's entry point (`npm start`): Azurite from node_modules unless STORAGE_CONNECTION_STRING is set, the
// demo firm, the local sign-in and the local Graph server. Production starts from bot/src/main.ts instead.
import { resolve } from "node:path";
import { exitOnFailure, readConfig, repoRoot, stopOnSignals } from "../src/entry";
import { startServer } from "../src/server";
import { startAzurite, type AzuriteHandle } from "./azurite";
import { DEMO_PERSONS } from "./demo-persons";
import { localMode } from "./local-mode";
import { localModeProblems } from "./local-only";

exitOnFailure(async () => {
  const env = readConfig();
  if (env.COMPTOIR_MODE !== "local") {
    console.error("bot/dev/main.ts runs local mode only; teams mode starts from bot/src/main.ts (npm start does it).");
    process.exit(1);
  }
  // Before anything starts: local mode must neither be reachable from the network nor touch real storage.
  const problems = localModeProblems(env);
  if (problems.length > 0) {
    console.error(`Le mode local refuse de démarrer / Local mode refuses to start:\n- ${problems.join("\n- ")}`);
    process.exit(1);
  }
  // A fixed port keeps the links of e-mails already in the dev mailbox working across restarts.
  if (env.LOCAL_GRAPH_PORT === undefined && env.PORT !== 0) env.LOCAL_GRAPH_PORT = env.PORT + 1;
  const started = Date.now();
  let azurite: AzuriteHandle | undefined;
  let connectionString = env.STORAGE_CONNECTION_STRING;
  if (!connectionString) {
    azurite = await startAzurite(resolve(env.DATA_DIR, "azurite"));
    connectionString = azurite.connectionString;
  }
  const running = await startServer({ env, mode: localMode, connectionString, tabDist: resolve(repoRoot, "tab/dist") });
  stopOnSignals(async () => {
    await running.close();
    await azurite?.stop();
  });

  console.log(`Comptoir (local) prêt en ${((Date.now() - started) / 1000).toFixed(1)} s : ${running.url}`);
  console.log(
    `Ouvrez ce lien pour vous connecter (il change à chaque démarrage) : ${running.wiring.signInUrl(running.url)}`,
  );
  console.log("Personnes de démonstration (choisissez-en une sur la page de connexion) :");
  for (const p of DEMO_PERSONS) console.log(`  - ${p.name} — ${p.description} <${p.username}>`);
  console.log(`Boîte aux lettres de développement : ${running.wiring.localGraphUrl}/dev/mailbox`);
  console.log(`Données locales : ${env.DATA_DIR}`);
  // The emulator's well-known development key, not a secret: a second instance can share this storage.
  if (azurite)
    console.log(`Stockage (Azurite), pour une deuxième instance : STORAGE_CONNECTION_STRING="${connectionString}"`);
});
