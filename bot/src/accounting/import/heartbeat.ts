import type { AccountingStore } from "../store/store";

/** How often a running import says it is alive. */
export const IMPORT_BEAT_MS = 5_000;
/** An "importing" record silent for this long belongs to a server that died (six beats missed; a storage outage that long fails the import anyway). */
export const IMPORT_DEAD_AFTER_MS = 30_000;

/** Whether an "importing" record's owner stopped beating, judged from storage alone (any instance). */
export function importOwnerGone(record: { startedAt: string; heartbeatAt?: string | undefined }, now: number): boolean {
  return now - Date.parse(record.heartbeatAt ?? record.startedAt) > IMPORT_DEAD_AFTER_MS;
}

/**
 * Beats for one running import until `stop()`, which waits for a beat in flight so that the import's
 * final status is always the last write. A failed beat is retried at the next one.
 */
export function startImportHeartbeat(
  store: AccountingStore,
  ref: { tenantId: string; dossierId: string; importId: string },
  now: () => Date,
): { stop(): Promise<void> } {
  let inFlight: Promise<void> = Promise.resolve();
  const timer = setInterval(() => {
    inFlight = store.beatImport(ref.tenantId, ref.dossierId, ref.importId, now()).catch(() => undefined);
  }, IMPORT_BEAT_MS);
  return {
    async stop() {
      clearInterval(timer);
      await inFlight;
    },
  };
}
