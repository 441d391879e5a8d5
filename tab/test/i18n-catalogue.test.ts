import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { CATALOGUES, isMessageKey } from "@comptoir/shared/i18n/translate";

const SRC = fileURLToPath(new URL("../src", import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** `t("key")`, `translate(locale, "key")`, `showStatus(locale, "key")` and `fooKey="key"` / `fooKey: "key"`. */
const KEY_PATTERNS = [
  /\bt\(\s*["'`]([^"'`]+)["'`]/g,
  /\b(?:translate|showStatus)\(\s*\w+\s*,\s*["'`]([^"'`$]+)["'`]/g,
  /\b\w*[kK]ey\s*[:=]\s*["'`]([^"'`]+)["'`]/g,
];

function keysUsed(): Map<string, string[]> {
  const used = new Map<string, string[]>();
  for (const file of sourceFiles(SRC)) {
    const text = readFileSync(file, "utf8");
    for (const pattern of KEY_PATTERNS) {
      for (const match of text.matchAll(pattern)) {
        const key = match[1];
        if (key) used.set(key, [...(used.get(key) ?? []), file.slice(SRC.length + 1)]);
      }
    }
  }
  return used;
}

describe("message keys used by the tab", () => {
  const used = keysUsed();

  it("finds the keys (the scan itself works)", () => {
    expect(used.has("shell.nav.portfolio")).toBe(true);
    expect(used.has("shell.skipLink")).toBe(true);
    expect(used.size).toBeGreaterThan(20);
  });

  it("all exist in the catalogue", () => {
    const unknown = [...used]
      .filter(([key]) => !isMessageKey(key))
      .map(([key, files]) => `${key} (${files.join(", ")})`);
    expect(unknown).toEqual([]);
  });

  it("have a non-empty French and English text", () => {
    const empty = [...used.keys()].filter(
      (key) => isMessageKey(key) && (!CATALOGUES.fr[key].trim() || !CATALOGUES.en[key].trim()),
    );
    expect(empty).toEqual([]);
  });

  it("include the headings the end-to-end test looks for", () => {
    expect(CATALOGUES.fr["shell.nav.portfolio"]).toBe("Portefeuille");
    expect(CATALOGUES.en["shell.nav.portfolio"]).toBe("Portfolio");
    expect(CATALOGUES.fr["shell.nav.clientHome"]).toBe("Ma société");
    expect(CATALOGUES.en["shell.nav.clientHome"]).toBe("My company");
  });
});
