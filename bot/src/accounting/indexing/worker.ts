import { z } from "zod";
import { isAppError } from "@comptoir/shared";
import { JsonQueue } from "../../jobs/queue/queue";
import { startWorker } from "../../jobs/queue/worker";
import type { AccountingDeps } from "../deps";
import { buildBackgroundIndexes } from "../store/background-indexes";
import type { VersionRef } from "../store/store";

const messageSchema = z.object({
  tenantId: z.string(),
  dossierId: z.string(),
  exercice: z.string(),
  importId: z.string(),
});

export interface SearchIndexWorker {
  /** Queues a stored version's index; the message outlives this instance. */
  request(v: VersionRef): Promise<void>;
  /** Resolves once the queue is empty and nothing is in flight (tests and benchmarks). */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The search index queue (`<prefix>searchindex`): each message names an imported version, and any instance
 * builds its search index, then its auxiliaries' grand livre, from the stored lines. One build at a time per
 * instance: it is CPU work, and the imports and views share the cores. A build whose instance dies
 * reappears after the visibility timeout; meanwhile the search scans and an auxiliary's page reads the
 * lines blob, with the same answers.
 */
export async function startSearchIndexWorker(
  acc: Pick<AccountingDeps, "store" | "log">,
  opts: { connectionString: string; queuePrefix: string },
): Promise<SearchIndexWorker> {
  const queue = await JsonQueue.open(opts.connectionString, `${opts.queuePrefix}searchindex`, messageSchema);
  const worker = startWorker({
    name: "search index",
    queue,
    concurrency: 1,
    idleMs: 1_000,
    // A 1,000,000-line import's index takes seconds; a slow machine gets minutes before another takes over.
    visibilitySeconds: 10 * 60,
    maxAttempts: 5,
    // The version's data is immutable: every failure but a refusal of its layout is worth another attempt.
    isTransient: (e) => !isAppError(e),
    handle: async (v) => {
      await buildBackgroundIndexes(acc.store, v);
      return { done: true };
    },
    giveUp: (v, error) => {
      acc.log(
        `search index of import ${v.importId} given up: its journaux are searched by scanning, its auxiliaries read from its lines`,
        error,
      );
      return Promise.resolve();
    },
  });
  return {
    async request(v) {
      await queue.send({ tenantId: v.tenantId, dossierId: v.dossierId, exercice: v.exercice, importId: v.importId });
      worker.poke();
    },
    idle: () => worker.idle(),
    stop: () => worker.stop(),
  };
}
