import { z } from "zod";
import { isAppError } from "@comptoir/shared";
import { JsonQueue } from "../../jobs/queue/queue";
import { startWorker } from "../../jobs/queue/worker";
import { importDriveFile, sweep, syncDrive, type IntakeDeps, type IntakeJob } from "./service";

const jobSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("drive"), tenantId: z.string(), driveId: z.string() }),
  z.object({
    kind: z.literal("file"),
    tenantId: z.string(),
    dossierId: z.string(),
    driveId: z.string(),
    itemId: z.string(),
    name: z.string(),
  }),
]);

/** Failures worth another attempt: Graph or storage hiccups, a dossier busy with another import. */
const TRANSIENT = new Set(["GRAPH_UNAVAILABLE", "GRAPH_THROTTLED", "FEC_IMPORT_BUSY", "SERVER_BUSY", "CONFLICT"]);
const isTransient = (e: unknown) => !isAppError(e) || TRANSIENT.has(e.code);

export interface IntakeWorker {
  /** What its handlers run with (tests build a second instance's from it). */
  deps: IntakeDeps;
  /** The accounting slice and the intake's table it works with (benchmarks read imports back through them). */
  acc: IntakeDeps["acc"];
  store: IntakeDeps["store"];
  /** Resolves once the sweep made soon after start is over (tests wait for it before dropping files). */
  firstSweep: Promise<void>;
  enqueue(job: IntakeJob): Promise<void>;
  /** Resolves once the queue is empty and nothing is in flight (tests). */
  idle(): Promise<void>;
  sweepNow(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The intake's queue (`<prefix>fecintake`): drive rounds and file imports, taken by any instance, plus a
 * sweep every `sweepSeconds` on each instance (jittered) that catches what a lost notification missed.
 */
export async function startIntakeWorker(
  d: Omit<IntakeDeps, "enqueue">,
  opts: { connectionString: string; queuePrefix: string; sweepSeconds: number; concurrency?: number },
): Promise<IntakeWorker> {
  const queue = await JsonQueue.open(opts.connectionString, `${opts.queuePrefix}fecintake`, jobSchema);
  const enqueue = (job: IntakeJob) => queue.send(job);
  const deps: IntakeDeps = { ...d, enqueue };
  const worker = startWorker({
    name: "fec intake",
    queue,
    concurrency: opts.concurrency ?? 2,
    idleMs: 500,
    // An import of a large file takes minutes: its message stays hidden meanwhile.
    visibilitySeconds: 15 * 60,
    maxAttempts: 8,
    isTransient,
    handle: async (job) => {
      if (job.kind === "drive") await syncDrive(deps, job.tenantId, job.driveId);
      else await importDriveFile(deps, job);
      return { done: true };
    },
    giveUp: (job, error) => {
      d.acc.log(`intake ${job.kind} job given up`, error);
      return Promise.resolve();
    },
  });
  let sweeping: Promise<void> = Promise.resolve();
  const sweepNow = () => (sweeping = sweep(deps).catch((e: unknown) => d.acc.log("intake sweep failed", e)));
  const jitter = () => opts.sweepSeconds * 1000 * (0.75 + Math.random() / 2);
  // A first sweep soon after start: what changed while no instance ran, and subscriptions to renew.
  let firstSwept: () => void = () => undefined;
  const firstSweep = new Promise<void>((ok) => (firstSwept = ok));
  let timer: NodeJS.Timeout = setTimeout(
    function tick() {
      void sweepNow().finally(() => {
        firstSwept();
        timer = setTimeout(tick, jitter());
        timer.unref();
      });
    },
    1_000 + Math.random() * 2_000,
  );
  timer.unref();
  return {
    deps,
    acc: d.acc,
    store: d.store,
    firstSweep,
    enqueue,
    idle: () => worker.idle(),
    sweepNow,
    async stop() {
      clearTimeout(timer);
      firstSwept();
      await sweeping;
      await worker.stop();
    },
  };
}
