import { catalogueOf } from "./catalogue";

/** The English catalogue (see fr.ts for why each language has its module). */
export const en = catalogueOf("en");
