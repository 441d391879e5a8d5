/**
 * An in-memory, sorted projection of one firm's rows (dossiers, contacts) for lists that must sort,
 * filter and page fast: Table storage only orders by key, and a firm's few thousand rows fit in memory.
 * Pages are keyset-based (the cursor names the last row seen), so inserts never shift a page.
 */
export interface PageRequest<T> {
  sort: string;
  dir: "asc" | "desc";
  filter?: (item: T) => boolean;
  limit: number;
  cursor?: string | undefined;
}

export interface PageResult<T> {
  items: T[];
  cursor: string | null;
  total: number;
}

interface Entry<T> {
  item: T;
  keys: Record<string, string>;
}

export class MemoryIndex<T extends { id: string }> {
  private readonly entries = new Map<string, Entry<T>>();
  private readonly sorted = new Map<string, Entry<T>[]>();

  /** `sortKeys` turn an item into comparable strings, one per sort the list offers. */
  constructor(private readonly sortKeys: Record<string, (item: T) => string>) {}

  get size(): number {
    return this.entries.size;
  }

  get(id: string): T | undefined {
    return this.entries.get(id)?.item;
  }

  *values(): Generator<T> {
    for (const entry of this.entries.values()) yield entry.item;
  }

  /** Sorted orders already built are kept up to date in place (a binary search and a splice each), not rebuilt. */
  set(item: T): void {
    const keys: Record<string, string> = {};
    for (const [name, fn] of Object.entries(this.sortKeys)) keys[name] = `${fn(item)}\u0000${item.id}`;
    const entry = { item, keys };
    const old = this.entries.get(item.id);
    this.entries.set(item.id, entry);
    for (const [sort, rows] of this.sorted) {
      if (old) rows.splice(lowerBound(rows, sort, old.keys[sort] ?? ""), 1);
      rows.splice(lowerBound(rows, sort, keys[sort] ?? ""), 0, entry);
    }
  }

  delete(id: string): void {
    const old = this.entries.get(id);
    if (!old) return;
    this.entries.delete(id);
    for (const [sort, rows] of this.sorted) rows.splice(lowerBound(rows, sort, old.keys[sort] ?? ""), 1);
  }

  /**
   * Like `page`, over a subset found by other means (a search index): the subset is sorted on the spot,
   * which is cheap because it is small, instead of filtering every row of the firm.
   */
  pageOf(ids: readonly string[], request: PageRequest<T>): PageResult<T> {
    const rows: Entry<T>[] = [];
    for (const id of ids) {
      const entry = this.entries.get(id);
      if (entry) rows.push(entry);
    }
    rows.sort((a, b) => compare(a.keys[request.sort] ?? "", b.keys[request.sort] ?? ""));
    return pageRows(rows, request);
  }

  page(request: PageRequest<T>): PageResult<T> {
    return pageRows(this.sortedBy(request.sort), request);
  }

  private sortedBy(sort: string): Entry<T>[] {
    if (!(sort in this.sortKeys)) throw new Error(`Unknown sort ${sort}`);
    let rows = this.sorted.get(sort);
    if (!rows) {
      rows = [...this.entries.values()].sort((a, b) => compare(a.keys[sort] ?? "", b.keys[sort] ?? ""));
      this.sorted.set(sort, rows);
    }
    return rows;
  }
}

/** One pass over sorted rows: counts every match for `total` and keeps the `limit` after the cursor. */
function pageRows<T>(rows: Entry<T>[], { sort, dir, filter, limit, cursor }: PageRequest<T>): PageResult<T> {
  const after = cursor ? decodeCursor(cursor) : null;
  const asc = dir === "asc";
  let start = asc ? 0 : rows.length - 1;
  if (after !== null) start = asc ? upperBound(rows, sort, after) : lowerBound(rows, sort, after) - 1;

  const items: T[] = [];
  let last: string | null = null;
  let more = false;
  let total = 0;
  for (let n = 0; n < rows.length; n++) {
    const i = asc ? n : rows.length - 1 - n;
    const entry = rows[i] as Entry<T>;
    if (filter && !filter(entry.item)) continue;
    total++;
    const inPage = asc ? i >= start : i <= start;
    if (!inPage) continue;
    if (items.length < limit) {
      items.push(entry.item);
      last = entry.keys[sort] ?? null;
    } else more = true;
    if (!filter && more) {
      total = rows.length;
      break;
    }
  }
  return { items, cursor: more && last !== null ? encodeCursor(last) : null, total };
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** First index whose key is greater than `key`. */
function upperBound<T>(rows: Entry<T>[], sort: string, key: string): number {
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((rows[mid]?.keys[sort] ?? "") <= key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First index whose key is greater than or equal to `key`. */
function lowerBound<T>(rows: Entry<T>[], sort: string, key: string): number {
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((rows[mid]?.keys[sort] ?? "") < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const encodeCursor = (key: string) => Buffer.from(key, "utf8").toString("base64url");
function decodeCursor(cursor: string): string {
  return Buffer.from(cursor, "base64url").toString("utf8");
}
