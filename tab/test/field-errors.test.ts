import { describe, expect, it } from "vitest";
import { ApiError } from "../src/api/client";
import { fieldError, fieldErrorsOf, isConflict } from "../src/components/field-errors";

describe("server errors on forms", () => {
  const error = new ApiError(400, "VALIDATION_FAILED", "Certaines données sont invalides.", [
    { path: "email", message: "Adresse e-mail invalide." },
    { path: "subscriptions.consultation.until", message: "Date invalide." },
    { path: "email", message: "Trop long." },
  ]);

  it("puts each field's messages under that field", () => {
    expect(fieldErrorsOf(error)).toEqual({
      email: "Adresse e-mail invalide. Trop long.",
      "subscriptions.consultation.until": "Date invalide.",
    });
    expect(fieldErrorsOf(new Error("boom"))).toEqual({});
  });

  it("finds nested paths under a field", () => {
    const errors = fieldErrorsOf(error);
    expect(fieldError(errors, "subscriptions.consultation")).toBe("Date invalide.");
    expect(fieldError(errors, "nom")).toBeUndefined();
  });

  it("recognises a stale If-Match", () => {
    expect(isConflict(new ApiError(412, "CONFLICT", "Modifié"))).toBe(true);
    expect(isConflict(error)).toBe(false);
    expect(isConflict(null)).toBe(false);
  });
});
