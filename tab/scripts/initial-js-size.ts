/**
 * The JS a first visit downloads before any lazy route: the `index.html` entry and its static
 * imports, read from vite's `.vite/manifest.json` (`build.manifest`), gzipped at zlib's default level like vite's report.
 *
 *   npx tsx tab/scripts/initial-js-size.ts [distDir]   prints the chunks; exits 1 over the budget.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";

export const INITIAL_JS_BUDGET_KB = 200;
export const DEFAULT_DIST_DIR = fileURLToPath(new URL("../dist", import.meta.url));

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
}
type Manifest = Record<string, ManifestChunk>;

export interface ChunkSize {
  file: string;
  bytes: number;
  gzipBytes: number;
}

export interface InitialJsReport {
  chunks: ChunkSize[];
  gzipBytes: number;
  /** In KB of 1,000 bytes, as bundlers and budgets report them. */
  gzipKb: number;
}

export function manifestPath(distDir: string = DEFAULT_DIST_DIR): string {
  return join(distDir, ".vite", "manifest.json");
}

/** Manifest keys of the entry and everything it imports statically (not `dynamicImports`), entry first. */
export function staticClosure(manifest: Manifest, entry: string): string[] {
  const seen: string[] = [];
  const visit = (key: string) => {
    if (seen.includes(key)) return;
    const chunk = manifest[key];
    if (!chunk) throw new Error(`The manifest has no chunk "${key}"`);
    seen.push(key);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  visit(entry);
  return seen;
}

export function initialJsSize(distDir: string = DEFAULT_DIST_DIR, entry = "index.html"): InitialJsReport {
  const path = manifestPath(distDir);
  if (!existsSync(path)) throw new Error(`No ${path}: run \`vite build\` in tab/ first`);
  const manifest = JSON.parse(readFileSync(path, "utf8")) as Manifest;
  const chunks = staticClosure(manifest, entry).flatMap((key): ChunkSize[] => {
    const file = manifest[key]?.file ?? "";
    if (!file.endsWith(".js")) return [];
    const content = readFileSync(join(distDir, file));
    return [{ file, bytes: content.length, gzipBytes: gzipSync(content).length }];
  });
  const gzipBytes = chunks.reduce((sum, c) => sum + c.gzipBytes, 0);
  return { chunks, gzipBytes, gzipKb: Math.round(gzipBytes / 100) / 10 };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const report = initialJsSize(process.argv[2] ?? DEFAULT_DIST_DIR);
  for (const c of report.chunks) console.log(`${(c.gzipBytes / 1000).toFixed(1).padStart(7)} KB  ${c.file}`);
  console.log(`${report.gzipKb.toFixed(1).padStart(7)} KB  initial JS (gzip), budget ${INITIAL_JS_BUDGET_KB} KB`);
  if (report.gzipKb > INITIAL_JS_BUDGET_KB) process.exitCode = 1;
}
