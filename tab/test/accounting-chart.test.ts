import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bandLayout, barSpan, linePoints, niceStep, valueAxis, yScale } from "../src/features/accounting/chart-scale";

describe("chart scaling", () => {
  it("rounds steps to 1, 2, 2.5, 5 or 10 times a power of ten", () => {
    expect(niceStep(0.7)).toBe(1);
    expect(niceStep(1.3)).toBe(2);
    expect(niceStep(2.2)).toBe(2.5);
    expect(niceStep(3)).toBe(5);
    expect(niceStep(7)).toBe(10);
    expect(niceStep(1_234_000)).toBe(2_000_000);
    expect(niceStep(0)).toBe(1);
  });

  it("builds an axis that covers every value and zero", () => {
    const axis = valueAxis([1200, 3400, -800]);
    expect(axis.min).toBeLessThanOrEqual(-800);
    expect(axis.max).toBeGreaterThanOrEqual(3400);
    expect(axis.ticks).toContain(0);
    expect(axis.ticks[0]).toBe(axis.min);
    expect(axis.ticks[axis.ticks.length - 1]).toBe(axis.max);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1e12, max: 1e12 }), { minLength: 1, maxLength: 24 }), (values) => {
        const a = valueAxis(values);
        for (const v of values) expect(v >= a.min && v <= a.max).toBe(true);
        expect(a.ticks).toContain(0);
        expect(a.ticks.length).toBeGreaterThanOrEqual(2);
        expect(a.ticks.length).toBeLessThanOrEqual(12);
      }),
    );
  });

  it("draws an empty or all-zero series on a 0–1 axis", () => {
    expect(valueAxis([])).toEqual({ min: 0, max: 1, step: 1, ticks: [0, 1] });
    expect(valueAxis([0, 0])).toEqual({ min: 0, max: 1, step: 1, ticks: [0, 1] });
  });

  it("maps values to SVG y, downwards", () => {
    const y = yScale({ min: -100, max: 300 }, 10, 210);
    expect(y(300)).toBe(10);
    expect(y(-100)).toBe(210);
    expect(y(0)).toBe(160);
  });

  it("lays bars side by side inside each month's band", () => {
    const layout = bandLayout(12, 0, 600, 0.2);
    expect(layout.band).toBe(50);
    expect(layout.centre(0)).toBe(25);
    const a = layout.bar(3, 0, 2);
    const b = layout.bar(3, 1, 2);
    expect(a.x).toBe(160);
    expect(a.width).toBe(15);
    expect(b.x).toBe(175);
    expect(b.x + b.width).toBeLessThanOrEqual(layout.start(4));
  });

  it("grows bars from the zero line in both directions", () => {
    const y = yScale({ min: -100, max: 100 }, 0, 200);
    expect(barSpan(y, 50)).toEqual({ y: 50, height: 50 });
    expect(barSpan(y, -50)).toEqual({ y: 100, height: 50 });
  });

  it("skips missing N-1 months in a line", () => {
    const y = yScale({ min: 0, max: 10 }, 0, 100);
    expect(linePoints([0, undefined, 10], (i) => i * 10, y)).toBe("0,100 20,0");
  });
});
