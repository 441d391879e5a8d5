import type { z } from "zod";
import { isStorageUnreachable, OutageTracker } from "../../lib/storage-faults";
import type { JsonQueue, Received } from "./queue";

export type Outcome = { done: true } | { retryInSeconds: number };

export interface WorkerOptions<S extends z.ZodType> {
  name: string;
  queue: JsonQueue<S>;
  handle: (body: z.output<S>, message: Received<z.output<S>>) => Promise<Outcome>;
  /** A permanent failure, or too many attempts: the message is dropped after this runs. */
  giveUp: (body: z.output<S>, error: unknown) => Promise<void>;
  isTransient: (error: unknown) => boolean;
  concurrency: number;
  /** Wait between empty polls. */
  idleMs: number;
  visibilitySeconds: number;
  maxAttempts: number;
  /** How long `stop()` waits for handlers in flight; their messages reappear after `visibilitySeconds`. */
  stopGraceMs?: number;
}

export interface Worker {
  stop(): Promise<void>;
  /** Resolves once the queue was found empty and nothing is in flight (tests and benchmarks). */
  idle(): Promise<void>;
  /** This instance just queued a message: look now rather than after the idle wait (other instances still poll). */
  poke(): void;
}

/**
 * Pulls messages and handles them with bounded concurrency. A message is deleted only after its handler
 * finished, so a crash mid-way leaves it to reappear after `visibilitySeconds` and the work resumes.
 * While storage is unreachable the loop backs off (doubling up to 30 s) and logs the outage's start
 * and end only; a message whose handler met the outage is left to reappear, never given up.
 */
export function startWorker<S extends z.ZodType>(opts: WorkerOptions<S>): Worker {
  let running = true;
  let inFlight = 0;
  let wake: (() => void) | null = null;
  const idleWaiters: (() => void)[] = [];
  const outage = new OutageTracker(opts.name);

  const settle = async (message: Received<z.output<S>>, error: unknown) => {
    if (isStorageUnreachable(error)) {
      outage.failed(error);
      // Back soon if storage still takes the update, else after its visibility timeout.
      await opts.queue.retryLater(message, 5).catch(() => undefined);
      return;
    }
    if (opts.isTransient(error) && message.dequeueCount < opts.maxAttempts) {
      const backoff = Math.min(300, 2 ** message.dequeueCount) * (0.5 + Math.random() / 2);
      await opts.queue.retryLater(message, backoff);
    } else {
      await opts.giveUp(message.body, error);
      await opts.queue.delete(message);
    }
  };

  const process = async (message: Received<z.output<S>>) => {
    try {
      const outcome = await opts.handle(message.body, message);
      if ("done" in outcome) await opts.queue.delete(message);
      else await opts.queue.retryLater(message, outcome.retryInSeconds);
    } catch (error) {
      await settle(message, error);
    }
  };

  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    }).finally(() => {
      wake = null;
    });

  const receive = async (room: number): Promise<Received<z.output<S>>[] | null> => {
    try {
      const batch = await opts.queue.receive(room, opts.visibilitySeconds);
      outage.recovered();
      return batch;
    } catch (e) {
      if (isStorageUnreachable(e)) {
        await pause(outage.failed(e));
        return null;
      }
      console.error(`[${opts.name}] receive failed`, e);
      return [];
    }
  };

  const loop = async () => {
    while (running) {
      const room = opts.concurrency - inFlight;
      const batch = room > 0 ? await receive(room) : [];
      if (batch === null) continue;
      if (batch.length === 0 && inFlight === 0) idleWaiters.splice(0).forEach((w) => w());
      for (const message of batch) {
        inFlight++;
        void process(message)
          .catch((e: unknown) => {
            if (isStorageUnreachable(e)) outage.failed(e);
            else console.error(`[${opts.name}] failed to settle a message`, e);
          })
          .finally(() => {
            inFlight--;
            wake?.();
          });
      }
      if (running && (batch.length === 0 || inFlight >= opts.concurrency))
        await pause(batch.length === 0 ? opts.idleMs : 50);
    }
  };
  const done = loop();

  return {
    async stop() {
      running = false;
      wake?.();
      await done;
      const deadline = Date.now() + (opts.stopGraceMs ?? 2_000);
      while (inFlight > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    },
    idle: () => new Promise<void>((resolve) => idleWaiters.push(resolve)),
    poke: () => wake?.(),
  };
}
