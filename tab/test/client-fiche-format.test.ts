import { describe, expect, it } from "vitest";
import { LEGAL_FORMS } from "@comptoir/shared/domain/dossier";
import { CATALOGUES } from "@comptoir/shared/i18n/translate";
import { formatSiren } from "../src/components/format";
import {
  addressLines,
  formatClosingDate,
  formatSiret,
  legalFormLabel,
} from "../src/features/client-fiche/fiche-format";

describe("the fiche société's identifiers", () => {
  it("groups a SIREN by threes", () => {
    expect(formatSiren("887654325")).toBe("887 654 325");
  });

  it("writes a SIRET as its SIREN by threes, then the five-digit NIC", () => {
    expect(formatSiret("88765432500018")).toBe("887 654 325 00018");
    expect(formatSiret("887 654 325 00018")).toBe("887 654 325 00018");
  });

  it("leaves something that is not a SIRET as it is", () => {
    expect(formatSiret("1234")).toBe("1234");
    expect(formatSiret("8876543250001A")).toBe("8876543250001A");
  });
});

describe("the date de clôture", () => {
  it("names the day of the year in French and in English", () => {
    expect(formatClosingDate("fr", "12-31")).toBe("31 décembre");
    expect(formatClosingDate("en", "12-31")).toBe("31 December");
    expect(formatClosingDate("fr", "03-31")).toBe("31 mars");
    expect(formatClosingDate("en", "06-30")).toBe("30 June");
  });

  it("keeps 29 February, which some fiscal years close on", () => {
    expect(formatClosingDate("fr", "02-29")).toBe("29 février");
  });
});

describe("the forme juridique", () => {
  it("gives the code, then its name in the reader's language", () => {
    expect(legalFormLabel("fr", "SAS")).toBe("SAS — Société par actions simplifiée");
    expect(legalFormLabel("en", "SAS")).toBe("SAS — Simplified joint-stock company");
    expect(legalFormLabel("fr", "SARL")).toBe("SARL — Société à responsabilité limitée");
  });

  it("gives the name alone when the code would only repeat it, or is no code at all", () => {
    expect(legalFormLabel("fr", "ASSOCIATION")).toBe("Association");
    expect(legalFormLabel("fr", "AUTRE")).toBe("Autre forme juridique");
    expect(legalFormLabel("en", "AUTRE")).toBe("Other legal form");
  });

  it("has a label for every legal form, in both languages", () => {
    for (const form of LEGAL_FORMS) {
      for (const locale of ["fr", "en"] as const) {
        const label = legalFormLabel(locale, form);
        expect(label).toContain(CATALOGUES[locale][`domain.legalForm.${form}`]);
        expect(label).not.toMatch(/[{}]/);
      }
    }
  });
});

describe("the adresse", () => {
  const lille = { line1: "15 rue Nationale", line2: null, postalCode: "59000", city: "Lille", country: "FR" };

  it("writes a French address on postal lines, without the country", () => {
    expect(addressLines("fr", lille)).toEqual(["15 rue Nationale", "59000 Lille"]);
    expect(addressLines("fr", { ...lille, line2: "Bâtiment B" })).toEqual([
      "15 rue Nationale",
      "Bâtiment B",
      "59000 Lille",
    ]);
  });

  it("names a foreign country in the reader's language", () => {
    const brussels = { line1: "Rue de la Loi 16", line2: null, postalCode: "1000", city: "Bruxelles", country: "BE" };
    expect(addressLines("fr", brussels)).toEqual(["Rue de la Loi 16", "1000 Bruxelles", "Belgique"]);
    expect(addressLines("en", brussels).at(-1)).toBe("Belgium");
  });
});
