import { describe, expect, it } from "vitest";
import {
  clampMonthRange,
  exerciceMonths,
  isWholeExercice,
  monthEndIso,
  monthKey,
  monthLabel,
  monthOfIso,
  monthStartIso,
  parseMonthKey,
  ymdIso,
} from "../src/features/accounting/months";
import {
  closingIn,
  isPlausibleExercice,
  lastClosedExercice,
  nextDay,
  parisToday,
} from "../src/features/fec-import/exercice";

describe("month ranges of an exercice", () => {
  it("lists the months of an exercice across the new year", () => {
    expect(exerciceMonths("2024-04-01", "2025-03-31")).toEqual([
      202404, 202405, 202406, 202407, 202408, 202409, 202410, 202411, 202412, 202501, 202502, 202503,
    ]);
    expect(exerciceMonths("2024-07-15", "2025-12-31")).toHaveLength(18);
    expect(exerciceMonths("2025-12-31", "2025-01-01")).toEqual([]);
    expect(exerciceMonths("n/a", "2025-01-01")).toEqual([]);
  });

  it("keeps a chosen range inside the exercice and in order", () => {
    const months = exerciceMonths("2025-01-01", "2025-12-31");
    expect(clampMonthRange(months, {})).toEqual({ from: 202501, to: 202512 });
    expect(clampMonthRange(months, { from: 202503, to: 202506 })).toEqual({ from: 202503, to: 202506 });
    expect(clampMonthRange(months, { from: 202409, to: 202603 })).toEqual({ from: 202501, to: 202512 });
    expect(clampMonthRange(months, { from: 202508, to: 202502 })).toEqual({ from: 202502, to: 202508 });
    expect(clampMonthRange([], { from: 202501 })).toBeNull();
    expect(isWholeExercice(months, { from: 202501, to: 202512 })).toBe(true);
    expect(isWholeExercice(months, { from: 202502, to: 202512 })).toBe(false);
  });

  it("turns months into days and keys", () => {
    expect(monthStartIso(202502)).toBe("2025-02-01");
    expect(monthEndIso(202502)).toBe("2025-02-28");
    expect(monthEndIso(202402)).toBe("2024-02-29");
    expect(monthEndIso(202512)).toBe("2025-12-31");
    expect(monthKey(202503)).toBe("2025-03");
    expect(parseMonthKey("2025-03")).toBe(202503);
    expect(parseMonthKey("2025-13")).toBeNull();
    expect(parseMonthKey(null)).toBeNull();
    expect(monthOfIso("2025-11-30")).toBe(202511);
    expect(ymdIso(20250105)).toBe("2025-01-05");
  });

  it("names months in the reader's language", () => {
    expect(monthLabel("fr", 202503)).toBe("mars 2025");
    expect(monthLabel("en", 202503)).toBe("March 2025");
    expect(monthLabel("fr", 202501, "short")).toBe("janv. 25");
  });
});

describe("the exercice proposed for a FEC import", () => {
  it("is the last closed one", () => {
    expect(lastClosedExercice("12-31", "2026-11-30")).toEqual({ start: "2025-01-01", end: "2025-12-31" });
    expect(lastClosedExercice("03-31", "2026-11-30")).toEqual({ start: "2025-04-01", end: "2026-03-31" });
    // On the closing day itself the exercice is not closed yet.
    expect(lastClosedExercice("03-31", "2026-03-31")).toEqual({ start: "2024-04-01", end: "2025-03-31" });
    expect(lastClosedExercice("03-31", "2026-04-01")).toEqual({ start: "2025-04-01", end: "2026-03-31" });
  });

  it("handles a closing on 29 February", () => {
    expect(closingIn(2025, "02-29")).toBe("2025-02-28");
    expect(closingIn(2024, "02-29")).toBe("2024-02-29");
    expect(lastClosedExercice("02-29", "2025-06-01")).toEqual({ start: "2024-03-01", end: "2025-02-28" });
    expect(nextDay("2024-02-28")).toBe("2024-02-29");
    expect(nextDay("2025-12-31")).toBe("2026-01-01");
  });

  it("accepts exercices of up to 24 months only", () => {
    expect(isPlausibleExercice({ start: "2025-01-01", end: "2025-12-31" })).toBe(true);
    expect(isPlausibleExercice({ start: "2024-07-01", end: "2025-12-31" })).toBe(true);
    expect(isPlausibleExercice({ start: "2023-01-01", end: "2025-01-31" })).toBe(false);
    expect(isPlausibleExercice({ start: "2025-12-31", end: "2025-01-01" })).toBe(false);
    expect(isPlausibleExercice({ start: "", end: "2025-01-01" })).toBe(false);
  });

  it("reads today on the Paris calendar", () => {
    // 23:30 UTC on 31 December is already 1 January in Paris.
    expect(parisToday(new Date("2025-12-31T23:30:00Z"))).toBe("2026-01-01");
  });
});
