import { buildAuxLedger } from "./aux-ledger-build";
import { buildSearchIndex } from "./search-index-build";
import type { AccountingStore, VersionRef } from "./store";

/**
 * What is built from an import's stored lines after it, by the queue job (indexing/worker.ts) or, for a
 * store used without a queue, by the import itself: the search index, which searches wait for, then
 * the auxiliaries' grand livre. Each build ends at once when its output is present.
 */
export async function buildBackgroundIndexes(store: AccountingStore, v: VersionRef): Promise<void> {
  if ((await buildSearchIndex(store, v)) !== "gone") await buildAuxLedger(store, v);
}
