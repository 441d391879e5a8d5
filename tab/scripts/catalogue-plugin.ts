import { fileURLToPath } from "node:url";
import type { Plugin } from "vite";
import { catalogueOf } from "../../shared/src/i18n/catalogue";

const file = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const FR_MODULE = file("../../shared/src/i18n/fr.ts");
const EN_MODULE = file("../../shared/src/i18n/en.ts");
/** The one importer that gets the English messages themselves, in a chunk of their own. */
const ENGLISH_DATA = file("../src/i18n/english-data.ts");

const json = (lang: "fr" | "en") => `JSON.parse(${JSON.stringify(JSON.stringify(catalogueOf(lang)))})`;
const MODULES: Record<string, string> = {
  "\0comptoir-catalogue:fr": `export const fr = ${json("fr")};`,
  "\0comptoir-catalogue:en": `export const en = ${json("en")};`,
  // Filled by loadCatalogue("en") (src/i18n/catalogue-loading.ts) before anything is shown in English.
  "\0comptoir-catalogue:en-later": "export const en = {};",
};

/**
 * In the tab's build, shared's catalogues become plain JSON, one per language: French goes with the first
 * page, English is a chunk loaded when it is chosen (the two together were 45 KB of the first page's gzip,
 * with every message's key and both languages side by side). The bot, the tests and `vite dev` keep the
 * modules as written.
 */
export function catalogueSplit(): Plugin {
  return {
    name: "comptoir-catalogue-split",
    apply: "build",
    enforce: "pre",
    async resolveId(source, importer) {
      if (!importer || source.startsWith("\0")) return null;
      const resolved = await this.resolve(source, importer, { skipSelf: true });
      if (resolved?.id === FR_MODULE) return "\0comptoir-catalogue:fr";
      if (resolved?.id === EN_MODULE) {
        return importer === ENGLISH_DATA ? "\0comptoir-catalogue:en" : "\0comptoir-catalogue:en-later";
      }
      return null;
    },
    load(id) {
      return MODULES[id] ?? null;
    },
  };
}
