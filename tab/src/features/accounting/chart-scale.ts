/**
 * The arithmetic of the Synthèse charts, kept apart from the SVG so it can be tested: a "nice" value
 * axis that always shows zero, and the x positions of grouped bars and line points.
 */

export interface ValueAxis {
  min: number;
  max: number;
  step: number;
  ticks: number[];
}

/** 1, 2, 2.5, 5 or 10 times a power of ten, the first at least `raw`. */
export function niceStep(raw: number): number {
  if (!(raw > 0) || !Number.isFinite(raw)) return 1;
  const power = 10 ** Math.floor(Math.log10(raw));
  for (const factor of [1, 2, 2.5, 5, 10]) if (factor * power >= raw) return factor * power;
  return 10 * power;
}

/**
 * An axis covering every value and zero with about `count` intervals. All-zero (or empty) data still
 * gets an axis from 0 to 1 so the chart draws.
 */
export function valueAxis(values: readonly number[], count = 4): ValueAxis {
  const finite = values.filter((v) => Number.isFinite(v));
  const lo = Math.min(0, ...finite);
  const hi = Math.max(0, ...finite);
  if (lo === hi) return { min: 0, max: 1, step: 1, ticks: [0, 1] };
  const step = niceStep((hi - lo) / Math.max(1, count));
  const min = Math.floor(lo / step) * step;
  const max = Math.ceil(hi / step) * step;
  const ticks: number[] = [];
  // Integer steps avoid 0.1 + 0.2 drift on the tick values.
  for (let i = 0; min + i * step <= max + step / 1e9; i++) ticks.push(min + i * step);
  return { min, max, step, ticks };
}

/** Maps a value of the axis to a y coordinate (SVG y grows downwards). */
export function yScale(axis: Pick<ValueAxis, "min" | "max">, top: number, bottom: number): (v: number) => number {
  const span = axis.max - axis.min || 1;
  return (v) => bottom - ((v - axis.min) / span) * (bottom - top);
}

export interface BandLayout {
  /** Width of one month's band. */
  band: number;
  /** Left x of the band of index i. */
  start: (i: number) => number;
  /** Centre x of the band of index i (line points, labels). */
  centre: (i: number) => number;
  /** Left x and width of bar `series` of `seriesCount` inside band i, with padding around the group. */
  bar: (i: number, series: number, seriesCount: number) => { x: number; width: number };
}

/** `count` equal bands between `left` and `right`; bars keep `padding` (0–0.5) of the band free. */
export function bandLayout(count: number, left: number, right: number, padding = 0.2): BandLayout {
  const band = count > 0 ? (right - left) / count : 0;
  const start = (i: number) => left + i * band;
  const inner = band * (1 - 2 * padding);
  return {
    band,
    start,
    centre: (i) => start(i) + band / 2,
    bar: (i, series, seriesCount) => {
      const width = inner / Math.max(1, seriesCount);
      return { x: start(i) + band * padding + series * width, width };
    },
  };
}

/** A rectangle from the zero line to a value, whatever its sign (SVG heights cannot be negative). */
export function barSpan(y: (v: number) => number, value: number): { y: number; height: number } {
  const zero = y(0);
  const top = y(value);
  return { y: Math.min(zero, top), height: Math.abs(zero - top) };
}

/** Polyline points "x,y x,y" for the values that exist (a missing N-1 month breaks nothing). */
export function linePoints(
  values: readonly (number | undefined)[],
  x: (i: number) => number,
  y: (v: number) => number,
): string {
  return values.flatMap((v, i) => (v === undefined ? [] : [`${round(x(i))},${round(y(v))}`])).join(" ");
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
