import { describe, expect, it } from "vitest";
import { intakeExercice } from "../../src/accounting/fec/intake-exercice";

describe("intakeExercice", () => {
  const base = { fiscalYearEnd: "12-31", firstDate: 20240101, lastDate: 20241231 };

  it("takes the end from the file's name and starts a year earlier", () => {
    expect(intakeExercice({ ...base, fileName: "732829320FEC20241231.txt" })).toEqual({
      start: "2024-01-01",
      end: "2024-12-31",
    });
    expect(intakeExercice({ ...base, fileName: "732829320FEC20250630.txt", firstDate: 20240701 })).toEqual({
      start: "2024-07-01",
      end: "2025-06-30",
    });
  });

  it("starts at the first écriture of a long first exercice, within 24 months", () => {
    const long = intakeExercice({ ...base, fileName: "732829320FEC20241231.txt", firstDate: 20230601 });
    expect(long).toEqual({ start: "2023-06-01", end: "2024-12-31" });
    const tooLong = intakeExercice({ ...base, fileName: "732829320FEC20241231.txt", firstDate: 20211231 });
    expect(tooLong?.start).toBe("2024-01-01");
  });

  it("handles a 29 February closing in a common year before it", () => {
    expect(intakeExercice({ ...base, fileName: "732829320FEC20240229.txt", firstDate: 20230301 })).toEqual({
      start: "2023-03-01",
      end: "2024-02-29",
    });
  });

  it("without a conforming name, ends at the dossier's closing on or after the last écriture", () => {
    expect(
      intakeExercice({ fileName: "export.txt", fiscalYearEnd: "06-30", firstDate: 20230701, lastDate: 20240615 }),
    ).toEqual({ start: "2023-07-01", end: "2024-06-30" });
    expect(
      intakeExercice({ fileName: "export.txt", fiscalYearEnd: "06-30", firstDate: 20240701, lastDate: 20241015 }),
    ).toEqual({ start: "2024-07-01", end: "2025-06-30" });
    expect(
      intakeExercice({ fileName: "export.txt", fiscalYearEnd: "12-31", firstDate: null, lastDate: null }),
    ).toBeNull();
  });
});
