import type { LedgerLineDto } from "@comptoir/shared/api/accounting";
import { BucketBatchReader, ledgerBucketRef } from "./entry-records";
import { AccountingStore, type LedgerIndex, type VersionRef } from "./store";

/** Past this many unbalanced letters an account's lines simply carry no `letterBalanced`. */
const MAX_UNBALANCED = 5_000;
const CACHED_ACCOUNTS = 64;
const cache = new Map<string, Promise<ReadonlySet<string> | null>>();

/**
 * Letters of an account whose lines do not sum to zero over the exercice (every établissement: a
 * lettering is the firm's, whoever looks at it). Computed on first need from the stored lines (each
 * frame read once), rather than at import, where tracking every letter of a large file costs more than
 * reading one account back; remembered per import, which never changes.
 */
export function unbalancedLetters(
  store: AccountingStore,
  v: VersionRef,
  index: LedgerIndex,
): Promise<ReadonlySet<string> | null> {
  const key = `${AccountingStore.versionPartition(v)}#${index.compteNum}`;
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const pending = compute(store, v, index);
  cache.set(key, pending);
  pending.catch(() => cache.delete(key));
  for (const oldest of cache.keys()) {
    if (cache.size <= CACHED_ACCOUNTS) break;
    cache.delete(oldest);
  }
  return pending;
}

async function compute(store: AccountingStore, v: VersionRef, index: LedgerIndex): Promise<ReadonlySet<string> | null> {
  const sums = new Map<string, number>();
  const buckets = index.buckets.map(ledgerBucketRef);
  const reader = new BucketBatchReader(store, v, "ledger", buckets);
  for (const b of buckets) await reader.letters(b, sums);
  const unbalanced = new Set<string>();
  for (const [letter, sum] of sums) {
    if (sum === 0) continue;
    if (unbalanced.size === MAX_UNBALANCED) return null;
    unbalanced.add(letter);
  }
  return unbalanced;
}

/** Sets `letterBalanced` on the lettered lines of one account's page. */
export async function markLettering(
  store: AccountingStore,
  v: VersionRef,
  index: LedgerIndex,
  lines: LedgerLineDto[],
): Promise<void> {
  if (!lines.some((l) => l.ecritureLet !== undefined)) return;
  const unbalanced = await unbalancedLetters(store, v, index);
  if (unbalanced === null) return;
  for (const l of lines) if (l.ecritureLet !== undefined) l.letterBalanced = !unbalanced.has(l.ecritureLet);
}
