import type { Locale } from "@comptoir/shared/i18n/locale";
import { CATALOGUES } from "@comptoir/shared/i18n/translate";

/**
 * In a build, English arrives in a chunk of its own (scripts/catalogue-plugin.ts) and its catalogue is
 * empty until then; under tests and `vite dev` both languages are always there.
 */
export function catalogueReady(locale: Locale): boolean {
  for (const key in CATALOGUES[locale]) return Object.hasOwn(CATALOGUES[locale], key);
  return false;
}

let english: Promise<void> | undefined;

export function loadCatalogue(locale: Locale): Promise<void> {
  if (catalogueReady(locale)) return Promise.resolve();
  english ??= import("./english-data").then(
    ({ en }) => void Object.assign(CATALOGUES.en, en),
    (e: unknown) => {
      english = undefined; // the next choice of English tries again
      throw e;
    },
  );
  return english;
}
