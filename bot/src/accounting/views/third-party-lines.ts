import type { StoredLine } from "../store/entry-records";
import type { AccountingStore, VersionRef } from "../store/store";
import { accountLines, ledgerReader } from "./ledger-reader";
import type { MonthSpan } from "./period";

/** Every month of the exercice, à-nouveaux included. */
const WHOLE_EXERCICE: MonthSpan = { from: 1, to: 999_999 };

/**
 * Every line of the accounts under `accountPrefix` (e.g. "411" clients, "401" suppliers) that `scope` may
 * see, over the whole exercice, à-nouveaux included: what the balance âgée and the échéancier compute on.
 * Account by account in number order, each in display order (date, then file line).
 */
export async function readThirdPartyLines(
  store: AccountingStore,
  v: VersionRef,
  accountPrefix: string,
  scope: ReadonlySet<string> | undefined,
): Promise<StoredLine[]> {
  const indexes = await store.readLedgerIndex(v, accountPrefix);
  const query = { period: WHOLE_EXERCICE, scope };
  const reader = ledgerReader(store, v, indexes, query);
  const out: StoredLine[] = [];
  for (const index of indexes) {
    const { lines } = await accountLines(store, v, index, query, reader);
    for await (const line of lines) out.push(line);
  }
  return out;
}
