import {
  Body1,
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  mergeClasses,
  useId,
} from "@fluentui/react-components";
import { AGED_VIEW, type AccountingAgedBalance } from "@comptoir/shared/api/aged-balance";
import { useLayoutStyles } from "../../../components/layout-styles";
import { useLocale, useT } from "../../../i18n/context";
import type { AccountingAudience } from "../audience";
import { ExportButtons } from "../ExportButtons";
import { formatAmount } from "../money";
import { formatYmd } from "../months";
import { TableScroll } from "../TableScroll";
import { useTableStyles } from "../table-styles";
import { ViewFrame } from "../ViewFrame";
import { OpenLineCells, OpenLineHeaders } from "./OpenLinesTable";
import { useAgedLines, type AgedParams } from "./useAgedBalance";

const useStyles = makeStyles({ surface: { maxWidth: "min(72rem, 95vw)" } });

type Party = AccountingAgedBalance["parties"][number];

interface AgedLinesDialogProps {
  audience: AccountingAudience;
  dossierCode: string;
  params: AgedParams;
  /** The third party drilled into; null when closed. */
  party: Party | null;
  onClose: () => void;
}

/** A third party's open lines at the reference date, with their export; Échap or *Fermer* goes back. */
export function AgedLinesDialog({ audience, dossierCode, params, party, onClose }: AgedLinesDialogProps) {
  const styles = useStyles();
  const t = useT();
  const { locale } = useLocale();
  const layout = useLayoutStyles();
  const table = useTableStyles();
  const captionId = useId("aged-lines-caption");
  const partyParams = { ...params, party: party?.key ?? "", partyKind: party?.kind ?? "aux" };
  const lines = useAgedLines(audience, partyParams, party !== null);
  const name = party ? `${party.key} ${party.label}`.trim() : "";

  return (
    <Dialog open={party !== null} onOpenChange={(_, data) => !data.open && onClose()}>
      <DialogSurface className={styles.surface}>
        <DialogBody>
          <DialogTitle>{t("agedUi.showLines", { party: name })}</DialogTitle>
          <DialogContent className={layout.stackM}>
            <ExportButtons
              audience={audience}
              view={AGED_VIEW}
              params={partyParams}
              dossierCode={dossierCode}
              label={t("agedUi.export.party", { party: name })}
            />
            <ViewFrame query={lines}>
              {(data) =>
                data.lines.length === 0 ? (
                  <Body1 as="p" className={layout.muted}>
                    {t("agedUi.lines.empty")}
                  </Body1>
                ) : (
                  <TableScroll labelledBy={captionId}>
                    <table className={table.table}>
                      <caption id={captionId} className={table.caption}>
                        {t("agedUi.lines.caption", { party: name, date: formatYmd(locale, data.date) })} ·{" "}
                        {t("accountingUi.amountsInEuros")}
                      </caption>
                      <thead>
                        <tr>
                          <th scope="col" className={table.th}>
                            {t("agedUi.col.date")}
                          </th>
                          <OpenLineHeaders />
                        </tr>
                      </thead>
                      <tbody>
                        {data.lines.map((l) => (
                          <tr key={l.line}>
                            <th scope="row" className={mergeClasses(table.td, table.rowHeader, table.code)}>
                              {formatYmd(locale, l.date)}
                            </th>
                            <OpenLineCells item={l} />
                          </tr>
                        ))}
                      </tbody>
                      <tfoot>
                        <tr className={table.total}>
                          <th scope="row" colSpan={6} className={mergeClasses(table.td, table.rowHeader)}>
                            {t("agedUi.col.total")}
                          </th>
                          <td className={mergeClasses(table.td, table.num)}>
                            {formatAmount(locale, data.party.totalCents)}
                          </td>
                          <td className={table.td} />
                        </tr>
                      </tfoot>
                    </table>
                  </TableScroll>
                )
              }
            </ViewFrame>
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={onClose}>
              {t("agedUi.close")}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
