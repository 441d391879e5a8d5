import type { MessageKey } from "../../i18n";
import { rowPosition, rowsInScope, type LedgerAggregate, type AccountingScope } from "./aggregate";
import { accountClass, accountClassLabelKey } from "./pcg";

/**
 * The columns of the balance. For an account or an auxiliary account, opening and closing are net
 * balances shown on their side (a debit balance in the debit column); movements are gross sums over
 * the period. Class and grand totals add up their accounts' columns.
 */
export type BalanceAmounts = {
  openingDebitCents: number;
  openingCreditCents: number;
  debitCents: number;
  creditCents: number;
  closingDebitCents: number;
  closingCreditCents: number;
};

export type BalanceAuxiliary = { compAuxNum: string; compAuxLib: string } & BalanceAmounts;
export type BalanceAccount = {
  compteNum: string;
  compteLib: string;
  /** Auxiliary accounts (clients under 411, suppliers under 401…) expanded under their collective. */
  auxiliaries: BalanceAuxiliary[];
} & BalanceAmounts;
export type BalanceClass = { classNumber: number; labelKey: MessageKey; accounts: BalanceAccount[] } & BalanceAmounts;
export type TrialBalance = { classes: BalanceClass[] } & BalanceAmounts;

type Sums = { before: number; debit: number; credit: number };

function amounts(s: Sums): BalanceAmounts {
  const closing = s.before + s.debit - s.credit;
  return {
    openingDebitCents: s.before > 0 ? s.before : 0,
    openingCreditCents: s.before < 0 ? -s.before : 0,
    debitCents: s.debit,
    creditCents: s.credit,
    closingDebitCents: closing > 0 ? closing : 0,
    closingCreditCents: closing < 0 ? -closing : 0,
  };
}

function zero(): BalanceAmounts {
  return amounts({ before: 0, debit: 0, credit: 0 });
}

function addInto(total: BalanceAmounts, a: BalanceAmounts): void {
  total.openingDebitCents += a.openingDebitCents;
  total.openingCreditCents += a.openingCreditCents;
  total.debitCents += a.debitCents;
  total.creditCents += a.creditCents;
  total.closingDebitCents += a.closingDebitCents;
  total.closingCreditCents += a.closingCreditCents;
}

/**
 * Balance générale over a period. Opening = à-nouveaux (whatever their date) + movements before
 * `period.from`; movements = other lines inside the period; other lines after `period.to` are ignored.
 * Class and grand totals add up their accounts' columns (auxiliaries are detail, not added again), so
 * Σ closing debit − Σ closing credit = Σ opening debit − Σ opening credit + Σ debit − Σ credit (0 for a
 * balanced file).
 */
export function computeTrialBalance(aggregate: LedgerAggregate, scope: AccountingScope = {}): TrialBalance {
  const accounts = new Map<string, { sums: Sums; aux: Map<string, Sums> }>();
  for (const row of rowsInScope(aggregate.rows, scope.etablissements)) {
    const position = rowPosition(row, scope.period);
    if (position === "after") continue;
    let account = accounts.get(row.compteNum);
    if (account === undefined) {
      account = { sums: { before: 0, debit: 0, credit: 0 }, aux: new Map() };
      accounts.set(row.compteNum, account);
    }
    const targets = [account.sums];
    if (row.compAuxNum !== "") {
      let aux = account.aux.get(row.compAuxNum);
      if (aux === undefined) {
        aux = { before: 0, debit: 0, credit: 0 };
        account.aux.set(row.compAuxNum, aux);
      }
      targets.push(aux);
    }
    for (const t of targets) {
      if (position === "before") t.before += row.debitCents - row.creditCents;
      else {
        t.debit += row.debitCents;
        t.credit += row.creditCents;
      }
    }
  }

  const classes = new Map<number, BalanceClass>();
  const total: TrialBalance = { classes: [], ...zero() };
  for (const compteNum of [...accounts.keys()].sort()) {
    const account = accounts.get(compteNum);
    if (account === undefined) continue;
    const cls = accountClass(compteNum);
    let bucket = classes.get(cls);
    if (bucket === undefined) {
      bucket = { classNumber: cls, labelKey: accountClassLabelKey(cls), accounts: [], ...zero() };
      classes.set(cls, bucket);
    }
    const auxiliaries: BalanceAuxiliary[] = [...account.aux.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([compAuxNum, sums]) => ({
        compAuxNum,
        compAuxLib: aggregate.auxiliaryLabels[compAuxNum] ?? "",
        ...amounts(sums),
      }));
    const row: BalanceAccount = {
      compteNum,
      compteLib: aggregate.accountLabels[compteNum] ?? "",
      auxiliaries,
      ...amounts(account.sums),
    };
    bucket.accounts.push(row);
    addInto(bucket, row);
    addInto(total, row);
  }
  total.classes = [...classes.values()].sort((a, b) => a.classNumber - b.classNumber);
  return total;
}
