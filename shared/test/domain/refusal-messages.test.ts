import { describe, expect, it } from "vitest";
import { explainError, translate } from "../../src";

const SEED = translate("fr", "error.SUBSCRIPTION_REQUIRED");

describe("explainError", () => {
  it.each(["inactive", "expired", "quota"] as const)(
    "gives the seed's sentence, then why (%s) and a next step that differs for an admin and for staff",
    (reason) => {
      const params = { reason, until: "2025-01-31", maxDossiers: 3 };
      const forStaff = explainError("fr", "SUBSCRIPTION_REQUIRED", { ...params, reader: "staff" });
      const forAdmin = explainError("fr", "SUBSCRIPTION_REQUIRED", { ...params, reader: "admin" });
      for (const message of [forStaff, forAdmin]) {
        expect(message.startsWith(`${SEED}. Motif : `)).toBe(true);
        expect(message).not.toMatch(/\{\w+\}/);
      }
      expect(forAdmin).not.toBe(forStaff);
      expect(forStaff).toMatch(/administrateur de Comptoir dans votre cabinet/);
      expect(forAdmin).toMatch(/dans Paramètres/);
      const english = explainError("en", "SUBSCRIPTION_REQUIRED", { ...params, reader: "staff" });
      expect(english).toMatch(/^This service offer requires a paid subscription.*\. Reason: /);
    },
  );

  it("writes the end date and the quota as the reader reads them", () => {
    const expired = { reason: "expired", until: "2025-01-31", reader: "staff" };
    expect(explainError("fr", "SUBSCRIPTION_REQUIRED", expired)).toContain("a expiré le 31 janvier 2025.");
    expect(explainError("en", "SUBSCRIPTION_REQUIRED", expired)).toContain("expired on January 31, 2025.");
    const quota = { reason: "quota", maxDossiers: 3, reader: "admin" };
    expect(explainError("fr", "SUBSCRIPTION_REQUIRED", quota)).toContain("couvre 3 dossier(s)");
  });

  it("leaves the catalogue sentence alone when the refusal names no reason or reader", () => {
    expect(explainError("fr", "SUBSCRIPTION_REQUIRED", { reason: "quota" })).toBe(SEED);
    expect(explainError("fr", "SUBSCRIPTION_REQUIRED")).toBe(SEED);
    expect(explainError("fr", "DOSSIER_NOT_FOUND", { reason: "quota", reader: "admin" })).toBe(
      translate("fr", "error.DOSSIER_NOT_FOUND"),
    );
  });
});
