/**
 * Runs a read that may go through every stored line of an import holding the caller's heavy-read slot
 * (the routes' gate, shared with exports): a view decides, once it knows what it will read.
 */
export type HeavyRead = <T>(work: () => Promise<T>) => Promise<T>;

/**
 * Grand livre queries that read every stored line of the candidate accounts instead of the pages the
 * indexes point at: a search, or an auxiliary's unlettered lines. Once the auxiliaries' copy is built,
 * an auxiliary's search and filter read only that auxiliary's buckets of it (ledger-reader.ts): light,
 * like an account's unlettered lines and an auxiliary's page, which the indexes locate.
 */
export function scansLedger(
  query: { q?: string | undefined; aux?: string | undefined; lettering?: string },
  auxCopyBuilt: boolean,
): boolean {
  if (query.aux && auxCopyBuilt) return false;
  return Boolean(query.q?.trim()) || (Boolean(query.aux) && query.lettering === "unlettered");
}

/**
 * Journaux with a search read every écriture of the asked journals until the import's search index is
 * built; then the index's postings locate the matching écritures, and a page reads only theirs.
 */
export function scansJournals(query: { q?: string | undefined }, searchIndexBuilt: boolean): boolean {
  return !searchIndexBuilt && Boolean(query.q?.trim());
}
