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

/** Runs `stop` once on SIGINT or SIGTERM, then exits. */
export function stopOnSignals(stop: () => Promise<void>): void {
  let stopping = false;
  const onSignal = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal} : arrêt de Comptoir…`);
    void stop().then(() => process.exit(0));
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
