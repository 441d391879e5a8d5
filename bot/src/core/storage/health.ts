import { TableServiceClient } from "@azure/data-tables";
import { tableClientOptions } from "./connection";

export interface StorageProbe {
  /** Whether storage answered a cheap call lately; at most one call per `cacheMs`, however often asked. */
  reachable(): Promise<boolean>;
}

/**
 * Readiness for `/api/health`: the table service's properties, one try within `timeoutMs`. The answer is
 * shared for `cacheMs` so that health checks (App Service, several instances) cannot hammer storage.
 */
export function createStorageProbe(
  connectionString: string,
  opts: { timeoutMs?: number; cacheMs?: number; now?: () => number } = {},
): StorageProbe {
  const timeoutMs = opts.timeoutMs ?? 2_000;
  const cacheMs = opts.cacheMs ?? 1_000;
  const now = opts.now ?? Date.now;
  const client = TableServiceClient.fromConnectionString(connectionString, {
    ...tableClientOptions(connectionString),
    retryOptions: { maxRetries: 0 },
  });
  let last: { at: number; ok: boolean } | null = null;
  let pending: Promise<boolean> | null = null;
  const probe = async () => {
    try {
      await client.getProperties({ abortSignal: AbortSignal.timeout(timeoutMs) });
      return true;
    } catch {
      return false;
    }
  };
  return {
    reachable() {
      if (last && now() - last.at < cacheMs) return Promise.resolve(last.ok);
      pending ??= probe().then((ok) => {
        last = { at: now(), ok };
        pending = null;
        return ok;
      });
      return pending;
    },
  };
}
