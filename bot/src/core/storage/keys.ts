/**
 * Azure Tables forbid `/ \ # ?` and control characters in PartitionKey/RowKey. We percent-escape those,
 * plus `%` itself and `|`, our component separator, so that joined keys never collide and a prefix of
 * a value stays a prefix of its escaped form (range queries over prefixes keep working).
 */
const NEEDS_ESCAPE = /[%/\\#?|\p{Cc}]/gu;

export function escapeKey(value: string): string {
  return value.replace(NEEDS_ESCAPE, (c) => `%${c.charCodeAt(0).toString(16).padStart(2, "0").toUpperCase()}`);
}

export function unescapeKey(value: string): string {
  return value.replace(/%([0-9A-F]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** Joins escaped components with `|`, e.g. `key("d", code)` → `d|000097`. */
export function key(...parts: string[]): string {
  return parts.map(escapeKey).join("|");
}

/** The OData filter for every RowKey starting with `prefix` (already escaped). */
export function prefixFilter(prefix: string): string {
  return `RowKey ge '${odataString(prefix)}' and RowKey lt '${odataString(prefix + "\uffff")}'`;
}

export function odataString(value: string): string {
  return value.replace(/'/g, "''");
}

/** Every partition of a firm starts with its tenant id, so two firms never share one. */
export function firmPartition(tenantId: string, ...scope: string[]): string {
  return key(tenantId, ...scope);
}

/** Rows of one partition whose RowKey starts with `prefix` (both already escaped). */
export function partitionPrefixFilter(partitionKey: string, prefix: string): string {
  return `PartitionKey eq '${odataString(partitionKey)}' and ${prefixFilter(prefix)}`;
}
