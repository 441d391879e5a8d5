import type { LedgerLineDto } from "@comptoir/shared/api/accounting";
import { inScope } from "../access";
import { sumLettersByAccount } from "../store/entry-records";
import { AccountingStore, type LedgerIndex, type VersionRef } from "../store/store";

/** Past this many unbalanced letters an account's lines simply carry no `letterBalanced`. */
const MAX_UNBALANCED = 5_000;
const CACHED_VERSIONS = 8;
const NONE: ReadonlySet<string> = new Set();

/** Per account: its unbalanced letters, or null past MAX_UNBALANCED. */
type VersionLettering = ReadonlyMap<string, ReadonlySet<string> | null>;
/** Keyed by import and scope: a restricted client's letters are summed over its établissements only. */
const cache = new Map<string, Promise<VersionLettering>>();

function cacheKey(v: VersionRef, scope: ReadonlySet<string> | undefined): string {
  const partition = AccountingStore.versionPartition(v);
  return scope === undefined ? partition : `${partition}#${JSON.stringify([...scope].sort())}`;
}

/**
 * Letters of an account whose lines do not sum to zero over the exercice: every établissement for
 * staff and unrestricted clients; for a client under *Limité à*, only its établissements' lines, as
 * an import of those lines alone would say (counterpart entries elsewhere must not show through).
 * Computed on first need from the stored lines, for every account of the import in one pass (an
 * account's lines are spread over the year, so one account reads about as many frames as all of
 * them), rather than at import, where tracking every letter of a large file costs more than this
 * pass; remembered per import and scope, which never change.
 */
async function unbalancedLetters(
  store: AccountingStore,
  v: VersionRef,
  index: LedgerIndex,
  scope: ReadonlySet<string> | undefined,
): Promise<ReadonlySet<string> | null> {
  const key = cacheKey(v, scope);
  let pending = cache.get(key);
  if (pending) cache.delete(key);
  else {
    pending = compute(store, v, scope);
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

async function compute(
  store: AccountingStore,
  v: VersionRef,
  scope: ReadonlySet<string> | undefined,
): Promise<VersionLettering> {
  const accountOf = new Map<number, string>();
  const frames = new Map<number, number>();
  for (const index of await store.readLedgerIndex(v))
    for (const b of index.buckets) {
      // A restricted scan reads only the buckets holding some of the scope's lines.
      if (scope !== undefined && !b[3].some(([etab]) => inScope(scope, etab))) continue;
      accountOf.set(b[4], index.compteNum);
      for (const [offset, length] of b[1]) frames.set(offset, length);
    }
  const out = new Map<string, ReadonlySet<string> | null>();
  for (const [account, sums] of await sumLettersByAccount(store, v, accountOf, frames, scope)) {
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

/** Sets `letterBalanced` on the lettered lines of one account's page, over the lines `scope` may see. */
export async function markLettering(
  store: AccountingStore,
  v: VersionRef,
  index: LedgerIndex,
  lines: LedgerLineDto[],
  scope: ReadonlySet<string> | undefined,
): Promise<void> {
  if (!lines.some((l) => l.ecritureLet !== undefined)) return;
  const unbalanced = await unbalancedLetters(store, v, index, scope);
  if (unbalanced === null) return;
  for (const l of lines) if (l.ecritureLet !== undefined) l.letterBalanced = !unbalanced.has(l.ecritureLet);
}
