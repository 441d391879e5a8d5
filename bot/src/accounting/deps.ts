import { FEC_DEFAULT_MAX_BYTES } from "@comptoir/shared/api/accounting";
import type { Storage } from "../core/storage/connection";
import { BackgroundWork } from "../lib/background-work";
import { WorkGate } from "../lib/work-gate";
import type { ImportHooks } from "./import/import-job";
import { DEFAULT_IMPORT_LEASE_SECONDS, ImportLeases } from "./store/import-lease";
import { AccountingStore, type VersionRef } from "./store/store";

/**
 * What the accounting slice's services share: its store, the two gates of heavy work, the upload limit
 * and a logger. Imports and heavy reads (exports, reads that scan a whole import) go through two gates
 * of the same kind: an import holds far more memory (frames waiting for compression and storage, the
 * aggregates) for minutes, so it gets its own small pool and never takes a read's slot, nor a read one
 * of its.
 */
export type AccountingDeps = {
  store: AccountingStore;
  /** FEC imports on this server: few at a time, one per dossier (FEC_IMPORT_BUSY). */
  imports: WorkGate;
  /** One import per dossier across instances: a blob lease per dossier (FEC_IMPORT_BUSY). */
  importLeases: ImportLeases;
  /** Exports and whole-import scans, per server and per person (TOO_MANY_REQUESTS, SERVER_BUSY). */
  heavyReads: WorkGate;
  maxUploadBytes: number;
  hooks: ImportHooks;
  log: (message: string, error?: unknown) => void;
  /**
   * Queues the build of a stored version's search index (search-index-build.ts) for any instance to run.
   * Unset (a store used on its own: tests, tools), the import builds it before it switches.
   */
  requestSearchIndex?: (v: VersionRef) => Promise<void>;
  /** What an import leaves for after its answer: the cleanup of the versions it replaced. */
  afterwards: BackgroundWork;
  /** Told once an import switched an exercice (the import notices); must return at once. */
  onImported?: (event: ImportedEvent) => void;
};

/** An import that replaced or added an exercice: `exercice` is its closing date. */
export type ImportedEvent = { tenantId: string; dossierId: string; importId: string; exercice: string };

/** The caps of heavy reads: HEAVY_WORK_SLOTS, HEAVY_WORK_PER_PERSON, HEAVY_WORK_WAIT_MS. */
export type HeavyWorkLimits = { slots: number; perPerson: number; waitMs: number };

export const DEFAULT_HEAVY_WORK: HeavyWorkLimits = { slots: 4, perPerson: 2, waitMs: 10_000 };

export type AccountingOptions = {
  /** Upload limit in bytes (FEC_MAX_BYTES); default 300 MB. */
  maxUploadBytes?: number;
  /** Imports running at once on this server (FEC_IMPORT_CONCURRENCY); default 1. */
  concurrentImports?: number;
  /** How long an upload waits for a free import slot before FEC_IMPORT_BUSY. */
  importWaitMs?: number;
  /** How long an import's dossier lease lasts unrenewed (15–60 s): a crashed import blocks its dossier that long. */
  importLeaseSeconds?: number;
  /** Caps of exports and scans; defaults DEFAULT_HEAVY_WORK. */
  heavyWork?: Partial<HeavyWorkLimits>;
  hooks?: ImportHooks;
};

export function createAccountingDeps(storage: Storage, options: AccountingOptions = {}): AccountingDeps {
  const store = AccountingStore.fromStorage(storage);
  const acc: AccountingDeps = {
    store,
    // Only staff import, and the exclusive key keeps a dossier to one import: no share per person, so an
    // upload into another dossier waits for the slot instead of being refused.
    imports: new WorkGate({
      slots: options.concurrentImports ?? 1,
      perPerson: Number.POSITIVE_INFINITY,
      waitMs: options.importWaitMs ?? 30_000,
      exclusiveBusy: "FEC_IMPORT_BUSY",
      busy: "FEC_IMPORT_BUSY",
    }),
    importLeases: new ImportLeases(store.container, options.importLeaseSeconds ?? DEFAULT_IMPORT_LEASE_SECONDS),
    heavyReads: new WorkGate({ ...DEFAULT_HEAVY_WORK, ...options.heavyWork }),
    maxUploadBytes: options.maxUploadBytes ?? FEC_DEFAULT_MAX_BYTES,
    hooks: options.hooks ?? {},
    log: (message, error) => console.error(`[accounting] ${message}`, error ?? ""),
    // Through `acc.log`, which a caller may replace.
    afterwards: new BackgroundWork((message, error) => acc.log(message, error)),
  };
  return acc;
}
