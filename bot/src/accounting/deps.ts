import { FEC_DEFAULT_MAX_BYTES } from "@comptoir/shared/api/accounting";
import type { Storage } from "../core/storage/connection";
import type { ImportHooks } from "./import/import-job";
import { ImportGate } from "./import/import-gate";
import { AccountingStore } from "./store/store";

/** What the accounting slice's services share: its store, the import gate, the upload limit and a logger. */
export type AccountingDeps = {
  store: AccountingStore;
  gate: ImportGate;
  maxUploadBytes: number;
  hooks: ImportHooks;
  log: (message: string, error?: unknown) => void;
};

export type AccountingOptions = {
  /** Upload limit in bytes (FEC_MAX_BYTES); default 300 MB. */
  maxUploadBytes?: number;
  /** Imports running at once on this server (FEC_IMPORT_CONCURRENCY); default 1. */
  concurrentImports?: number;
  /** How long an upload waits for a free import slot before FEC_IMPORT_BUSY. */
  importWaitMs?: number;
  hooks?: ImportHooks;
};

export function createAccountingDeps(storage: Storage, options: AccountingOptions = {}): AccountingDeps {
  return {
    store: AccountingStore.fromStorage(storage),
    gate: new ImportGate(options.concurrentImports ?? 1, options.importWaitMs ?? 30_000),
    maxUploadBytes: options.maxUploadBytes ?? FEC_DEFAULT_MAX_BYTES,
    hooks: options.hooks ?? {},
    log: (message, error) => console.error(`[accounting] ${message}`, error ?? ""),
  };
}
