import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import {
  applyDossierUpdate,
  assertDossierDeletable,
  assertEtablissementsNotInUse,
  dossierCodeKey,
  dossierCreateInputSchema,
  dossierSchema,
  dossierUpdateInputSchema,
  findEtablissement,
  isValidMonthDay,
  zodIssuesToFields,
} from "../../src/domain";
import { LATER, makeDossier, makeSubscription, thrown } from "./fixtures";

function issuePaths(input: unknown): string[] {
  const r = dossierCreateInputSchema.safeParse(input);
  return r.success ? [] : zodIssuesToFields(r.error, "fr").map((f) => f.path);
}

describe("dossier create input", () => {
  it("applies defaults and normalises what people type", () => {
    const d = dossierCreateInputSchema.parse({
      code: "  000097 ",
      name: "ROLL N CO 2",
      siren: "812 345 676",
      nafCode: "5610a",
      address: { line1: "4 quai des Chartrons", postalCode: "33000", city: "Bordeaux" },
    });
    expect(d).toEqual({
      code: "000097",
      name: "ROLL N CO 2",
      siren: "812345676",
      legalForm: null,
      address: { line1: "4 quai des Chartrons", line2: null, postalCode: "33000", city: "Bordeaux", country: "FR" },
      nafCode: "56.10A",
      fiscalYearEnd: "12-31",
      responsible: null,
      etablissements: [],
    });
  });

  it("treats blank optional identifiers as absent", () => {
    const d = dossierCreateInputSchema.parse({ code: "DIRECT3", name: "DIRECT3", siren: "", nafCode: "" });
    expect(d.siren).toBeNull();
    expect(d.nafCode).toBeNull();
  });

  it.each([
    [{ code: "" }, "code"],
    [{ code: "A".repeat(21) }, "code"],
    [{ code: "RP/TEST" }, "code"],
    [{ name: " " }, "name"],
    [{ siren: "732829321" }, "siren"],
    [{ nafCode: "62-01Z" }, "nafCode"],
    [{ fiscalYearEnd: "02-30" }, "fiscalYearEnd"],
    [{ fiscalYearEnd: "13-01" }, "fiscalYearEnd"],
    [{ legalForm: "LLC" }, "legalForm"],
    [{ address: { line1: "1 rue X", postalCode: "7500", city: "Paris" } }, "address.postalCode"],
  ])("refuses %o at %s", (patch, path) => {
    expect(issuePaths({ code: "D1", name: "Dossier", ...patch })).toContain(path);
  });

  it("accepts a foreign postcode format outside France", () => {
    expect(
      issuePaths({
        code: "D1",
        name: "D",
        address: { line1: "Rue Neuve 1", postalCode: "1000", city: "Bruxelles", country: "be" },
      }),
    ).toEqual([]);
  });

  it("checks établissements: SIRET key, unique codes, SIRET starting with the SIREN", () => {
    const base = { code: "D1", name: "D", siren: "798456125" };
    expect(issuePaths({ ...base, etablissements: [{ code: "001", name: "Siège", siret: "79845612500012" }] })).toEqual([
      "etablissements.0.siret",
    ]);
    expect(
      issuePaths({
        ...base,
        etablissements: [
          { code: "001", name: "Siège", siret: "79845612500011" },
          { code: "001 ", name: "Magasin", siret: "79845612500029" },
        ],
      }),
    ).toEqual(["etablissements.1.code"]);
    expect(issuePaths({ ...base, etablissements: [{ code: "001", name: "Siège", siret: "73282932000074" }] })).toEqual([
      "etablissements.0.siret",
    ]);
    // Without a SIREN on the dossier there is nothing to compare with.
    expect(
      issuePaths({ code: "D1", name: "D", etablissements: [{ code: "001", name: "Siège", siret: "73282932000074" }] }),
    ).toEqual([]);
  });

  it("knows which fiscal year ends exist", () => {
    expect(["12-31", "03-31", "06-30", "09-30", "02-29", "01-01"].every(isValidMonthDay)).toBe(true);
    expect(["04-31", "02-30", "00-10", "12-00", "1231", "12-31 "].some(isValidMonthDay)).toBe(false);
  });
});

describe("createDossier / applyDossierUpdate", () => {
  it("creates a dossier with the offer off and the widget not initialised", () => {
    const d = makeDossier();
    expect(d.offers.consultation).toEqual({ active: false, activatedAt: null, activatedBy: null });
    expect(d.collaborativeWidget).toEqual({ initialized: false, extensionActive: false, at: null, by: null });
    expect(dossierSchema.parse(d)).toEqual(d);
  });

  it("changes only the keys the patch sets; null clears", () => {
    const d = makeDossier({ nafCode: "47.11B" });
    const patch = dossierUpdateInputSchema.parse({ name: "RPTEST2 bis", nafCode: null });
    const updated = applyDossierUpdate(d, patch, LATER);
    expect(updated).toEqual({ ...d, name: "RPTEST2 bis", nafCode: null, updatedAt: LATER.toISOString() });
  });

  it("re-checks cross-field rules on the merged dossier", () => {
    const d = makeDossier();
    const patch = dossierUpdateInputSchema.parse({ siren: "732829320" });
    expect(() => applyDossierUpdate(d, patch, LATER)).toThrow(ZodError);
  });

  it("dossier codes compare case- and space-insensitively", () => {
    expect(dossierCodeKey(" rptest2 ")).toBe(dossierCodeKey("RPTEST2"));
    expect(dossierCodeKey("ROLL  N CO 2")).toBe("ROLL N CO 2");
  });

  it("finds établissements by code", () => {
    expect(findEtablissement(makeDossier(), "002")?.name).toBe("Magasin");
    expect(findEtablissement(makeDossier(), "003")).toBeUndefined();
  });
});

describe("dossier deletion and établissement removal", () => {
  it("refuses to delete a dossier with live services", () => {
    const d = makeDossier();
    const subs = [makeSubscription({ status: "active" }), makeSubscription({ id: "sub-2", status: "revoked" })];
    expect(thrown(() => assertDossierDeletable(d, subs))).toMatchObject({
      code: "DOSSIER_HAS_LIVE_SERVICES",
      params: { count: 1 },
    });
    expect(thrown(() => assertDossierDeletable(d, [makeSubscription({ status: "revoked" })]))).toBeUndefined();
  });

  it("refuses to remove an établissement a link names", () => {
    const before = makeDossier();
    const after = { etablissements: before.etablissements.filter((e) => e.code !== "002") };
    const links = [{ dossierId: before.id, limitedTo: ["002"] }];
    expect(thrown(() => assertEtablissementsNotInUse(before, after, links))).toMatchObject({
      code: "ETABLISSEMENT_IN_USE",
      params: { codes: "002" },
    });
    expect(
      thrown(() => assertEtablissementsNotInUse(before, after, [{ dossierId: before.id, limitedTo: "-" }])),
    ).toBeUndefined();
  });
});
