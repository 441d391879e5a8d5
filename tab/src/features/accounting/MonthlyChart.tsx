import { makeStyles, mergeClasses, tokens, useId } from "@fluentui/react-components";
import { useLocale } from "../../i18n/context";
import { bandLayout, barSpan, linePoints, valueAxis, yScale } from "./chart-scale";
import { formatCompactMoney, formatMoney } from "./money";
import { monthLabel } from "./months";
import { useVisuallyHidden } from "./visually-hidden";

export interface ChartSeries {
  id: string;
  /** Already localized: "Exercice 2025", "N-1"… */
  label: string;
  /** One value (cents) per month; undefined where N-1 has no such month. */
  values: readonly (number | undefined)[];
  kind: "bar" | "line";
  /** The current exercice in the brand colour, N-1 in a quieter neutral one. */
  tone: "current" | "previous";
}

interface MonthlyChartProps {
  /** Already localized; names the figure, the SVG and the data table. */
  title: string;
  months: readonly number[];
  series: readonly ChartSeries[];
  /** The header of the month column of the data table. */
  monthHeader: string;
}

const WIDTH = 440;
const HEIGHT = 220;
const PLOT = { left: 64, right: WIDTH - 8, top: 12, bottom: HEIGHT - 28 };

const useStyles = makeStyles({
  figure: {
    margin: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    minWidth: 0,
  },
  caption: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase300 },
  svg: { width: "100%", height: "auto", display: "block", overflow: "visible" },
  grid: { stroke: tokens.colorNeutralStroke2, strokeWidth: 1 },
  zero: { stroke: tokens.colorNeutralStroke1, strokeWidth: 1.5 },
  axisText: { fill: tokens.colorNeutralForeground3, fontSize: "11px", fontVariantNumeric: "tabular-nums" },
  barCurrent: { fill: tokens.colorBrandBackground },
  barPrevious: { fill: tokens.colorNeutralStrokeAccessible, opacity: 0.55 },
  lineCurrent: { fill: "none", stroke: tokens.colorBrandForeground1, strokeWidth: 2.5 },
  linePrevious: { fill: "none", stroke: tokens.colorNeutralStrokeAccessible, strokeWidth: 2, strokeDasharray: "5 4" },
  dotCurrent: { fill: tokens.colorBrandForeground1 },
  legend: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalL,
    margin: 0,
    padding: 0,
    listStyleType: "none",
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
  },
  legendItem: { display: "inline-flex", alignItems: "center", gap: tokens.spacingHorizontalXS },
  swatch: { width: "12px", height: "12px", borderRadius: tokens.borderRadiusSmall, flexShrink: 0 },
  swatchCurrent: { backgroundColor: tokens.colorBrandBackground },
  swatchPrevious: { backgroundColor: tokens.colorNeutralStrokeAccessible, opacity: 0.55 },
  swatchLinePrevious: {
    height: 0,
    borderTop: `2px dashed ${tokens.colorNeutralStrokeAccessible}`,
    borderRadius: 0,
  },
});

/**
 * Month-by-month bars or lines drawn in plain SVG with theme tokens. The SVG is one image named by its
 * title; the same figures sit in a visually hidden table for screen readers.
 */
export function MonthlyChart({ title, months, series, monthHeader }: MonthlyChartProps) {
  const styles = useStyles();
  const hidden = useVisuallyHidden();
  const { locale } = useLocale();
  const titleId = useId("chart-title");
  const axis = valueAxis(series.flatMap((s) => s.values.filter((v): v is number => v !== undefined)));
  const y = yScale(axis, PLOT.top, PLOT.bottom);
  const layout = bandLayout(months.length, PLOT.left, PLOT.right);
  const bars = series.filter((s) => s.kind === "bar");
  // Every other month label when they would collide.
  const labelEvery = months.length > 12 ? 3 : months.length > 8 ? 2 : 1;

  return (
    <figure className={styles.figure}>
      <figcaption id={titleId} className={styles.caption}>
        {title}
      </figcaption>
      <svg
        className={styles.svg}
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-labelledby={titleId}
        preserveAspectRatio="xMidYMid meet"
      >
        <title>{title}</title>
        {axis.ticks.map((tick) => (
          <g key={tick}>
            <line
              className={tick === 0 ? styles.zero : styles.grid}
              x1={PLOT.left}
              x2={PLOT.right}
              y1={y(tick)}
              y2={y(tick)}
            />
            <text className={styles.axisText} x={PLOT.left - 6} y={y(tick) + 4} textAnchor="end">
              {formatCompactMoney(locale, tick)}
            </text>
          </g>
        ))}
        {bars.map((s, index) =>
          s.values.map((value, i) => {
            if (value === undefined) return null;
            const { x, width } = layout.bar(i, index, bars.length);
            const span = barSpan(y, value);
            return (
              <rect
                key={`${s.id}-${months[i] ?? i}`}
                className={s.tone === "current" ? styles.barCurrent : styles.barPrevious}
                x={x}
                width={Math.max(1, width - 1)}
                y={span.y}
                height={Math.max(value === 0 ? 0 : 1, span.height)}
                rx={2}
              />
            );
          }),
        )}
        {series
          .filter((s) => s.kind === "line")
          .map((s) => (
            <g key={s.id}>
              <polyline
                className={s.tone === "current" ? styles.lineCurrent : styles.linePrevious}
                points={linePoints(s.values, layout.centre, y)}
              />
              {s.tone === "current" &&
                s.values.map((value, i) =>
                  value === undefined ? null : (
                    <circle
                      key={months[i] ?? i}
                      className={styles.dotCurrent}
                      cx={layout.centre(i)}
                      cy={y(value)}
                      r={3}
                    />
                  ),
                )}
            </g>
          ))}
        {months.map((month, i) =>
          i % labelEvery === 0 ? (
            <text key={month} className={styles.axisText} x={layout.centre(i)} y={HEIGHT - 8} textAnchor="middle">
              {monthLabel(locale, month, "short")}
            </text>
          ) : null,
        )}
      </svg>
      <ul className={styles.legend} aria-hidden="true">
        {series.map((s) => (
          <li key={s.id} className={styles.legendItem}>
            <span
              className={mergeClasses(
                styles.swatch,
                s.tone === "current" ? styles.swatchCurrent : styles.swatchPrevious,
                s.kind === "line" && s.tone === "previous" && styles.swatchLinePrevious,
              )}
            />
            {s.label}
          </li>
        ))}
      </ul>
      <table className={hidden.root}>
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">{monthHeader}</th>
            {series.map((s) => (
              <th key={s.id} scope="col">
                {s.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {months.map((month, i) => (
            <tr key={month}>
              <th scope="row">{monthLabel(locale, month)}</th>
              {series.map((s) => {
                const value = s.values[i];
                return <td key={s.id}>{value === undefined ? "—" : formatMoney(locale, value)}</td>;
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
