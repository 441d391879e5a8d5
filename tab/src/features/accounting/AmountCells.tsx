import { mergeClasses } from "@fluentui/react-components";
import { useLocale, useT } from "../../i18n/context";
import { formatAmount, formatAmountOrBlank } from "./money";
import { useTableStyles } from "./table-styles";
import { useVisuallyHidden } from "./visually-hidden";

/** Debit and credit cells; zero stays blank, as in printed ledgers. */
export function DebitCredit({ debit, credit }: { debit: number; credit: number }) {
  const table = useTableStyles();
  const { locale } = useLocale();
  return (
    <>
      <td className={mergeClasses(table.td, table.num)}>{formatAmountOrBlank(locale, debit)}</td>
      <td className={mergeClasses(table.td, table.num)}>{formatAmountOrBlank(locale, credit)}</td>
    </>
  );
}

/** A balance on its side: "1 234,56 D" (débiteur) or "C" (créditeur); the side is spelt out for screen readers. */
export function SideAmount({ cents }: { cents: number }) {
  const hidden = useVisuallyHidden();
  const t = useT();
  const { locale } = useLocale();
  if (cents === 0) return <>{formatAmount(locale, 0)}</>;
  const debit = cents > 0;
  return (
    <>
      {formatAmount(locale, Math.abs(cents))}{" "}
      <span aria-hidden="true">{t(debit ? "accountingUi.side.debitShort" : "accountingUi.side.creditShort")}</span>
      <span className={hidden.root}>{t(debit ? "accountingUi.side.debit" : "accountingUi.side.credit")}</span>
    </>
  );
}
