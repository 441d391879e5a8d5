import { fileURLToPath } from "node:url";
import { resolve } from "node:path";
import { ConfigError, loadEnv, type Env } from "./config/env";

/** The repository's root: `env/`, `tab/dist` and the data folder are found from it. */
export const repoRoot = fileURLToPath(new URL("../../", import.meta.url));

/** The validated configuration, or every problem printed and exit 1. DATA_DIR is made absolute. */
export function readConfig(): Env {
  try {
    const env = loadEnv(process.env, resolve(repoRoot, "env"));
    env.DATA_DIR = resolve(repoRoot, env.DATA_DIR);
    return env;
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      process.exit(1);
    }
    throw e;
  }
}

/** Past this, a stop that is still waiting (on storage, a handler…) is cut short: Ctrl-C ends within 5 s. */
const STOP_DEADLINE_MS = 4_500;

/** Runs `stop` once on SIGINT or SIGTERM, then exits (after STOP_DEADLINE_MS at the latest). */
export function stopOnSignals(stop: () => Promise<void>): void {
  let stopping = false;
  const onSignal = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal} : arrêt de Comptoir…`);
    setTimeout(() => {
      console.warn(`Arrêt incomplet après ${STOP_DEADLINE_MS / 1000} s : sortie forcée.`);
      process.exit(1);
    }, STOP_DEADLINE_MS).unref();
    stop().then(
      () => process.exit(0),
      (e: unknown) => {
        console.error("Arrêt en erreur :", e);
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", () => onSignal("SIGINT"));
  process.on("SIGTERM", () => onSignal("SIGTERM"));
}

export function exitOnFailure(run: () => Promise<void>): void {
  run().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
