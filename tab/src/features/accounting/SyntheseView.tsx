import { makeStyles, mergeClasses, Subtitle2, tokens, useId } from "@fluentui/react-components";
import type { AccountingSynthese } from "@comptoir/shared/api/accounting";
import { KEY_FIGURE_IDS } from "@comptoir/shared/accounting/compute/key-figures";
import { SIG_LINES, sigLabelKey } from "@comptoir/shared/accounting/compute/sig";
import type { MessageKey } from "@comptoir/shared/i18n/fr";
import { useLayoutStyles } from "../../components/layout-styles";
import { useLocale, useT } from "../../i18n/context";
import { formatChange, formatMoney, variationPercent } from "./money";
import { MonthlyChart } from "./MonthlyChart";
import { TableScroll } from "./TableScroll";
import { useTableStyles } from "./table-styles";
import { useVisuallyHidden } from "./visually-hidden";

const useStyles = makeStyles({
  tiles: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(13rem, 1fr))",
    gap: tokens.spacingHorizontalM,
    margin: 0,
    padding: 0,
    listStyleType: "none",
  },
  tile: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow2,
  },
  tileLabel: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  tileValue: {
    fontSize: tokens.fontSizeBase500,
    fontWeight: tokens.fontWeightSemibold,
    fontVariantNumeric: "tabular-nums",
    color: tokens.colorNeutralForeground1,
  },
  tilePrevious: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3 },
  up: { color: tokens.colorPaletteGreenForeground1 },
  down: { color: tokens.colorPaletteRedForeground1 },
  sig: { maxWidth: "56rem" },
  charts: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fit, minmax(min(100%, 26rem), 1fr))",
    gap: tokens.spacingHorizontalL,
  },
});

type KeyFigureId = (typeof KEY_FIGURE_IDS)[number];

function keyFigureLabel(id: KeyFigureId): MessageKey {
  return `accounting.keyFigure.${id}`;
}

function cents(figures: AccountingSynthese["keyFigures"], id: KeyFigureId): number {
  return figures[`${id}Cents`];
}

/** Chiffres clés with N-1, the SIG table, then the monthly charts. */
export function SyntheseView({ data }: { data: AccountingSynthese }) {
  const styles = useStyles();
  const layout = useLayoutStyles();
  const table = useTableStyles();
  const hidden = useVisuallyHidden();
  const t = useT();
  const { locale } = useLocale();
  const tilesId = useId("key-figures");
  const sigId = useId("sig");
  const chartsId = useId("charts");
  const sigCaptionId = useId("sig-caption");
  const previous = data.previousKeyFigures;
  const previousSig = data.previousSig;
  const months = data.monthly.map((p) => p.month);
  const hasPrevious = data.monthly.some((p) => p.previous !== undefined);
  const current = t("accountingUi.synthese.current");
  const before = t("accountingUi.synthese.previousYear");
  const series = (pick: (p: AccountingSynthese["monthly"][number]) => number, kind: "bar" | "line") => [
    { id: "n", label: current, values: data.monthly.map(pick), kind, tone: "current" as const },
    ...(hasPrevious
      ? [
          {
            id: "n-1",
            label: before,
            values: data.monthly.map((p) => (p.previous ? pick(p.previous) : undefined)),
            kind,
            tone: "previous" as const,
          },
        ]
      : []),
  ];

  return (
    <div className={layout.stackXL}>
      <section className={layout.stackM} aria-labelledby={tilesId}>
        <Subtitle2 as="h3" id={tilesId} className={layout.flush}>
          {t("accountingUi.synthese.keyFigures")}
        </Subtitle2>
        <ul className={styles.tiles}>
          {KEY_FIGURE_IDS.map((id) => {
            const value = cents(data.keyFigures, id);
            const prior = previous ? cents(previous, id) : null;
            const change = variationPercent(value, prior);
            return (
              <li key={id} className={styles.tile} data-key-figure={id}>
                <span className={styles.tileLabel}>{t(keyFigureLabel(id))}</span>
                <span className={styles.tileValue}>{formatMoney(locale, value)}</span>
                <span className={styles.tilePrevious}>
                  {prior === null
                    ? t("accountingUi.synthese.noPrevious")
                    : t("accountingUi.synthese.previous", { amount: formatMoney(locale, prior) })}
                </span>
                {change !== null && (
                  <span
                    className={mergeClasses(styles.tilePrevious, change > 0 ? styles.up : change < 0 && styles.down)}
                  >
                    {t("accountingUi.synthese.variation", {
                      value: formatChange(locale, change),
                    })}
                  </span>
                )}
              </li>
            );
          })}
        </ul>
      </section>

      <section className={layout.stackM} aria-labelledby={sigId}>
        <Subtitle2 as="h3" id={sigId} className={layout.flush}>
          {t("accountingUi.synthese.sig")}
        </Subtitle2>
        <TableScroll labelledBy={sigCaptionId}>
          <table className={mergeClasses(table.table, styles.sig)}>
            <caption id={sigCaptionId} className={hidden.root}>
              {t("accountingUi.synthese.sig")} · {t("accountingUi.amountsInEuros")}
            </caption>
            <thead>
              <tr>
                <th scope="col" className={table.th}>
                  {t("accountingUi.synthese.sigLine")}
                </th>
                <th scope="col" className={mergeClasses(table.th, table.num)}>
                  {current}
                </th>
                {previousSig && (
                  <th scope="col" className={mergeClasses(table.th, table.num)}>
                    {before}
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {SIG_LINES.map((line) => (
                <tr key={line.id} className={line.total ? table.subtotal : undefined}>
                  <th scope="row" className={mergeClasses(table.td, table.rowHeader, !line.total && table.indent)}>
                    {t(sigLabelKey(line.id))}
                  </th>
                  <td className={mergeClasses(table.td, table.num)}>{formatMoney(locale, data.sig[line.id])}</td>
                  {previousSig && (
                    <td className={mergeClasses(table.td, table.num)}>{formatMoney(locale, previousSig[line.id])}</td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </section>

      <section className={layout.stackM} aria-labelledby={chartsId}>
        <Subtitle2 as="h3" id={chartsId} className={layout.flush}>
          {t("accountingUi.synthese.charts")}
        </Subtitle2>
        <div className={styles.charts}>
          <MonthlyChart
            title={t("accountingUi.chart.ca")}
            months={months}
            series={series((p) => p.caCents, "bar")}
            monthHeader={t("accountingUi.chart.month")}
          />
          <MonthlyChart
            title={t("accountingUi.chart.resultat")}
            months={months}
            series={series((p) => p.resultatCents, "bar")}
            monthHeader={t("accountingUi.chart.month")}
          />
          <MonthlyChart
            title={t("accountingUi.chart.tresorerie")}
            months={months}
            series={series((p) => p.tresorerieCents, "line")}
            monthHeader={t("accountingUi.chart.month")}
          />
        </div>
      </section>
    </div>
  );
}
