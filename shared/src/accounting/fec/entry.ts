import { z } from "zod";
import { isValidYmd } from "./date";

/** A FEC date kept as the integer yyyymmdd (see date.ts). */
export const ymdSchema = z.number().int().refine(isValidYmd, { message: "Not a yyyymmdd date" });

/**
 * One FEC line. Amounts are integer cents; dates are yyyymmdd integers; optional texts are undefined
 * when the field is empty. The parser builds these directly (no zod in the hot path): the schema is for
 * storage and API boundaries.
 */
export const fecEntrySchema = z.object({
  /** Physical line in the file (1 = header). */
  line: z.number().int().positive(),
  journalCode: z.string().min(1),
  journalLib: z.string(),
  ecritureNum: z.string().min(1),
  date: ymdSchema,
  compteNum: z.string().min(1),
  compteLib: z.string(),
  compAuxNum: z.string().optional(),
  compAuxLib: z.string().optional(),
  pieceRef: z.string(),
  /** Empty PieceDate is only a warning, so it may be missing. */
  pieceDate: ymdSchema.optional(),
  ecritureLib: z.string(),
  debitCents: z.number().int(),
  creditCents: z.number().int(),
  ecritureLet: z.string().optional(),
  dateLet: ymdSchema.optional(),
  /** Empty ValidDate is only a warning, so it may be missing. */
  validDate: ymdSchema.optional(),
  montantDeviseCents: z.number().int().optional(),
  idevise: z.string().optional(),
  /** CodeEtablissement column, when the file has one (used for "Limité à"). */
  etablissement: z.string().optional(),
});
export type FecEntry = z.infer<typeof fecEntrySchema>;

/** Text fields of an entry; the parser decodes only those asked for (all by default). */
export const FEC_TEXT_FIELDS = [
  "journalCode",
  "journalLib",
  "ecritureNum",
  "compteNum",
  "compteLib",
  "compAuxNum",
  "compAuxLib",
  "pieceRef",
  "ecritureLib",
  "ecritureLet",
  "idevise",
  "etablissement",
] as const;
export type FecTextField = (typeof FEC_TEXT_FIELDS)[number];
