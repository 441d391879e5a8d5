// `npm run bench:table-writes`: why `commit()` (bot/src/core/storage/batch.ts) sends a single operation as a plain
// request rather than a one-operation transaction. On an in-memory Azurite, 16 writers at a time, each form writes
// the same rows (insert, replace under If-Match, upsert); the baseline is the transaction, measured in the same run.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { TableClient, type TableEntity, type TransactionAction } from "@azure/data-tables";
import { startAzurite } from "../dev/azurite";
import { tableClientOptions } from "../src/core/storage/connection";

const ROWS = Number(process.env.BENCH_ROWS ?? 3000);
const WRITERS = 16;
const ROUNDS = 3;
const doc = "x".repeat(500);

type Form = "transaction" | "plain";

/** Milliseconds per operation for `ROWS` writes of one kind, `WRITERS` at a time. */
async function timed(write: (i: number) => Promise<unknown>): Promise<number> {
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: WRITERS }, async () => {
      for (let i = next++; i < ROWS; i = next++) await write(i);
    }),
  );
  return (performance.now() - started) / ROWS;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "comptoir-table-writes-"));
  const azurite = await startAzurite(join(dir, "azurite"), { inMemory: true });
  try {
    const table = TableClient.fromConnectionString(
      azurite.connectionString,
      "benchwrites",
      tableClientOptions(azurite.connectionString),
    );
    await table.createTable();
    const send = async (form: Form, op: TransactionAction): Promise<string> => {
      if (form === "transaction") return (await table.submitTransaction([op])).subResponses[0]?.etag ?? "";
      const [action, entity, mode = "Merge", options] = op;
      if (action === "create") return (await table.createEntity(entity)).etag ?? "";
      if (action === "update") return (await table.updateEntity(entity, mode, options)).etag ?? "";
      if (action === "upsert") return (await table.upsertEntity(entity, mode)).etag ?? "";
      throw new Error(`not measured: ${action}`);
    };
    const totals: Record<Form, number> = { transaction: 0, plain: 0 };
    for (let round = 0; round < ROUNDS; round++) {
      for (const form of ["transaction", "plain"] as const) {
        const row = (i: number): TableEntity => ({ partitionKey: `p${i % 50}`, rowKey: `${form}-${round}-${i}`, doc });
        const etags: string[] = [];
        const insert = await timed(async (i) => {
          etags[i] = await send(form, ["create", row(i)]);
        });
        const replace = await timed((i) =>
          send(form, ["update", { ...row(i), doc: `${doc}!` }, "Replace", { etag: etags[i] ?? "*" }]),
        );
        const upsert = await timed((i) => send(form, ["upsert", row(i), "Replace"]));
        const perOp = (insert + replace + upsert) / 3;
        totals[form] += perOp;
        console.log(
          `round ${round + 1}, ${form.padEnd(11)}: insert ${insert.toFixed(2)} ms, replace ${replace.toFixed(2)} ms, upsert ${upsert.toFixed(2)} ms per write`,
        );
      }
    }
    console.log(`RESULT plain_vs_transaction=${(totals.plain / totals.transaction).toFixed(2)}`);
  } finally {
    await azurite.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
