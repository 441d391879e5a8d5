import type { TableClient } from "@azure/data-tables";
import { statusOf } from "./errors";

/**
 * Deletes rows one by one, a row already gone (404) counting as done: an erasure or a retention run
 * that stopped half-way, or runs on two instances at once, completes on the next run. Returns how
 * many rows this call deleted.
 */
export async function deleteRows(
  table: TableClient,
  partitionKey: string,
  rowKeys: readonly string[],
): Promise<number> {
  let deleted = 0;
  for (const rowKey of rowKeys) {
    try {
      await table.deleteEntity(partitionKey, rowKey);
      deleted++;
    } catch (e) {
      if (statusOf(e) !== 404) throw e;
    }
  }
  return deleted;
}
