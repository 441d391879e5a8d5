import type { TableClient } from "@azure/data-tables";
import type { z } from "zod";
import { fromDocument, type Versioned } from "./document";
import { statusOf } from "./errors";
import { partitionPrefixFilter } from "./keys";

/** A point read of a document row; a missing row or a delete tombstone is `null`. */
export async function getDocument<S extends z.ZodType>(
  table: TableClient,
  schema: S,
  partitionKey: string,
  rowKey: string,
): Promise<Versioned<z.output<S>> | null> {
  try {
    const entity = await table.getEntity<Record<string, unknown>>(partitionKey, rowKey);
    if (entity.deleted === true) return null;
    return fromDocument(schema, entity);
  } catch (e) {
    if (statusOf(e) === 404) return null;
    throw e;
  }
}

/** A point read of a small index row's column. */
export async function getIndexValue(
  table: TableClient,
  partitionKey: string,
  rowKey: string,
  column: string,
): Promise<string | null> {
  try {
    const row = await table.getEntity<Record<string, unknown>>(partitionKey, rowKey);
    const value = row[column];
    return typeof value === "string" ? value : null;
  } catch (e) {
    if (statusOf(e) === 404) return null;
    throw e;
  }
}

/**
 * Every document row of a partition under a RowKey prefix, skipping tombstones; `where` narrows them on flat columns,
 * and `pageSize` caps each answer (a caller that stops early then reads no more than it takes).
 */
export async function* listDocuments<S extends z.ZodType>(
  table: TableClient,
  schema: S,
  partitionKey: string,
  prefix: string,
  opts: { where?: string; pageSize?: number } = {},
): AsyncGenerator<Versioned<z.output<S>>> {
  const base = partitionPrefixFilter(partitionKey, prefix);
  const filter = opts.where ? `${base} and ${opts.where}` : base;
  const pages = table.listEntities<Record<string, unknown>>({ queryOptions: { filter } });
  for await (const page of pages.byPage(opts.pageSize ? { maxPageSize: opts.pageSize } : {})) {
    for (const entity of page) if (entity.deleted !== true) yield fromDocument(schema, entity);
  }
}

export async function collect<T>(source: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of source) out.push(item);
  return out;
}

/** How many rows share a RowKey prefix, reading keys only. */
export async function countRows(table: TableClient, partitionKey: string, prefix: string): Promise<number> {
  let n = 0;
  const filter = partitionPrefixFilter(partitionKey, prefix);
  for await (const _ of table.listEntities({ queryOptions: { filter, select: ["RowKey"] } })) n++;
  return n;
}
