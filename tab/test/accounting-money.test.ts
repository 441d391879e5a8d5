import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  balanceSide,
  formatAmount,
  formatAmountOrBlank,
  formatCompactMoney,
  formatMoney,
  variationPercent,
} from "../src/features/accounting/money";

/** Intl groups French thousands with a narrow no-break space and puts a no-break space before €. */
const plain = (s: string) => s.replace(/[\u202f\u00a0]/g, " ");

describe("money from integer cents", () => {
  it("writes euros the French way and the English way", () => {
    expect(plain(formatMoney("fr", 123456))).toBe("1 234,56 €");
    expect(formatMoney("en", 123456)).toBe("€1,234.56");
    expect(plain(formatMoney("fr", 5))).toBe("0,05 €");
    expect(plain(formatMoney("fr", 0))).toBe("0,00 €");
  });

  it("puts a minus sign on negative amounts, never parentheses", () => {
    expect(plain(formatMoney("fr", -123456))).toBe("-1 234,56 €");
    expect(formatMoney("en", -99)).toBe("-€0.99");
    expect(formatMoney("fr", -1)).not.toMatch(/[()]/);
  });

  it("keeps every cent of large amounts (no float rounding)", () => {
    // 90 000 000 000 000,07 € is beyond what cents / 100 keeps exactly in a double.
    expect(plain(formatAmount("fr", 9_000_000_000_000_007))).toBe("90 000 000 000 000,07");
    fc.assert(
      fc.property(fc.integer({ min: -1e15, max: 1e15 }), (cents) => {
        const digits = plain(formatAmount("fr", cents)).replace(/[ ,-]/g, "");
        expect(BigInt(digits)).toBe(BigInt(Math.abs(cents)));
      }),
    );
  });

  it("leaves zero blank in debit and credit columns", () => {
    expect(formatAmountOrBlank("fr", 0)).toBe("");
    expect(plain(formatAmountOrBlank("fr", 100000))).toBe("1 000,00");
  });

  it("shortens chart axes", () => {
    expect(plain(formatCompactMoney("fr", 12_345_600))).toMatch(/^123,5 k ?€$/);
    expect(formatCompactMoney("en", -150_000_000)).toMatch(/^-€1\.5[mM]$/);
  });

  it("tells the side of a balance and the change from N-1", () => {
    expect(balanceSide(1)).toBe("debit");
    expect(balanceSide(-1)).toBe("credit");
    expect(balanceSide(0)).toBe("zero");
    expect(variationPercent(120, 100)).toBe(20);
    expect(variationPercent(-50, -100)).toBe(50);
    expect(variationPercent(1, 3)).toBe(-66.7);
    expect(variationPercent(10, 0)).toBeNull();
    expect(variationPercent(10, undefined)).toBeNull();
  });
});
