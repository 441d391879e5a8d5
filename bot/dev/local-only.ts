import type { LocalEnv } from "../src/config/env";
import { isLoopbackName, isLoopbackUrl } from "../src/api/http/loopback-only";

/**
 * Local mode trusts this machine: its sign-in page hands out any demo person's token and its bot endpoint is
 * anonymous. So it refuses to start where it would reach, or be reached from, anything else. Each problem says
 * why and what to do instead; an empty list means it may start.
 */
export function localModeProblems(
  env: Pick<LocalEnv, "HOST" | "STORAGE_CONNECTION_STRING" | "LOCAL_BOT_SERVICE_URL">,
): string[] {
  const problems: string[] = [];
  if (!isLoopbackName(env.HOST))
    problems.push(
      `HOST=${env.HOST} : le mode local n'écoute que sur cette machine (127.0.0.1, ::1 ou localhost), car sa page de ` +
        "connexion délivre le jeton de n'importe quelle personne de démonstration. Pour un accès depuis le réseau, " +
        "déployez en mode teams (COMPTOIR_MODE=teams) ; un tunnel ou une redirection de port n'est pas pris en charge " +
        "en mode local. / Local mode listens on this machine only: deploy in teams mode for network access; a tunnel " +
        "or port forwarding is not supported in local mode.",
    );
  const storage = env.STORAGE_CONNECTION_STRING;
  if (storage && !isEmulatorConnectionString(storage))
    problems.push(
      "STORAGE_CONNECTION_STRING : le mode local n'utilise que l'émulateur Azurite de cette machine " +
        "(UseDevelopmentStorage=true, ou des points de terminaison Blob, Queue et Table en localhost), jamais un " +
        "compte de stockage réel. Retirez la variable pour que npm start lance Azurite, ou utilisez le mode teams. / " +
        "Local mode only uses an Azurite emulator on this machine, never a real storage account.",
    );
  if (!isLoopbackUrl(env.LOCAL_BOT_SERVICE_URL))
    problems.push(
      `LOCAL_BOT_SERVICE_URL=${env.LOCAL_BOT_SERVICE_URL} : le bot local ne répond qu'à un connecteur de cette ` +
        "machine (l'Agents Playground, http://localhost:56150). / The local bot only answers a connector on this machine.",
    );
  return problems;
}

const ENDPOINT_KEYS = ["blobendpoint", "queueendpoint", "tableendpoint"] as const;

/**
 * Azurite on this machine: `UseDevelopmentStorage=true` (its proxy, if any, local too), or explicit Blob, Queue
 * and Table endpoints that are all loopback. A missing endpoint would be derived from the account name, i.e. Azure.
 */
export function isEmulatorConnectionString(connectionString: string): boolean {
  const settings = new Map<string, string>();
  for (const part of connectionString.split(";")) {
    const at = part.indexOf("=");
    if (at > 0) settings.set(part.slice(0, at).trim().toLowerCase(), part.slice(at + 1).trim());
  }
  const urls = [...settings].filter(([key]) => key.endsWith("endpoint") || key === "developmentstorageproxyuri");
  if (!urls.every(([, value]) => isLoopbackUrl(value))) return false;
  if (settings.get("usedevelopmentstorage")?.toLowerCase() === "true") return true;
  return ENDPOINT_KEYS.every((key) => settings.has(key));
}
