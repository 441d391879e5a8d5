import { useState } from "react";
import {
  Body1,
  Field,
  makeStyles,
  mergeClasses,
  MessageBar,
  MessageBarBody,
  Select,
  tokens,
  useId,
} from "@fluentui/react-components";
import type { AccountingJournaux } from "@comptoir/shared/api/accounting";
import { translatePlural } from "@comptoir/shared/i18n/translate";
import { useLayoutStyles } from "../../components/layout-styles";
import { useDebounced } from "../../components/useDebounced";
import { useLocale, useT } from "../../i18n/context";
import { DebitCredit } from "./AmountCells";
import { ExportButtons } from "./ExportButtons";
import { formatYmd } from "./months";
import { Pager } from "./Pager";
import { TableScroll } from "./TableScroll";
import { useTableStyles } from "./table-styles";
import { useJournaux } from "./useAccounting";
import { usePage } from "./usePage";
import type { AccountingViewProps } from "./view-props";
import { ViewFrame } from "./ViewFrame";
import { ViewToolbar } from "./ViewToolbar";

const PAGE_SIZE = 50;

const useStyles = makeStyles({
  picker: { minWidth: "16rem" },
  count: { fontWeight: tokens.fontWeightRegular, color: tokens.colorNeutralForeground3 },
  ecriture: { backgroundColor: tokens.colorNeutralBackground2, fontWeight: tokens.fontWeightSemibold },
});

type Journal = AccountingJournaux["journals"][number];

/** One journal's écritures on this page: a row group per écriture, then the journal's totals. */
function JournalSection({ journal }: { journal: Journal }) {
  const styles = useStyles();
  const layout = useLayoutStyles();
  const table = useTableStyles();
  const t = useT();
  const { locale } = useLocale();
  const captionId = useId("journal-caption");
  return (
    <TableScroll labelledBy={captionId}>
      <table className={table.table}>
        <caption id={captionId} className={table.caption}>
          {t("accountingUi.j.caption", { code: journal.journalCode, label: journal.journalLib })}{" "}
          <span className={styles.count}>
            · {translatePlural(locale, "accountingUi.j.count", journal.ecritureCount)}
          </span>
        </caption>
        <thead>
          <tr>
            <th scope="col" className={table.th}>
              {t("accountingUi.col.compte")}
            </th>
            <th scope="col" className={table.th}>
              {t("accountingUi.col.compteLib")}
            </th>
            <th scope="col" className={table.th}>
              {t("accountingUi.col.libelle")}
            </th>
            <th scope="col" className={mergeClasses(table.th, table.num)}>
              {t("accountingUi.col.debit")}
            </th>
            <th scope="col" className={mergeClasses(table.th, table.num)}>
              {t("accountingUi.col.credit")}
            </th>
            <th scope="col" className={table.th}>
              {t("accountingUi.col.lettrage")}
            </th>
          </tr>
        </thead>
        {journal.ecritures.map((e) => (
          <tbody key={e.ecritureNum}>
            <tr className={styles.ecriture}>
              <th scope="rowgroup" colSpan={6} className={mergeClasses(table.td, table.rowHeader)}>
                {t("accountingUi.j.ecriture", {
                  num: e.ecritureNum,
                  date: formatYmd(locale, e.date),
                  piece: e.pieceRef,
                  label: e.ecritureLib,
                })}
              </th>
            </tr>
            {e.lines.map((line) => (
              <tr key={line.line}>
                <td className={mergeClasses(table.td, table.code)}>
                  {line.compAuxNum ? `${line.compteNum} · ${line.compAuxNum}` : line.compteNum}
                </td>
                <td className={table.td}>{line.compAuxLib || line.compteLib}</td>
                <td className={table.td}>{line.ecritureLib}</td>
                <DebitCredit debit={line.debitCents} credit={line.creditCents} />
                <td className={mergeClasses(table.td, layout.mono)}>{line.ecritureLet ?? ""}</td>
              </tr>
            ))}
          </tbody>
        ))}
        <tfoot>
          <tr className={table.total}>
            <th scope="row" colSpan={3} className={mergeClasses(table.td, table.rowHeader)}>
              {t("accountingUi.j.total", { code: journal.journalCode })}
            </th>
            <DebitCredit debit={journal.totalDebitCents} credit={journal.totalCreditCents} />
            <td className={table.td} />
          </tr>
        </tfoot>
      </table>
    </TableScroll>
  );
}

/** Said while the import's search index is built: the search still answers, by reading everything. */
export function SearchIndexPending({ data }: { data: Pick<AccountingJournaux, "searchIndexPending"> }) {
  const t = useT();
  if (data.searchIndexPending !== true) return null;
  return (
    <MessageBar intent="info">
      <MessageBarBody>{t("accountingUi.j.indexPending")}</MessageBarBody>
    </MessageBar>
  );
}

/** Journaux: a journal picker, écritures grouped with their lines, server pages. */
export function JournauxView({ audience, dossierCode, period, range }: AccountingViewProps) {
  const styles = useStyles();
  const layout = useLayoutStyles();
  const t = useT();
  const [search, setSearch] = useState("");
  const [journal, setJournal] = useState("");
  const q = useDebounced(search.trim());
  const filters = { ...period, journal: journal || undefined, q: q || undefined };
  const [page, setPage] = usePage(filters);
  const journaux = useJournaux(audience, { ...filters, page, pageSize: PAGE_SIZE });
  const available = journaux.data?.available ?? [];

  return (
    <div className={layout.stackM}>
      <ViewToolbar
        search={search}
        onSearch={setSearch}
        searchPlaceholder={t("accountingUi.search.journaux")}
        filters={
          <Field label={t("accountingUi.j.journal")} className={styles.picker}>
            <Select value={journal} onChange={(_, data) => setJournal(data.value)}>
              <option value="">{t("accountingUi.j.allJournals")}</option>
              {available.map((j) => (
                <option key={j.journalCode} value={j.journalCode}>
                  {t("accountingUi.codeAndLabel", { code: j.journalCode, label: j.journalLib })}
                </option>
              ))}
            </Select>
          </Field>
        }
        actions={
          <ExportButtons
            audience={audience}
            view="journaux"
            params={filters}
            dossierCode={dossierCode}
            from={range.from}
            to={range.to}
            filter={journal || undefined}
          />
        }
      />
      <ViewFrame query={journaux}>
        {(data) =>
          data.journals.length === 0 ? (
            <>
              <SearchIndexPending data={data} />
              <Body1 as="p" className={layout.muted}>
                {t("accountingUi.noMatch")}
              </Body1>
            </>
          ) : (
            <>
              <SearchIndexPending data={data} />
              <div className={layout.stackXL}>
                {data.journals.map((j) => (
                  <JournalSection key={j.journalCode} journal={j} />
                ))}
              </div>
              <Pager page={data.page} pageCount={data.pageCount} onPage={setPage} busy={journaux.isFetching} />
            </>
          )
        }
      </ViewFrame>
    </div>
  );
}
