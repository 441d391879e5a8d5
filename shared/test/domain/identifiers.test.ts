import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  compactIdentifier,
  isValidSiren,
  isValidSiret,
  LA_POSTE_SIREN,
  luhnCheckDigit,
  luhnIsValid,
  normalizeEmail,
  toE164Phone,
} from "../../src/domain";

describe("SIREN", () => {
  it.each(["732829320", "552100554", "443061841", "904128733"])("accepts the valid SIREN %s", (siren) => {
    expect(isValidSiren(siren)).toBe(true);
  });

  it.each([
    ["732829321", "wrong key"],
    ["552100555", "wrong key"],
    ["123456789", "wrong key"],
    ["73282932", "8 digits"],
    ["7328293200", "10 digits"],
    ["73282932A", "a letter"],
    ["", "empty"],
  ])("refuses %s (%s)", (siren) => {
    expect(isValidSiren(siren)).toBe(false);
  });

  it("the check digit completes any 8 digits into a valid SIREN, and only that digit does", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{8}$/), (prefix) => {
        const key = luhnCheckDigit(prefix);
        expect(isValidSiren(prefix + key)).toBe(true);
        for (let d = 0; d <= 9; d++) if (String(d) !== key) expect(isValidSiren(prefix + String(d))).toBe(false);
      }),
    );
  });

  it("any single-digit typo breaks the Luhn check", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{8}$/), fc.nat(8), fc.integer({ min: 1, max: 9 }), (prefix, pos, delta) => {
        const valid = prefix + luhnCheckDigit(prefix);
        const digit = (Number(valid[pos]) + delta) % 10;
        const typo = valid.slice(0, pos) + String(digit) + valid.slice(pos + 1);
        expect(luhnIsValid(typo)).toBe(false);
      }),
    );
  });
});

describe("SIRET", () => {
  it.each(["73282932000074", "55210055400013", "79845612500029"])("accepts the valid SIRET %s", (siret) => {
    expect(isValidSiret(siret)).toBe(true);
  });

  it.each(["73282932000075", "7328293200007", "732829320000745", "7328293200007A"])("refuses %s", (siret) => {
    expect(isValidSiret(siret)).toBe(false);
  });

  it("La Poste: establishments follow the digit-sum-multiple-of-5 rule instead of Luhn", () => {
    const laPoste = "35600000049837"; // digits add up to 45, Luhn fails
    expect(luhnIsValid(laPoste)).toBe(false);
    expect(isValidSiret(laPoste)).toBe(true);
    expect(isValidSiret("35600000000048")).toBe(true); // head office, Luhn-valid
    expect(isValidSiret("35600000000002")).toBe(false); // digits add up to 16, Luhn fails
  });

  it("La Poste exception does not leak to other SIRENs", () => {
    const other = "73282932000004"; // digits add up to 40, Luhn fails

    expect(luhnIsValid(other)).toBe(false);
    expect([...other].reduce((s, c) => s + Number(c), 0) % 5).toBe(0);
    expect(isValidSiret(other)).toBe(false);
    expect(isValidSiren(LA_POSTE_SIREN)).toBe(true);
  });

  it("strips the spaces and dots people type", () => {
    expect(compactIdentifier("732 829 320 00074")).toBe("73282932000074");
    expect(compactIdentifier("732.829.320")).toBe("732829320");
  });
});

describe("normalizeEmail", () => {
  it("trims and lower-cases", () => {
    expect(normalizeEmail("  Client.Collaboratif@Exemple.FR ")).toBe("client.collaboratif@exemple.fr");
  });

  it("is idempotent", () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        expect(normalizeEmail(normalizeEmail(s))).toBe(normalizeEmail(s));
      }),
    );
  });
});

describe("toE164Phone", () => {
  it.each([
    ["01 23 45 67 89", "+33123456789"],
    ["06.12.34.56.78", "+33612345678"],
    ["+33 6 12 34 56 78", "+33612345678"],
    ["0033 1 23 45 67 89", "+33123456789"],
    ["+44 20 7946 0958", "+442079460958"],
  ])("parses %s as %s (France by default)", (input, e164) => {
    expect(toE164Phone(input)).toBe(e164);
  });

  it.each(["12", "00 00 00 00 00", "01 23 45", "not a phone", "01 23 45 67 89 poste 12", ""])("refuses %s", (input) => {
    expect(toE164Phone(input)).toBeNull();
  });

  it("uses the given default country for national numbers", () => {
    expect(toE164Phone("020 7946 0958", "GB")).toBe("+442079460958");
  });
});
