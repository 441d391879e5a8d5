import { useMemo, useState } from "react";
import {
  Body1,
  Checkbox,
  Combobox,
  Field,
  makeStyles,
  mergeClasses,
  Option,
  tokens,
  useId,
} from "@fluentui/react-components";
import type { AccountingGrandLivre } from "@comptoir/shared/api/accounting";
import { translatePlural } from "@comptoir/shared/i18n/translate";
import { useLayoutStyles } from "../../components/layout-styles";
import { useDebounced } from "../../components/useDebounced";
import { useLocale, useT } from "../../i18n/context";
import { DebitCredit, SideAmount } from "./AmountCells";
import { ExportButtons } from "./ExportButtons";
import { formatYmd, monthLabel } from "./months";
import { Pager } from "./Pager";
import { TableScroll } from "./TableScroll";
import { useTableStyles } from "./table-styles";
import { useBalance, useGrandLivre } from "./useAccounting";
import { usePage } from "./usePage";
import type { AccountingViewProps } from "./view-props";
import { ViewFrame } from "./ViewFrame";
import { ViewToolbar } from "./ViewToolbar";

const PAGE_SIZE = 100;
const MAX_OPTIONS = 50;
const ALL = "*";

const useStyles = makeStyles({
  picker: { minWidth: "18rem" },
  checkbox: { alignSelf: "flex-end" },
  count: { fontWeight: tokens.fontWeightRegular, color: tokens.colorNeutralForeground3 },
});

type Section = AccountingGrandLivre["accounts"][number];

/** One account's lines on this page, as a row group: heading, brought-forward balance, lines, total. */
function AccountRows({ section, carried }: { section: Section; carried: boolean }) {
  const styles = useStyles();
  const layout = useLayoutStyles();
  const table = useTableStyles();
  const t = useT();
  const { locale } = useLocale();
  const title = t("accountingUi.gl.caption", {
    compte: section.compAuxNum ? `${section.compteNum} · ${section.compAuxNum}` : section.compteNum,
    libelle: section.compAuxLib ?? section.compteLib,
  });
  const opening = carried
    ? { label: t("accountingUi.gl.carriedFromPage"), cents: section.balanceBeforePageCents }
    : section.broughtForwardCents !== 0
      ? { label: t("accountingUi.gl.broughtForward"), cents: section.broughtForwardCents }
      : null;
  return (
    <tbody>
      <tr className={table.sectionRow}>
        <th scope="rowgroup" colSpan={8} className={mergeClasses(table.td, table.rowHeader)}>
          {title}{" "}
          <span className={styles.count}>
            · {translatePlural(locale, "accountingUi.gl.lineCount", section.lineCount)}
          </span>
        </th>
      </tr>
      {opening && (
        <tr className={table.auxRow}>
          <th scope="row" colSpan={6} className={mergeClasses(table.td, table.rowHeader)}>
            {opening.label}
          </th>
          <td className={mergeClasses(table.td, table.num)}>
            <SideAmount cents={opening.cents} />
          </td>
          <td className={table.td} />
        </tr>
      )}
      {section.lines.map((line) => (
        <tr key={line.line}>
          <td className={mergeClasses(table.td, table.code)}>{formatYmd(locale, line.date)}</td>
          <td className={mergeClasses(table.td, table.code)}>{line.journalCode}</td>
          <td className={table.td}>{line.pieceRef}</td>
          <td className={table.td}>{line.ecritureLib}</td>
          <DebitCredit debit={line.debitCents} credit={line.creditCents} />
          <td className={mergeClasses(table.td, table.num)}>
            <SideAmount cents={line.balanceCents} />
          </td>
          <td className={table.td}>
            {line.ecritureLet && (
              <>
                <span className={layout.mono}>{line.ecritureLet}</span>
                {line.letterBalanced === false && ` (${t("accountingUi.gl.letterPartial")})`}
              </>
            )}
          </td>
        </tr>
      ))}
      <tr className={table.subtotal}>
        <th scope="row" colSpan={4} className={mergeClasses(table.td, table.rowHeader)}>
          {t("accountingUi.gl.accountTotal", { compte: section.compteNum })}
        </th>
        <DebitCredit debit={section.totalDebitCents} credit={section.totalCreditCents} />
        <td className={mergeClasses(table.td, table.num)}>
          <SideAmount cents={section.closingBalanceCents} />
        </td>
        <td className={table.td} />
      </tr>
    </tbody>
  );
}

/** The page's accounts in one table, so the columns are announced once. */
function LedgerTable({ data, caption }: { data: AccountingGrandLivre; caption: string }) {
  const table = useTableStyles();
  const t = useT();
  const captionId = useId("ledger-caption");
  const columns = [
    ["accountingUi.col.date", false],
    ["accountingUi.col.journal", false],
    ["accountingUi.col.piece", false],
    ["accountingUi.col.libelle", false],
    ["accountingUi.col.debit", true],
    ["accountingUi.col.credit", true],
    ["accountingUi.col.runningBalance", true],
    ["accountingUi.col.lettrage", false],
  ] as const;
  return (
    <TableScroll labelledBy={captionId}>
      <table className={table.table}>
        <caption id={captionId} className={table.caption}>
          {caption} · {t("accountingUi.amountsInEuros")}
        </caption>
        <thead>
          <tr>
            {columns.map(([col, num]) => (
              <th key={col} scope="col" className={mergeClasses(table.th, num && table.num)}>
                {t(col)}
              </th>
            ))}
          </tr>
        </thead>
        {data.accounts.map((section, i) => (
          <AccountRows
            key={`${section.compteNum}\u0001${section.compAuxNum ?? ""}`}
            section={section}
            carried={i === 0 && data.page > 0}
          />
        ))}
      </table>
    </TableScroll>
  );
}

/** Grand livre: an account picker, the lines with their running balance and lettering, server pages. */
export function GrandLivreView({ audience, dossierCode, period, range }: AccountingViewProps) {
  const styles = useStyles();
  const layout = useLayoutStyles();
  const t = useT();
  const { locale } = useLocale();
  const caption = t("accountingUi.gl.tableCaption", {
    period: t("accountingUi.period.months", { from: monthLabel(locale, range.from), to: monthLabel(locale, range.to) }),
  });
  const [search, setSearch] = useState("");
  const [account, setAccount] = useState<{ compte: string; label: string } | null>(null);
  const [accountText, setAccountText] = useState("");
  const [unlettered, setUnlettered] = useState(false);
  const q = useDebounced(search.trim());
  const filters = {
    ...period,
    account: account?.compte,
    q: q || undefined,
    lettering: unlettered ? ("unlettered" as const) : undefined,
  };
  const [page, setPage] = usePage(filters);
  const ledger = useGrandLivre(audience, { ...filters, page, pageSize: PAGE_SIZE });
  // The exercice's accounts, for the picker (the same answer the Balance tab shows for the whole exercice).
  const chart = useBalance(audience, { exercice: period.exercice });
  // Filtered here, as the person types: the chart of accounts is already loaded and small.
  const typed = accountText.trim().toLowerCase();
  const options = useMemo(() => {
    const all = chart.data?.balance.classes.flatMap((c) => c.accounts) ?? [];
    const matching = typed
      ? all.filter((a) => a.compteNum.startsWith(typed) || a.compteLib.toLowerCase().includes(typed))
      : all;
    return matching.slice(0, MAX_OPTIONS);
  }, [chart.data, typed]);

  return (
    <div className={layout.stackM}>
      <ViewToolbar
        search={search}
        onSearch={setSearch}
        searchPlaceholder={t("accountingUi.search.grandLivre")}
        filters={
          <>
            <Field label={t("accountingUi.gl.account")} className={styles.picker}>
              <Combobox
                freeform
                clearable
                expandIcon={{ "aria-label": t("staff.action.openList") }}
                value={accountText}
                selectedOptions={[account?.compte ?? ALL]}
                placeholder={t("accountingUi.gl.accountPlaceholder")}
                onChange={(event) => setAccountText(event.target.value)}
                onOptionSelect={(_, data) => {
                  const value = data.optionValue;
                  if (!value || value === ALL) {
                    setAccount(null);
                    setAccountText("");
                    return;
                  }
                  const label = data.optionText ?? value;
                  setAccount({ compte: value, label });
                  setAccountText(label);
                }}
              >
                <Option value={ALL} text={t("accountingUi.gl.allAccounts")}>
                  {t("accountingUi.gl.allAccounts")}
                </Option>
                {options.map((a) => {
                  const label = t("accountingUi.codeAndLabel", { code: a.compteNum, label: a.compteLib });
                  return (
                    <Option key={a.compteNum} value={a.compteNum} text={label}>
                      {label}
                    </Option>
                  );
                })}
              </Combobox>
            </Field>
            <Checkbox
              className={styles.checkbox}
              checked={unlettered}
              onChange={(_, data) => setUnlettered(data.checked === true)}
              label={t("accountingUi.gl.unlettered")}
            />
          </>
        }
        actions={
          <ExportButtons
            audience={audience}
            view="grand-livre"
            params={filters}
            dossierCode={dossierCode}
            from={range.from}
            to={range.to}
            filter={account?.compte}
          />
        }
      />
      <ViewFrame query={ledger}>
        {(data) =>
          data.accounts.length === 0 ? (
            <Body1 as="p" className={layout.muted}>
              {t("accountingUi.noMatch")}
            </Body1>
          ) : (
            <>
              <LedgerTable data={data} caption={caption} />
              <Pager page={data.page} pageCount={data.pageCount} onPage={setPage} busy={ledger.isFetching} />
            </>
          )
        }
      </ViewFrame>
    </div>
  );
}
