import { z } from "zod";
import { AGING_BUCKETS } from "../accounting/compute/aged-balance";
import { exerciceIdSchema } from "./accounting";
import { accountingViewHeadSchema, pageInfoSchema } from "./accounting";

/**
 * The REST contract of the balance âgée and the échéancier (staff `/dossiers/:dossierId/accounting/…`,
 * clients `/client/societes/:dossierId/accounting/…`, read-only, *Limité à* applied):
 * - `GET …/balance-agee?account=411|401&date=YYYY-MM-DD&exercice=&term=` → `AccountingAgedBalance`
 * - `GET …/balance-agee/lines?…&party=&partyKind=aux|account` → `AccountingAgedLines` (one third party)
 * - `GET …/echeancier?account=&date=&exercice=&term=&page=&pageSize=` → `AccountingEcheancier`
 * - `GET …/export/balance-agee.csv|balance-agee.xlsx` with the balance âgée's query (and `party` +
 *   `partyKind` for one third party's lines): a file download.
 *
 * `account` defaults to 411 (clients), `date` to today within the exercice or else its closing date,
 * `term` (payment term in days) to 0. A line is open at `date` when its EcritureDate is on or before it
 * and it has no letter, or a letter dated after it; its age counts from its PieceDate, or its
 * EcritureDate when it has none. Amounts are signed so that what clients owe (411) and what is owed to
 * suppliers (401) read positive. Errors: AGED_BALANCE_ACCOUNT_UNSUPPORTED (another account),
 * AGED_BALANCE_DATE_INVALID (not a date), AGED_BALANCE_DATE_OUTSIDE_EXERCICE.
 */

/** Text, not enums: the service answers a bad value with its own stable code rather than VALIDATION_FAILED. */
export const agedBalanceQuerySchema = z.object({
  exercice: exerciceIdSchema.optional(),
  account: z.string().trim().max(10).optional(),
  date: z.string().trim().max(20).optional(),
  term: z.coerce.number().int().min(0).max(365).default(0),
});
export type AgedBalanceQuery = z.input<typeof agedBalanceQuerySchema>;

export const partyKindSchema = z.enum(["aux", "account"]);

export const agedLinesQuerySchema = agedBalanceQuerySchema.extend({
  party: z.string().trim().min(1).max(40),
  partyKind: partyKindSchema.default("aux"),
});
export type AgedLinesQuery = z.input<typeof agedLinesQuerySchema>;

export const agedExportQuerySchema = agedBalanceQuerySchema.extend({
  party: z.string().trim().min(1).max(40).optional(),
  partyKind: partyKindSchema.default("aux"),
});
export type AgedExportQuery = z.input<typeof agedExportQuerySchema>;

export const echeancierQuerySchema = agedBalanceQuerySchema.extend({
  page: z.coerce.number().int().min(0).max(1_000_000).default(0),
  pageSize: z.coerce.number().int().min(1).max(1000).default(200),
});
export type EcheancierQuery = z.input<typeof echeancierQuerySchema>;

export const bucketAmountsSchema = z.object(
  Object.fromEntries(AGING_BUCKETS.map((b) => [b, z.number().int()])) as Record<
    (typeof AGING_BUCKETS)[number],
    z.ZodNumber
  >,
);

const agedHeadSchema = accountingViewHeadSchema.extend({
  account: z.enum(["411", "401"]),
  /** Reference date (yyyymmdd). */
  date: z.number().int(),
  term: z.number().int(),
});

export const agedPartySchema = z.object({
  key: z.string(),
  kind: partyKindSchema,
  label: z.string(),
  buckets: bucketAmountsSchema,
  totalCents: z.number().int(),
  lineCount: z.number().int().nonnegative(),
});

export const accountingAgedBalanceSchema = agedHeadSchema.extend({
  parties: z.array(agedPartySchema),
  totals: bucketAmountsSchema,
  totalCents: z.number().int(),
  lineCount: z.number().int().nonnegative(),
  /** Whether the exercice has any line of the account class the caller may see (empty state). */
  hasAccount: z.boolean(),
});
export type AccountingAgedBalance = z.infer<typeof accountingAgedBalanceSchema>;

export const openItemSchema = z.object({
  line: z.number().int(),
  date: z.number().int(),
  /** The date the age counts from, and which one it is. */
  dateUsed: z.number().int(),
  dateKind: z.enum(["piece", "ecriture"]),
  journalCode: z.string(),
  ecritureNum: z.string(),
  pieceRef: z.string(),
  ecritureLib: z.string(),
  compteNum: z.string(),
  compAuxNum: z.string().optional(),
  ecritureLet: z.string().optional(),
  dateLet: z.number().int().optional(),
  amountCents: z.number().int(),
  ageDays: z.number().int(),
  bucket: z.enum(AGING_BUCKETS),
});
export type OpenItemDto = z.infer<typeof openItemSchema>;

export const accountingAgedLinesSchema = agedHeadSchema.extend({
  party: agedPartySchema,
  lines: z.array(openItemSchema),
});
export type AccountingAgedLines = z.infer<typeof accountingAgedLinesSchema>;

export const echeancierRowSchema = openItemSchema.extend({
  partyLabel: z.string(),
  cumulativeCents: z.number().int(),
});
export type EcheancierRowDto = z.infer<typeof echeancierRowSchema>;

export const accountingEcheancierSchema = agedHeadSchema.extend({
  rows: z.array(echeancierRowSchema),
  pageInfo: pageInfoSchema,
  /** Open items over all pages, and their total. */
  itemCount: z.number().int().nonnegative(),
  totalCents: z.number().int(),
  hasAccount: z.boolean(),
});
export type AccountingEcheancier = z.infer<typeof accountingEcheancierSchema>;

export const AGED_EXPORT_FORMATS = ["csv", "xlsx"] as const;
/** The balance âgée's export name, as the other views' (`export/<view>.<format>`). */
export const AGED_VIEW = "balance-agee" as const;
export function agedExportPath(format: (typeof AGED_EXPORT_FORMATS)[number]): string {
  return `export/${AGED_VIEW}.${format}`;
}
