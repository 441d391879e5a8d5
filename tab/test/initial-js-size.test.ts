import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { en } from "@comptoir/shared/i18n/en";
import { fr } from "@comptoir/shared/i18n/fr";
import {
  DEFAULT_DIST_DIR,
  INITIAL_JS_BUDGET_KB,
  initialJsSize,
  manifestPath,
  staticClosure,
} from "../scripts/initial-js-size";

const fixture = mkdtempSync(join(tmpdir(), "comptoir-initial-js-"));
afterAll(() => rmSync(fixture, { recursive: true, force: true }));

function writeBuild(manifest: Record<string, unknown>, files: Record<string, string>) {
  mkdirSync(join(fixture, ".vite"), { recursive: true });
  mkdirSync(join(fixture, "assets"), { recursive: true });
  writeFileSync(manifestPath(fixture), JSON.stringify(manifest));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(fixture, name), content);
}

describe("initial JS of the first page", () => {
  const manifest = {
    "index.html": { file: "assets/main.js", isEntry: true, imports: ["_shared.js"], dynamicImports: ["src/Page.tsx"] },
    "_shared.js": { file: "assets/shared.js", imports: ["_runtime.js"] },
    "_runtime.js": { file: "assets/runtime.js" },
    "src/Page.tsx": { file: "assets/page.js", imports: ["_shared.js", "_grid.js"], isDynamicEntry: true },
    "_grid.js": { file: "assets/grid.js" },
    "auth-start.html": { file: "assets/auth-start.js", isEntry: true, imports: ["_shared.js"] },
  };

  it("follows static imports only: lazy pages and other entries stay out", () => {
    expect(staticClosure(manifest, "index.html")).toEqual(["index.html", "_shared.js", "_runtime.js"]);
    expect(() => staticClosure({ "index.html": { file: "m.js", imports: ["_gone.js"] } }, "index.html")).toThrow(
      /_gone\.js/,
    );
  });

  it("adds up the gzip size of those chunks", () => {
    const big = "export const x = " + JSON.stringify(Array.from({ length: 2000 }, (_, i) => `item ${i}`)) + ";";
    writeBuild(manifest, {
      "assets/main.js": big,
      "assets/shared.js": "export const y = 1;",
      "assets/runtime.js": "export {};",
      "assets/page.js": big + big,
      "assets/grid.js": big,
      "assets/auth-start.js": big,
    });
    const report = initialJsSize(fixture);
    expect(report.chunks.map((c) => c.file)).toEqual(["assets/main.js", "assets/shared.js", "assets/runtime.js"]);
    expect(report.gzipBytes).toBe(report.chunks.reduce((sum, c) => sum + c.gzipBytes, 0));
    expect(report.chunks[0]?.gzipBytes).toBeLessThan(big.length);
    expect(report.gzipKb).toBeCloseTo(report.gzipBytes / 1000, 1);
  });

  it(`keeps the built staff shell within ${INITIAL_JS_BUDGET_KB} KB gzip (when tab/dist holds a build)`, () => {
    if (!existsSync(manifestPath(DEFAULT_DIST_DIR))) {
      // No build yet, or one from before `build.manifest`: then there must be no stale index.html either.
      expect(existsSync(join(DEFAULT_DIST_DIR, "index.html"))).toBe(false);
      return;
    }
    const report = initialJsSize();
    expect(report.chunks.length).toBeGreaterThan(0);
    expect(report.gzipKb).toBeLessThanOrEqual(INITIAL_JS_BUDGET_KB);
    // French comes with the first page, English in a chunk of its own (scripts/catalogue-plugin.ts).
    const initial = report.chunks.map((c) => readFileSync(join(DEFAULT_DIST_DIR, c.file), "utf8")).join("\n");
    const key = "staff.contactDossiers.dossierAndServices";
    const [french, english] = [fr[key], en[key]];
    expect(initial).toContain(french);
    expect(initial).not.toContain(english);
    const assets = readdirSync(join(DEFAULT_DIST_DIR, "assets")).filter((f) => f.endsWith(".js"));
    const holders = assets.filter((f) => readFileSync(join(DEFAULT_DIST_DIR, "assets", f), "utf8").includes(english));
    expect(holders).toEqual([expect.stringMatching(/^english-data-/)]);
  });
});
