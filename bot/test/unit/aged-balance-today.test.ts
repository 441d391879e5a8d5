import { describe, expect, it } from "vitest";
import { parisToday } from "../../src/accounting/views/aged-balance";

describe("the balance âgée's today", () => {
  it("is the date in Paris, where the firm and its clients read their accounts", () => {
    // 23:30 UTC on 31 December is already 1 January in Paris (UTC+1 in winter).
    expect(parisToday(new Date("2024-12-31T23:30:00Z"))).toBe(20250101);
    expect(parisToday(new Date("2024-12-31T22:59:00Z"))).toBe(20241231);
    // Summer time: UTC+2.
    expect(parisToday(new Date("2024-06-30T22:30:00Z"))).toBe(20240701);
  });
});
