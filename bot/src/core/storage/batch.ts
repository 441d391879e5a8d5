import type { TableClient, TableEntity, TransactionAction } from "@azure/data-tables";
import type { ErrorCode } from "@comptoir/shared";
import { mapStorageErrors } from "./errors";

/** Entity group transactions take at most 100 operations, all in one partition. */
export const MAX_BATCH_OPS = 100;

/**
 * Commits the operations atomically and returns the new ETag of each, in order. A duplicate insert
 * (409) becomes `onDuplicate`, a stale If-Match (412) becomes CONFLICT: uniqueness and concurrency
 * are decided by the store, never by a read followed by a write.
 */
export async function commit(
  table: TableClient,
  ops: TransactionAction[],
  onDuplicate: ErrorCode = "CONFLICT",
): Promise<string[]> {
  if (ops.length === 0) return [];
  if (ops.length > MAX_BATCH_OPS) throw new Error(`A transaction holds at most ${MAX_BATCH_OPS} operations`);
  const [only] = ops;
  if (ops.length === 1 && only) return [await mapStorageErrors(() => single(table, only), onDuplicate)];
  const response = await mapStorageErrors(() => table.submitTransaction(ops), onDuplicate);
  return response.subResponses.map((r) => r.etag ?? "");
}

/**
 * One operation as its own request, with the same answers (409, 412, 404) as inside a transaction: the service
 * answers a plain request faster than a one-operation batch (`npm run bench:table-writes`).
 */
async function single(table: TableClient, op: TransactionAction): Promise<string> {
  const [action, entity, mode = "Merge", options] = op;
  switch (action) {
    case "create":
      return (await table.createEntity(entity)).etag ?? "";
    case "delete":
      await table.deleteEntity(entity.partitionKey, entity.rowKey);
      return "";
    case "update":
      return (await table.updateEntity(entity, mode, options)).etag ?? "";
    case "upsert":
      return (await table.upsertEntity(entity, mode)).etag ?? "";
  }
}

export const create = (entity: TableEntity): TransactionAction => ["create", entity];
export const remove = (entity: TableEntity): TransactionAction => ["delete", entity];
/** Replace under If-Match; `etag` "*" replaces whatever is there. */
export const replace = (entity: TableEntity, etag: string): TransactionAction => [
  "update",
  entity,
  "Replace",
  { etag },
];
export const upsert = (entity: TableEntity): TransactionAction => ["upsert", entity, "Replace"];

/**
 * Deletes a row under If-Match together with `alongside` operations. A transaction cannot delete
 * conditionally, so the row first becomes a tombstone under the ETag (readers skip tombstones),
 * then the tombstone is removed; a crash in between leaves only an invisible tombstone.
 */
export async function deleteUnderEtag(
  table: TableClient,
  partitionKey: string,
  rowKey: string,
  etag: string,
  alongside: TransactionAction[] = [],
): Promise<void> {
  await commit(table, [replace({ partitionKey, rowKey, deleted: true }, etag), ...alongside]);
  await mapStorageErrors(() => table.deleteEntity(partitionKey, rowKey));
}
