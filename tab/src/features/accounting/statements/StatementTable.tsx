import { Fragment, useState } from "react";
import { Button, makeStyles, mergeClasses, tokens, useId } from "@fluentui/react-components";
import { ChevronDownRegular, ChevronRightRegular } from "@fluentui/react-icons";
import { groupLabelKey, rubricLabelKey } from "@comptoir/shared/accounting/compute/statements-rubrics";
import { useLocale, useT } from "../../../i18n/context";
import { formatAmount } from "../money";
import { TableScroll } from "../TableScroll";
import { useTableStyles } from "../table-styles";
import type { Amounts, GroupRows, RubricRow } from "./statement-rows";

const useStyles = makeStyles({
  rubric: { display: "inline-flex", alignItems: "center", gap: tokens.spacingHorizontalXXS },
  toggleSpace: { display: "inline-block", width: "24px", flexShrink: 0 },
});

export interface StatementTableProps {
  caption: string;
  groups: GroupRows[];
  /** The actif shows gross, depreciation and net; the others one amount. */
  withGross: boolean;
  /** Closing dates of N and N-1 (null: N-1 not imported, no column). */
  year: string;
  previousYear: string | null;
  total: { label: string; current: Amounts; previous: number | null };
  /** Rows after the total (the compte de résultat's intermediate results). */
  footer?: Array<{ label: string; current: number; previous: number | null }>;
}

/**
 * One statement as a native table: groups as row groups, each rubric a row whose accounts open under
 * it with a button (aria-expanded, reachable by Tab, Enter or Space), each group's total, the total.
 */
export function StatementTable({ caption, groups, withGross, year, previousYear, total, footer }: StatementTableProps) {
  const table = useTableStyles();
  const styles = useStyles();
  const t = useT();
  const { locale } = useLocale();
  const captionId = useId("statement-caption");
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const toggle = (id: string) =>
    setOpen((old) => {
      const next = new Set(old);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  const num = mergeClasses(table.td, table.num);
  const amount = (cents: number | null) => (cents === null ? "" : formatAmount(locale, cents));
  const cells = (current: Amounts | null, previous: number | null) => (
    <>
      {withGross && <td className={num}>{current ? amount(current.grossCents) : ""}</td>}
      {withGross && <td className={num}>{current ? amount(current.depreciationCents) : ""}</td>}
      <td className={num}>{amount(current ? current.netCents : 0)}</td>
      {previousYear !== null && <td className={num}>{amount(previous ?? 0)}</td>}
    </>
  );
  const columns = 2 + (withGross ? 2 : 0) + (previousYear !== null ? 1 : 0);

  const rubricRows = (r: RubricRow) => {
    const label = t(rubricLabelKey(r.id));
    const expandable = r.accounts.length > 0 || r.fromIncomeStatement !== null;
    const isOpen = open.has(r.id);
    return (
      <Fragment key={r.id}>
        <tr>
          <th scope="row" className={mergeClasses(table.td, table.rowHeader)}>
            <span className={styles.rubric}>
              {expandable ? (
                <Button
                  appearance="subtle"
                  size="small"
                  icon={isOpen ? <ChevronDownRegular /> : <ChevronRightRegular />}
                  aria-expanded={isOpen}
                  aria-label={t(isOpen ? "statements.hideAccounts" : "statements.showAccounts", { rubric: label })}
                  onClick={() => toggle(r.id)}
                />
              ) : (
                <span className={styles.toggleSpace} />
              )}
              {label}
            </span>
          </th>
          {cells(r.current, r.previousNet)}
        </tr>
        {isOpen &&
          r.accounts.map((a) => (
            <tr key={a.compteNum} className={table.auxRow}>
              <th scope="row" className={mergeClasses(table.td, table.rowHeader, table.auxIndent)}>
                <span className={table.code}>{a.compteNum}</span> {a.compteLib}
              </th>
              {cells(a.current, a.previousNet)}
            </tr>
          ))}
        {isOpen && r.fromIncomeStatement && (
          <tr className={table.auxRow}>
            <th scope="row" className={mergeClasses(table.td, table.rowHeader, table.auxIndent)}>
              {t("statements.resultatFromIncomeStatement")}
            </th>
            {cells(
              { grossCents: 0, depreciationCents: 0, netCents: r.fromIncomeStatement.current },
              r.fromIncomeStatement.previous,
            )}
          </tr>
        )}
      </Fragment>
    );
  };

  return (
    <TableScroll labelledBy={captionId}>
      <table className={table.table}>
        <caption id={captionId} className={table.caption}>
          {caption} · {t("accountingUi.amountsInEuros")}
        </caption>
        <thead>
          <tr>
            <th scope="col" className={table.th}>
              {t("statements.col.rubric")}
            </th>
            {withGross && (
              <th scope="col" className={mergeClasses(table.th, table.num)}>
                {t("statements.col.gross")}
              </th>
            )}
            {withGross && (
              <th scope="col" className={mergeClasses(table.th, table.num)}>
                {t("statements.col.depreciation")}
              </th>
            )}
            <th scope="col" className={mergeClasses(table.th, table.num)}>
              {t(withGross ? "statements.col.net" : "statements.col.amount", { year })}
            </th>
            {previousYear !== null && (
              <th scope="col" className={mergeClasses(table.th, table.num)}>
                {t(withGross ? "statements.col.net" : "statements.col.amount", { year: previousYear })}
              </th>
            )}
          </tr>
        </thead>
        {groups.map((g) => {
          const groupLabel = t(groupLabelKey(g.id));
          return (
            <tbody key={g.id}>
              <tr className={table.sectionRow}>
                <th scope="rowgroup" colSpan={columns} className={mergeClasses(table.td, table.rowHeader)}>
                  {groupLabel}
                </th>
              </tr>
              {g.rubrics.map(rubricRows)}
              <tr className={table.subtotal}>
                <th scope="row" className={mergeClasses(table.td, table.rowHeader)}>
                  {t("statements.total.group", { group: groupLabel })}
                </th>
                {cells(g.total, g.previousNet)}
              </tr>
            </tbody>
          );
        })}
        <tbody>
          <tr className={table.total}>
            <th scope="row" className={mergeClasses(table.td, table.rowHeader)}>
              {total.label}
            </th>
            {cells(total.current, total.previous)}
          </tr>
          {footer?.map((f) => (
            <tr key={f.label} className={table.subtotal}>
              <th scope="row" className={mergeClasses(table.td, table.rowHeader)}>
                {f.label}
              </th>
              {cells({ grossCents: 0, depreciationCents: 0, netCents: f.current }, f.previous)}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
