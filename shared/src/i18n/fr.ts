import { catalogueOf } from "./catalogue";

export type { MessageKey } from "./catalogue";

/**
 * French is the default catalogue. Each language has its module, so that the tab's build can load French
 * with the first page and English only when it is chosen (tab/scripts/catalogue-plugin.ts).
 */
export const fr = catalogueOf("fr");
