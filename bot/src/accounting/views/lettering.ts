import type { LedgerLineDto } from "@comptoir/shared/api/accounting";
import { sumLettersByAccount } from "../store/entry-records";
import { AccountingStore, type LedgerIndex, type VersionRef } from "../store/store";

/** Past this many unbalanced letters an account's lines simply carry no `letterBalanced`. */
const MAX_UNBALANCED = 5_000;
const CACHED_VERSIONS = 8;
const NONE: ReadonlySet<string> = new Set();

/** Per account: its unbalanced letters, or null past MAX_UNBALANCED. */
type VersionLettering = ReadonlyMap<string, ReadonlySet<string> | null>;
const cache = new Map<string, Promise<VersionLettering>>();

/**
 * Letters of an account whose lines do not sum to zero over the exercice (every établissement: a
 * lettering is the firm's, whoever looks at it). Computed on first need from the stored lines, for
 * every account of the import in one pass (an account's lines are spread over the year, so one
 * account reads about as many frames as all of them), rather than at import, where tracking every
 * letter of a large file costs more than this pass; remembered per import, which never changes.
 */
async function unbalancedLetters(
  store: AccountingStore,
  v: VersionRef,
  index: LedgerIndex,
): Promise<ReadonlySet<string> | null> {
  const key = AccountingStore.versionPartition(v);
  let pending = cache.get(key);
  if (pending) cache.delete(key);
  else {
    pending = compute(store, v);
    pending.catch(() => cache.delete(key));
  }
  cache.set(key, pending);
  for (const oldest of cache.keys()) {
    if (cache.size <= CACHED_VERSIONS) break;
    cache.delete(oldest);
  }
  const byAccount = await pending;
  const found = byAccount.get(index.compteNum);
  return found === undefined ? NONE : found;
}

async function compute(store: AccountingStore, v: VersionRef): Promise<VersionLettering> {
  const accountOf = new Map<number, string>();
  const frames = new Map<number, number>();
  for (const index of await store.readLedgerIndex(v))
    for (const b of index.buckets) {
      accountOf.set(b[4], index.compteNum);
      for (const [offset, length] of b[1]) frames.set(offset, length);
    }
  const out = new Map<string, ReadonlySet<string> | null>();
  for (const [account, sums] of await sumLettersByAccount(store, v, accountOf, frames)) {
    let unbalanced: Set<string> | null = new Set<string>();
    for (const [letter, sum] of sums) {
      if (sum === 0) continue;
      if (unbalanced.size === MAX_UNBALANCED) {
        unbalanced = null;
        break;
      }
      unbalanced.add(letter);
    }
    out.set(account, unbalanced);
  }
  return out;
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
