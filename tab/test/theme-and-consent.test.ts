import { describe, expect, it } from "vitest";
import { themeKindFor } from "../src/app/theme-kind";
import { isConsentError } from "../src/auth/teams-consent";

describe("themeKindFor", () => {
  it("maps the Teams theme names to our three themes", () => {
    expect(themeKindFor("default")).toBe("light");
    expect(themeKindFor("dark")).toBe("dark");
    expect(themeKindFor("contrast")).toBe("contrast");
  });

  it("gives light to a plain browser and to themes we do not know", () => {
    expect(themeKindFor(null)).toBe("light");
    expect(themeKindFor(undefined)).toBe("light");
    expect(themeKindFor("glass")).toBe("light");
  });
});

describe("isConsentError", () => {
  it("spots the errors getAuthToken returns before consent", () => {
    expect(isConsentError(new Error("consent_required"))).toBe(true);
    expect(isConsentError(new Error("resourceRequiresConsent"))).toBe(true);
    expect(isConsentError("AADSTS65001: The user or administrator has not consented")).toBe(true);
  });

  it("leaves other failures alone", () => {
    expect(isConsentError(new Error("CancelledByUser"))).toBe(false);
    expect(isConsentError({ message: "consent_required" })).toBe(false);
    expect(isConsentError(undefined)).toBe(false);
  });
});
