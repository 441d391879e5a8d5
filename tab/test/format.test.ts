import { describe, expect, it } from "vitest";
import { formatDateTime, formatDay, formatMonthDay, formatPhone, formatSiren } from "../src/components/format";

describe("formatting for staff screens", () => {
  it("shows instants on the Paris calendar, in French or English", () => {
    const iso = "2025-03-04T09:30:00.000Z";
    expect(formatDateTime("fr", iso)).toMatch(/^4 mars 2025.*10:30$/);
    expect(formatDateTime("en", iso)).toMatch(/^4 Mar 2025.*10:30$/);
    // 23:30 UTC on 31 December is already New Year's Day in Paris.
    expect(formatDateTime("fr", "2025-12-31T23:30:00.000Z")).toMatch(/^1 janv\. 2026/);
  });

  it("shows calendar days without moving them to another day", () => {
    expect(formatDay("fr", "2026-12-31")).toBe("31 déc. 2026");
    expect(formatDay("en", "2026-01-01")).toBe("1 Jan 2026");
  });

  it("writes French numbers the French way and leaves foreign ones international", () => {
    expect(formatPhone("+33123456789")).toBe("01 23 45 67 89");
    expect(formatPhone("+33612345678")).toBe("06 12 34 56 78");
    expect(formatPhone("+442071234567")).toBe("+442071234567");
    expect(formatPhone(null)).toBe("");
  });

  it("groups SIREN digits by three and names the fiscal year end", () => {
    expect(formatSiren("732829320")).toBe("732 829 320");
    expect(formatSiren(null)).toBe("");
    expect(formatMonthDay("fr", "12-31")).toBe("31 décembre");
    expect(formatMonthDay("en", "06-30")).toBe("30 June");
  });
});
