import { describe, expect, it } from "vitest";
import { detectHost } from "../src/auth/host";

describe("detectHost", () => {
  it("treats a framed page as a Microsoft 365 host", () => {
    expect(detectHost("https://comptoir.example/", true)).toBe("teams");
  });

  it("recognises ?host=teams from the manifest content URL, in any case", () => {
    expect(detectHost("https://comptoir.example/?host=teams#/roles", false)).toBe("teams");
    expect(detectHost("https://comptoir.example/?lang=fr&host=Teams", false)).toBe("teams");
  });

  it("is a plain browser otherwise", () => {
    expect(detectHost("https://comptoir.example/#/portefeuille", false)).toBe("browser");
    expect(detectHost("https://comptoir.example/?host=outlook", false)).toBe("browser");
    // A route that merely mentions the word is not a host hint.
    expect(detectHost("https://comptoir.example/#/x?host=teams", false)).toBe("browser");
  });
});
