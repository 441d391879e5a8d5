import { z } from "zod";
import { AUX_READY_ROW, AUX_ROWS } from "./aux-ledger";
import { compareCodes, ledgerIndexSchema, type AccountingStore, type LedgerIndex, type VersionRef } from "./store";

/** An auxiliary's rows: its ledger index in each account it appears in (aux-ledger.ts). */
export const auxLedgerSchema = z.array(ledgerIndexSchema);
const readySchema = z.object({ format: z.literal(1) });
/** The marker row's content, written once the copy is complete. */
export const AUX_READY = JSON.stringify({ format: 1 } satisfies z.infer<typeof readySchema>);

/** Whether the version's copy is complete: cached once it is; looked for again on each page until then. */
export async function auxLedgerReady(store: AccountingStore, v: VersionRef): Promise<boolean> {
  const ready = await store.cachedIfBuilt(v, "w", async () => {
    const json = await store.readDocument(v, AUX_READY_ROW);
    return json !== null && readySchema.safeParse(JSON.parse(json)).success ? true : null;
  });
  return ready === true;
}

/**
 * The ledger indexes of `aux` in the copy, for the accounts under `accountPrefix`, in account order;
 * null when the version has no complete copy (the caller reads the lines blob instead).
 */
export async function readAuxLedger(
  store: AccountingStore,
  v: VersionRef,
  aux: string,
  accountPrefix: string,
): Promise<LedgerIndex[] | null> {
  const [ready, json] = await Promise.all([auxLedgerReady(store, v), store.readDocument(v, [AUX_ROWS, aux])]);
  if (!ready) return null;
  const indexes = json === null ? [] : auxLedgerSchema.parse(JSON.parse(json));
  return indexes
    .filter((i) => i.compteNum.startsWith(accountPrefix))
    .sort((a, b) => compareCodes(a.compteNum, b.compteNum));
}
