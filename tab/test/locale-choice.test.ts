import { describe, expect, it } from "vitest";
import { chooseLocale } from "../src/i18n/locale-choice";

describe("chooseLocale", () => {
  it("speaks French by default", () => {
    expect(chooseLocale({ stored: null, hostLocale: null, browserLanguages: [] })).toBe("fr");
    expect(chooseLocale({ stored: null, hostLocale: null, browserLanguages: ["de-DE", "es"] })).toBe("fr");
  });

  it("follows the browser when nothing else says otherwise", () => {
    expect(chooseLocale({ stored: null, hostLocale: null, browserLanguages: ["en-US", "en"] })).toBe("en");
    expect(chooseLocale({ stored: null, hostLocale: null, browserLanguages: ["de-DE", "en-GB"] })).toBe("en");
    expect(chooseLocale({ stored: null, hostLocale: null, browserLanguages: ["fr-CA", "en"] })).toBe("fr");
  });

  it("prefers the Teams / Outlook locale over the browser", () => {
    expect(chooseLocale({ stored: null, hostLocale: "en-us", browserLanguages: ["fr-FR"] })).toBe("en");
    expect(chooseLocale({ stored: null, hostLocale: "fr-fr", browserLanguages: ["en-US"] })).toBe("fr");
  });

  it("lets the person's explicit choice win over every detection", () => {
    expect(chooseLocale({ stored: "fr", hostLocale: "en-us", browserLanguages: ["en-US"] })).toBe("fr");
    expect(chooseLocale({ stored: "en", hostLocale: "fr-fr", browserLanguages: ["fr-FR"] })).toBe("en");
  });

  it("ignores a stored value that is not one of our locales", () => {
    expect(chooseLocale({ stored: "de", hostLocale: "en-gb", browserLanguages: [] })).toBe("en");
  });
});
