import { z } from "zod";
import { fecIssueSchema } from "./issues";

/** What the parser tells about a file, stored with the import. */
export const fecReportSchema = z.object({
  ok: z.boolean(),
  bytes: z.number().int().nonnegative(),
  encoding: z.enum(["ascii", "utf-8", "iso-8859-15"]).nullable(),
  separator: z.enum(["\t", "|"]).nullable(),
  variant: z.enum(["debitCredit", "montantSens"]).nullable(),
  cashBasis: z.boolean(),
  columns: z.array(z.string()),
  /** Data lines read (header and blank lines excluded), rejected ones included. */
  lineCount: z.number().int().nonnegative(),
  /** Lines turned into entries. */
  entryLineCount: z.number().int().nonnegative(),
  /**
   * Groups of consecutive lines sharing (JournalCode, EcritureNum): the number of écritures when,
   * as usual, their lines are contiguous.
   */
  ecritureCount: z.number().int().nonnegative(),
  totalDebitCents: z.number().int(),
  totalCreditCents: z.number().int(),
  /** yyyymmdd of the earliest / latest EcritureDate, null when no line was accepted. */
  minDate: z.number().int().nullable(),
  maxDate: z.number().int().nullable(),
  errorCount: z.number().int().nonnegative(),
  warningCount: z.number().int().nonnegative(),
  countsByCode: z.record(z.string(), z.number().int()),
  /** Issues beyond the kept ones (only counted). */
  omittedIssues: z.number().int().nonnegative(),
  issues: z.array(fecIssueSchema),
});
export type FecReport = z.infer<typeof fecReportSchema>;
