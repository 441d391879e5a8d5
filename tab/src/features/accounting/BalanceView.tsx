import { Fragment, useState } from "react";
import { Body1, Button, makeStyles, mergeClasses, tokens, useId } from "@fluentui/react-components";
import { ChevronDownRegular, ChevronRightRegular } from "@fluentui/react-icons";
import type { AccountingBalance } from "@comptoir/shared/api/accounting";
import { accountClassLabelKey } from "@comptoir/shared/accounting/compute/pcg";
import { translatePlural } from "@comptoir/shared/i18n/translate";
import { useLayoutStyles } from "../../components/layout-styles";
import { useDebounced } from "../../components/useDebounced";
import { useLocale, useT } from "../../i18n/context";
import { DebitCredit } from "./AmountCells";
import { ExportButtons } from "./ExportButtons";
import { monthLabel } from "./months";
import { TableScroll } from "./TableScroll";
import { useTableStyles } from "./table-styles";
import { useBalance } from "./useAccounting";
import type { AccountingViewProps } from "./view-props";
import { ViewFrame } from "./ViewFrame";
import { ViewToolbar } from "./ViewToolbar";

const useStyles = makeStyles({
  compte: { display: "inline-flex", alignItems: "center", gap: tokens.spacingHorizontalXXS },
  toggleSpace: { display: "inline-block", width: "24px" },
  auxCount: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});

const GROUPS = ["accountingUi.col.opening", "accountingUi.col.movements", "accountingUi.col.closing"] as const;
const AMOUNT_COLUMNS = [
  "accountingUi.col.debit",
  "accountingUi.col.credit",
  "accountingUi.col.debit",
  "accountingUi.col.credit",
  "accountingUi.col.debiteur",
  "accountingUi.col.crediteur",
] as const;

type Amounts = Omit<AccountingBalance["balance"], "classes">;

function AmountCells({ a }: { a: Amounts }) {
  return (
    <>
      <DebitCredit debit={a.openingDebitCents} credit={a.openingCreditCents} />
      <DebitCredit debit={a.debitCents} credit={a.creditCents} />
      <DebitCredit debit={a.closingDebitCents} credit={a.closingCreditCents} />
    </>
  );
}

/** Balance générale: classes of the PCG with their subtotals, accounts, auxiliaries on demand, totals. */
export function BalanceView({ audience, dossierCode, period, range }: AccountingViewProps) {
  const styles = useStyles();
  const layout = useLayoutStyles();
  const table = useTableStyles();
  const t = useT();
  const { locale } = useLocale();
  const captionId = useId("balance-caption");
  const [search, setSearch] = useState("");
  const q = useDebounced(search.trim());
  const params = { ...period, q: q || undefined };
  const balance = useBalance(audience, params);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const toggle = (compte: string) =>
    setExpanded((old) => {
      const next = new Set(old);
      if (!next.delete(compte)) next.add(compte);
      return next;
    });
  const periodText = t("accountingUi.period.months", {
    from: monthLabel(locale, range.from),
    to: monthLabel(locale, range.to),
  });

  return (
    <div className={layout.stackM}>
      <ViewToolbar
        search={search}
        onSearch={setSearch}
        searchPlaceholder={t("accountingUi.search.balance")}
        actions={
          <ExportButtons
            audience={audience}
            view="balance"
            params={params}
            dossierCode={dossierCode}
            from={range.from}
            to={range.to}
          />
        }
      />
      <ViewFrame query={balance}>
        {({ balance: b }) =>
          b.classes.length === 0 ? (
            <Body1 as="p" className={layout.muted}>
              {t("accountingUi.noMatch")}
            </Body1>
          ) : (
            <TableScroll labelledBy={captionId}>
              <table className={table.table}>
                <caption id={captionId} className={table.caption}>
                  {t("accountingUi.balance.caption", { period: periodText })} · {t("accountingUi.amountsInEuros")}
                </caption>
                <colgroup span={2} />
                <colgroup span={2} />
                <colgroup span={2} />
                <colgroup span={2} />
                <thead>
                  <tr>
                    <th scope="col" rowSpan={2} className={table.th}>
                      {t("accountingUi.col.compte")}
                    </th>
                    <th scope="col" rowSpan={2} className={table.th}>
                      {t("accountingUi.col.libelle")}
                    </th>
                    {GROUPS.map((group) => (
                      <th key={group} scope="colgroup" colSpan={2} className={mergeClasses(table.th, table.group)}>
                        {t(group)}
                      </th>
                    ))}
                  </tr>
                  <tr>
                    {AMOUNT_COLUMNS.map((col, i) => (
                      <th key={i} scope="col" className={mergeClasses(table.th, table.num)}>
                        {t(col)}
                      </th>
                    ))}
                  </tr>
                </thead>
                {b.classes.map((cls) => (
                  <tbody key={cls.classNumber}>
                    <tr className={table.sectionRow}>
                      <th scope="rowgroup" colSpan={8} className={mergeClasses(table.td, table.rowHeader)}>
                        {t("accountingUi.balance.class", {
                          n: cls.classNumber,
                          label: t(accountClassLabelKey(cls.classNumber)),
                        })}
                      </th>
                    </tr>
                    {cls.accounts.map((account) => {
                      const open = expanded.has(account.compteNum);
                      return (
                        <Fragment key={account.compteNum}>
                          <tr>
                            <th scope="row" className={mergeClasses(table.td, table.rowHeader, table.code)}>
                              <span className={styles.compte}>
                                {account.auxiliaries.length > 0 ? (
                                  <Button
                                    appearance="subtle"
                                    size="small"
                                    icon={open ? <ChevronDownRegular /> : <ChevronRightRegular />}
                                    aria-expanded={open}
                                    aria-label={t("accountingUi.balance.showAux", { compte: account.compteNum })}
                                    onClick={() => toggle(account.compteNum)}
                                  />
                                ) : (
                                  <span className={styles.toggleSpace} />
                                )}
                                {account.compteNum}
                              </span>
                            </th>
                            <td className={table.td}>
                              {account.compteLib}
                              {account.auxiliaries.length > 0 && (
                                <>
                                  {" "}
                                  <span className={styles.auxCount}>
                                    (
                                    {translatePlural(
                                      locale,
                                      "accountingUi.balance.auxCount",
                                      account.auxiliaries.length,
                                    )}
                                    )
                                  </span>
                                </>
                              )}
                            </td>
                            <AmountCells a={account} />
                          </tr>
                          {open &&
                            account.auxiliaries.map((aux) => (
                              <tr key={aux.compAuxNum} className={table.auxRow}>
                                <th
                                  scope="row"
                                  className={mergeClasses(table.td, table.rowHeader, table.code, table.auxIndent)}
                                >
                                  {aux.compAuxNum}
                                </th>
                                <td className={table.td}>{aux.compAuxLib}</td>
                                <AmountCells a={aux} />
                              </tr>
                            ))}
                        </Fragment>
                      );
                    })}
                    <tr className={table.subtotal}>
                      <th scope="row" colSpan={2} className={mergeClasses(table.td, table.rowHeader)}>
                        {t("accountingUi.balance.classTotal", { n: cls.classNumber })}
                      </th>
                      <AmountCells a={cls} />
                    </tr>
                  </tbody>
                ))}
                <tfoot>
                  <tr className={table.total}>
                    <th scope="row" colSpan={2} className={mergeClasses(table.td, table.rowHeader)}>
                      {t("accountingUi.balance.total")}
                    </th>
                    <AmountCells a={b} />
                  </tr>
                </tfoot>
              </table>
            </TableScroll>
          )
        }
      </ViewFrame>
    </div>
  );
}
