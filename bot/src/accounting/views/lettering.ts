import type { LedgerLineDto } from "@comptoir/shared/api/accounting";
import { inScope } from "../access";
import { unbalancedIn } from "../store/letter-sums";
import type { AccountingStore, LedgerIndex, VersionRef } from "../store/store";

/**
 * Sets `letterBalanced` on the lettered lines of one account's page. A letter balances when the lines
 * carrying it sum to zero over the exercice, counting only the lines `scope` may see: for a client
 * under *Limité à*, its établissements' lines alone, as an import of those lines would say (a
 * counterpart entered elsewhere must not show through). The import kept, per account, every letter
 * that could look unbalanced to someone, with its sums per établissement (letter-sums.ts): one
 * small range query per account, whatever its size, cached by the store.
 */
export async function markLettering(
  store: AccountingStore,
  v: VersionRef,
  index: LedgerIndex,
  lines: LedgerLineDto[],
  scope: ReadonlySet<string> | undefined,
): Promise<void> {
  if (!lines.some((l) => l.ecritureLet !== undefined)) return;
  const sums = await store.readLetterSums(v, index.compteNum);
  const unbalanced = unbalancedIn(sums, (etab) => inScope(scope, etab));
  for (const l of lines) if (l.ecritureLet !== undefined) l.letterBalanced = !unbalanced.has(l.ecritureLet);
}
