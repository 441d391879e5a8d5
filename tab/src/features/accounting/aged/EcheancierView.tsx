import { Body1, MessageBar, MessageBarBody, mergeClasses, useId } from "@fluentui/react-components";
import type { AccountingEcheancier } from "@comptoir/shared/api/aged-balance";
import { translatePlural } from "@comptoir/shared/i18n/translate";
import { useLayoutStyles } from "../../../components/layout-styles";
import { useLocale, useT } from "../../../i18n/context";
import { formatAmount, formatMoney } from "../money";
import { formatYmd } from "../months";
import { Pager } from "../Pager";
import { TableScroll } from "../TableScroll";
import { useTableStyles } from "../table-styles";
import { usePage } from "../usePage";
import type { AccountingViewProps } from "../view-props";
import { ViewFrame } from "../ViewFrame";
import { AgedEmpty } from "./AgedEmpty";
import { AgedToolbar } from "./AgedToolbar";
import { OpenLineCells, OpenLineHeaders } from "./OpenLinesTable";
import { useEcheancier } from "./useAgedBalance";
import { useAgedChoice } from "./useAgedChoice";
import { ACCOUNT_KEY } from "./aged-keys";

const PAGE_SIZE = 200;

function EcheancierTable({ data }: { data: AccountingEcheancier }) {
  const table = useTableStyles();
  const layout = useLayoutStyles();
  const t = useT();
  const { locale } = useLocale();
  const captionId = useId("echeancier-caption");
  if (!data.hasAccount || data.itemCount === 0)
    return <AgedEmpty account={data.account} hasAccount={data.hasAccount} />;
  return (
    <div className={layout.stackM}>
      <Body1 as="p" className={layout.muted}>
        {translatePlural(locale, "agedUi.echeancier.count", data.itemCount, {
          total: formatMoney(locale, data.totalCents),
        })}
      </Body1>
      <TableScroll labelledBy={captionId}>
        <table className={table.table}>
          <caption id={captionId} className={table.caption}>
            {t("agedUi.echeancier.caption", {
              account: t(ACCOUNT_KEY[data.account]),
              date: formatYmd(locale, data.date),
            })}{" "}
            · {t("accountingUi.amountsInEuros")}
          </caption>
          <thead>
            <tr>
              <th scope="col" className={table.th}>
                {t("agedUi.col.date")}
              </th>
              <th scope="col" className={table.th}>
                {t("agedUi.col.party")}
              </th>
              <OpenLineHeaders />
              <th scope="col" className={mergeClasses(table.th, table.num)}>
                {t("agedUi.col.cumulative")}
              </th>
            </tr>
          </thead>
          <tbody>
            {data.rows.map((r) => (
              <tr key={r.line}>
                <th scope="row" className={mergeClasses(table.td, table.rowHeader, table.code)}>
                  {formatYmd(locale, r.date)}
                </th>
                <td className={table.td}>
                  {r.compAuxNum ?? r.compteNum} {r.partyLabel}
                </td>
                <OpenLineCells item={r} />
                <td className={mergeClasses(table.td, table.num)}>{formatAmount(locale, r.cumulativeCents)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </div>
  );
}

/** Échéancier: the balance âgée's open items one by one, by the date their age counts from, with the running total. */
export function EcheancierView({ audience, period }: AccountingViewProps) {
  const layout = useLayoutStyles();
  const t = useT();
  const choice = useAgedChoice(period.exercice);
  const [page, setPage] = usePage(choice.params);
  const schedule = useEcheancier(audience, { ...choice.params, page, pageSize: PAGE_SIZE });
  const shown = schedule.data;
  return (
    <div className={layout.stackM}>
      <AgedToolbar choice={choice} shown={shown} />
      <MessageBar intent="info">
        <MessageBarBody>{t("agedUi.rule")}</MessageBarBody>
      </MessageBar>
      <ViewFrame query={schedule}>
        {(data) => (
          <>
            <EcheancierTable data={data} />
            <Pager
              page={data.pageInfo.page}
              pageCount={data.pageInfo.pageCount}
              onPage={setPage}
              busy={schedule.isFetching}
            />
          </>
        )}
      </ViewFrame>
    </div>
  );
}
