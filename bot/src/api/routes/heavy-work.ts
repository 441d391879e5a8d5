import type { Principal } from "@comptoir/shared";
import type { WorkGate } from "../../lib/work-gate";

/**
 * Runs heavy work holding one of the gate's slots in the caller's name (their token's oid), released when
 * the work settles: for an export, once its last byte is out or once a write finds the client gone.
 */
export async function underGate<T>(gate: WorkGate, principal: Principal, work: () => Promise<T>): Promise<T> {
  const release = await gate.acquire(principal.oid);
  try {
    return await work();
  } finally {
    release();
  }
}

/**
 * Grand livre queries that read every stored line of the candidate accounts instead of the pages the
 * index points at: a search, an auxiliary account, or unlettered lines only.
 */
export function scansLedger(query: { q?: string | undefined; aux?: string | undefined; lettering?: string }): boolean {
  return Boolean(query.q?.trim()) || Boolean(query.aux) || query.lettering === "unlettered";
}

/** Journaux with a search read every écriture of the asked journals. */
export function scansJournals(query: { q?: string | undefined }): boolean {
  return Boolean(query.q?.trim());
}

/** How long heavy work may keep the event loop before letting other requests' callbacks run. */
const TURN_MS = 10;

/**
 * A sink that hands the event loop back every TURN_MS: while a fast client keeps the socket writable,
 * an export never waits on I/O, and without this it would run whole batches of rows in microtasks,
 * holding every other request (a balance read) for seconds.
 */
export function yieldingSink(sink: (chunk: Uint8Array) => Promise<void>): (chunk: Uint8Array) => Promise<void> {
  let turnStarted = performance.now();
  return async (chunk) => {
    await sink(chunk);
    if (performance.now() - turnStarted < TURN_MS) return;
    await new Promise<void>((resolve) => setImmediate(resolve));
    turnStarted = performance.now();
  };
}
