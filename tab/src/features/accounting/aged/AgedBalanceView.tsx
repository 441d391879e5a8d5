import { useState } from "react";
import { Body1, Button, makeStyles, MessageBar, MessageBarBody, mergeClasses, useId } from "@fluentui/react-components";
import { AGING_BUCKETS } from "@comptoir/shared/accounting/compute/aged-balance";
import { ymdToIso } from "@comptoir/shared/accounting/fec/date";
import { AGED_VIEW, type AccountingAgedBalance } from "@comptoir/shared/api/aged-balance";
import { useLayoutStyles } from "../../../components/layout-styles";
import { useLocale, useT } from "../../../i18n/context";
import { ExportButtons } from "../ExportButtons";
import { formatAmount } from "../money";
import { formatYmd } from "../months";
import { TableScroll } from "../TableScroll";
import { useTableStyles } from "../table-styles";
import type { AccountingViewProps } from "../view-props";
import { ViewFrame } from "../ViewFrame";
import { AgedLinesDialog } from "./AgedLinesDialog";
import { AgedEmpty } from "./AgedEmpty";
import { AgedToolbar } from "./AgedToolbar";
import { useAgedBalance } from "./useAgedBalance";
import { useAgedChoice } from "./useAgedChoice";
import { ACCOUNT_KEY, SIGN_KEY, BUCKET_KEY } from "./aged-keys";

type Party = AccountingAgedBalance["parties"][number];

const useStyles = makeStyles({
  partyButton: { minWidth: 0, fontVariantNumeric: "tabular-nums" },
});

/** Per bucket amount cells, then the total. */
function BucketCells({ buckets, total }: { buckets: Party["buckets"]; total: number }) {
  const table = useTableStyles();
  const { locale } = useLocale();
  return (
    <>
      {AGING_BUCKETS.map((b) => (
        <td key={b} className={mergeClasses(table.td, table.num)}>
          {buckets[b] === 0 ? "" : formatAmount(locale, buckets[b])}
        </td>
      ))}
      <td className={mergeClasses(table.td, table.num)}>{formatAmount(locale, total)}</td>
    </>
  );
}

/** A note on the rule, then why the table is empty, or the table. */
function AgedTable({ data, onDrill }: { data: AccountingAgedBalance; onDrill: (party: Party) => void }) {
  const styles = useStyles();
  const table = useTableStyles();
  const layout = useLayoutStyles();
  const t = useT();
  const { locale } = useLocale();
  const captionId = useId("aged-caption");
  if (!data.hasAccount || data.parties.length === 0)
    return <AgedEmpty account={data.account} hasAccount={data.hasAccount} />;
  return (
    <div className={layout.stackM}>
      <TableScroll labelledBy={captionId}>
        <table className={table.table}>
          <caption id={captionId} className={table.caption}>
            {t("agedUi.caption", { account: t(ACCOUNT_KEY[data.account]), date: formatYmd(locale, data.date) })} ·{" "}
            {t("accountingUi.amountsInEuros")}
          </caption>
          <thead>
            <tr>
              <th scope="col" className={table.th}>
                {t("agedUi.col.party")}
              </th>
              <th scope="col" className={table.th}>
                {t("agedUi.col.label")}
              </th>
              {AGING_BUCKETS.map((b) => (
                <th key={b} scope="col" className={mergeClasses(table.th, table.num)}>
                  {t(BUCKET_KEY[b])}
                </th>
              ))}
              <th scope="col" className={mergeClasses(table.th, table.num)}>
                {t("agedUi.col.total")}
              </th>
            </tr>
          </thead>
          <tbody>
            {data.parties.map((p) => (
              <tr key={`${p.kind}|${p.key}`}>
                <th scope="row" className={mergeClasses(table.td, table.rowHeader, table.code)}>
                  <Button
                    appearance="transparent"
                    size="small"
                    className={styles.partyButton}
                    aria-label={t("agedUi.showLines", { party: `${p.key} ${p.label}`.trim() })}
                    onClick={() => onDrill(p)}
                  >
                    {p.key}
                  </Button>
                </th>
                <td className={table.td}>{p.label}</td>
                <BucketCells buckets={p.buckets} total={p.totalCents} />
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr className={table.total}>
              <th scope="row" colSpan={2} className={mergeClasses(table.td, table.rowHeader)}>
                {t("agedUi.total")}
              </th>
              <BucketCells buckets={data.totals} total={data.totalCents} />
            </tr>
          </tfoot>
        </table>
      </TableScroll>
      <Body1 as="p" className={layout.muted}>
        {t(SIGN_KEY[data.account])}
      </Body1>
    </div>
  );
}

/** Balance âgée: clients or suppliers at a reference date, per third party and bucket; a third party opens its lines. */
export function AgedBalanceView({ audience, dossierCode, period }: AccountingViewProps) {
  const layout = useLayoutStyles();
  const t = useT();
  const choice = useAgedChoice(period.exercice);
  const aged = useAgedBalance(audience, choice.params);
  const [drilled, setDrilled] = useState<Party | null>(null);
  // The drill-down and its export read at the date the table on screen was computed for.
  const shown = aged.data;
  const drillParams = shown ? { ...choice.params, date: ymdToIso(shown.date) } : choice.params;

  return (
    <div className={layout.stackM}>
      <AgedToolbar
        choice={choice}
        shown={shown}
        actions={
          <ExportButtons
            audience={audience}
            view={AGED_VIEW}
            params={drillParams}
            dossierCode={dossierCode}
            label={t("accountingUi.export.group")}
          />
        }
      />
      <MessageBar intent="info">
        <MessageBarBody>{t("agedUi.rule")}</MessageBarBody>
      </MessageBar>
      <ViewFrame query={aged}>{(data) => <AgedTable data={data} onDrill={setDrilled} />}</ViewFrame>
      <AgedLinesDialog
        audience={audience}
        dossierCode={dossierCode}
        params={drillParams}
        party={drilled}
        onClose={() => setDrilled(null)}
      />
    </div>
  );
}
