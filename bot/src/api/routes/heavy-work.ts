import type { Principal } from "@comptoir/shared";
import { Turns } from "../../lib/turns";
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

/** How long heavy work may keep the event loop before letting other requests' callbacks run. */
const TURN_MS = 5;

/** The clock of one piece of heavy work: its reads and its writes hand the event loop back on it. */
export const heavyWorkTurns = (): Turns => new Turns(TURN_MS);

/**
 * A sink that hands the event loop back every TURN_MS: while a fast client keeps the socket writable,
 * an export never waits on I/O, and without this it would run whole batches of rows in microtasks,
 * holding every other request (a balance read) for seconds.
 */
export function yieldingSink(
  sink: (chunk: Uint8Array) => Promise<void>,
  turns: Turns = heavyWorkTurns(),
): (chunk: Uint8Array) => Promise<void> {
  return async (chunk) => {
    await sink(chunk);
    await turns.pass();
  };
}
