import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { zipToBuffer, type ZipEntry } from "../bot/src/lib/zip";
import { renderManifest } from "./render";

export const APP_PACKAGE_DIR = fileURLToPath(new URL(".", import.meta.url));
export const MANIFEST_TEMPLATE = "manifest.template.json";
/** 1980-01-01 00:00 local time, the earliest ZIP date: a fixed timestamp keeps packages byte-identical across builds. */
const DOS_EPOCH = new Date(1980, 0, 1);

/** The parts of the manifest that name other files of the package. */
const packagedFilesSchema = z.object({
  icons: z.object({ color: z.string(), outline: z.string() }),
  localizationInfo: z.object({ additionalLanguages: z.array(z.object({ file: z.string() })).optional() }).optional(),
});

export interface AppPackage {
  /** The rendered manifest, pretty-printed. */
  manifest: string;
  /** Zip entries in package order: manifest.json, icons, localization files. */
  entries: ZipEntry[];
  zip: Buffer;
}

/** Renders the manifest and its localization files with `vars` and zips them with the icons (everything at the root). */
export function assembleAppPackage(
  vars: Readonly<Record<string, string | undefined>>,
  dir = APP_PACKAGE_DIR,
): AppPackage {
  const read = (file: string) => readFileSync(join(dir, file));
  const render = (file: string) =>
    `${JSON.stringify(JSON.parse(renderManifest(read(file).toString("utf8"), vars)), null, 2)}\n`;

  const manifest = render(MANIFEST_TEMPLATE);
  const { icons, localizationInfo } = packagedFilesSchema.parse(JSON.parse(manifest));
  const localizations = (localizationInfo?.additionalLanguages ?? []).map(({ file }) => file);
  const entries: ZipEntry[] = [
    { name: "manifest.json", data: Buffer.from(manifest, "utf8") },
    { name: icons.color, data: read(icons.color) },
    { name: icons.outline, data: read(icons.outline) },
    ...localizations.map((file) => ({ name: file, data: Buffer.from(render(file), "utf8") })),
  ];
  return { manifest, entries, zip: zipToBuffer(entries, { mtime: DOS_EPOCH }) };
}
