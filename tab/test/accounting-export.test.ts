import { describe, expect, it } from "vitest";
import { exportFileName, fileNameFromDisposition, safeFilePart } from "../src/features/accounting/export-name";

describe("export file names", () => {
  it("names the dossier, the view and the period", () => {
    expect(exportFileName({ dossierCode: "DIRECT3", view: "balance", format: "csv", from: 202504, to: 202603 })).toBe(
      "DIRECT3_balance_2025-04_2026-03.csv",
    );
    expect(
      exportFileName({
        dossierCode: "000001",
        view: "journaux",
        format: "xlsx",
        from: 202504,
        to: 202504,
        filter: "VE",
      }),
    ).toBe("000001_journaux_VE_2025-04.xlsx");
    expect(
      exportFileName({
        dossierCode: "ABC",
        view: "grand-livre",
        format: "csv",
        from: 202501,
        to: 202512,
        filter: "411",
      }),
    ).toBe("ABC_grand-livre_411_2025-01_2025-12.csv");
  });

  it("names a view at a date without a period (the balance âgée)", () => {
    expect(exportFileName({ dossierCode: "DIRECT3", view: "balance-agee", format: "xlsx" })).toBe(
      "DIRECT3_balance-agee.xlsx",
    );
  });

  it("keeps only safe characters", () => {
    expect(safeFilePart("Société Générale / Paris")).toBe("Societe-Generale-Paris");
    expect(safeFilePart("..\\..\\etc")).toBe("etc");
    expect(exportFileName({ dossierCode: "//", view: "balance", format: "csv", from: 202501, to: 202501 })).toBe(
      "dossier_balance_2025-01.csv",
    );
  });

  it("prefers the name the server gives", () => {
    expect(fileNameFromDisposition(`attachment; filename="DIRECT3_balance.csv"`)).toBe("DIRECT3_balance.csv");
    expect(
      fileNameFromDisposition(`attachment; filename="x.csv"; filename*=UTF-8''Soci%C3%A9t%C3%A9_balance.xlsx`),
    ).toBe("Societe_balance.xlsx");
    expect(fileNameFromDisposition(`attachment; filename=../../evil.csv`)).toBe("evil.csv");
    expect(fileNameFromDisposition("attachment")).toBeNull();
    expect(fileNameFromDisposition(null)).toBeNull();
  });
});
