import type { TableEntityResult } from "@azure/data-tables";
import type { z } from "zod";

/**
 * Aggregates are stored as one JSON document per entity (`doc`) plus the few flat columns that queries
 * filter on. Reading a document back always goes through its zod schema: storage is a boundary too.
 */
export interface DocumentEntity {
  partitionKey: string;
  rowKey: string;
  doc: string;
  [column: string]: string | number | boolean | null;
}

export interface Versioned<T> {
  value: T;
  etag: string;
}

/** Table properties hold at most 64 KiB of UTF-16; we keep well under it and fail loudly past it. */
export const MAX_DOC_CHARS = 30_000;

export function toDocument(
  partitionKey: string,
  rowKey: string,
  value: unknown,
  columns: Record<string, string | number | boolean | null> = {},
): DocumentEntity {
  const doc = JSON.stringify(value);
  if (doc.length > MAX_DOC_CHARS) throw new Error(`Document ${rowKey} is ${doc.length} chars, over ${MAX_DOC_CHARS}`);
  return { partitionKey, rowKey, doc, ...columns };
}

export function fromDocument<S extends z.ZodType>(
  schema: S,
  entity: TableEntityResult<Record<string, unknown>>,
): Versioned<z.output<S>> {
  const raw = entity.doc;
  if (typeof raw !== "string") throw new Error(`Entity ${entity.rowKey ?? "?"} has no document`);
  return { value: schema.parse(JSON.parse(raw)), etag: entity.etag };
}
