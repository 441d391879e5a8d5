import { z } from "zod";
import { SIG_LINES } from "../accounting/compute/sig";
import { fecReportSchema } from "../accounting/fec/report";
import { actorSchema, idSchema, isoDateSchema, isoTimestampSchema } from "../domain/common";
import { issueKey } from "../domain/validation";

/**
 * The REST contract of the accounting consultation (FEC import, balance, grand livre, journaux,
 * synthèse, exports). Staff call `/api/v1/dossiers/:id/...` for any dossier; clients call the same
 * views under `/api/v1/client/societes/:dossierId/accounting/...`, filtered by the access rule and
 * *Limité à* (403 CLIENT_NO_ACCESS otherwise).
 *
 * Conventions: money is integer cents; dates in answers are yyyymmdd integers and months yyyymm
 * integers (as in `@comptoir/shared` accounting compute); in queries, months are `YYYY-MM` and days
 * `YYYY-MM-DD`. An exercice is identified by its closing date (`exercice=2024-12-31`); omitted, it
 * means the latest imported exercice.
 *
 * Staff routes:
 * - `POST   /dossiers/:id/fec?start=&end=&fileName=` (or `exercice=START..END`): raw FEC as the body
 *   (`application/octet-stream`), streamed. 201 + `FecUploadResult` when imported. When the report
 *   has errors nothing stored changes and the answer is still a `FecUploadResult` (`import.status`
 *   "rejected"), with the status of its first blocking code: 422 mostly, 413 FEC_TOO_LARGE, 415
 *   FEC_BINARY_FILE / FEC_BAD_ENCODING. Other failures are an `ErrorBody`: 413 FEC_TOO_LARGE when
 *   `Content-Length` is over the limit (check `maxUploadBytes` before sending), 503 FEC_IMPORT_BUSY
 *   while another import of the dossier runs, on any instance, or every import slot stays taken (retry after
 *   `Retry-After`), 404 DOSSIER_NOT_FOUND, 400 VALIDATION_FAILED.
 * - `GET    /dossiers/:id/fec/imports?limit=` → `FecImportList` (newest first).
 * - `GET    /dossiers/:id/fec/imports/:importId` → `FecImportDetail` (with the full report).
 * - `DELETE /dossiers/:id/accounting/exercices/:exercice` → 204: the exercice stops being served.
 * Staff and client routes (prefix `/dossiers/:id/accounting` or `/client/societes/:dossierId/accounting`):
 * - `GET …/exercices` → `AccountingExercices`
 * - `GET …/balance?exercice=&from=&to=&q=` → `AccountingBalance`
 * - `GET …/grand-livre?exercice=&account=&aux=&from=&to=&q=&lettering=&page=&pageSize=` → `AccountingGrandLivre`
 * - `GET …/journaux?exercice=&journal=&from=&to=&q=&page=&pageSize=` → `AccountingJournaux`
 * - `GET …/synthese?exercice=` → `AccountingSynthese`
 * - `GET …/export/balance.csv|balance.xlsx|grand-livre.csv|grand-livre.xlsx|journaux.csv|journaux.xlsx`
 *   with the same query as the view (no paging): a file download (`Content-Disposition: attachment`).
 */

// ---- Limits ----

/** Default upload limit (the server's `FEC_MAX_BYTES` may change it; `AccountingExercices.maxUploadBytes` tells). */
export const FEC_DEFAULT_MAX_BYTES = 300 * 1024 * 1024;
export const ACCOUNTING_DEFAULT_PAGE_SIZE = 200;
export const ACCOUNTING_MAX_PAGE_SIZE = 1000;
/** Excel's sheet limit: an XLSX export with more rows is refused (ACCOUNTING_EXPORT_TOO_LARGE); CSV has none. */
export const XLSX_MAX_ROWS = 1_048_576;

// ---- Shared pieces ----

/** An exercice is named by its closing date. */
export const exerciceIdSchema = isoDateSchema;
export type ExerciceId = z.infer<typeof exerciceIdSchema>;

export const exerciceBoundsSchema = z
  .object({ start: isoDateSchema, end: isoDateSchema })
  .refine((b) => b.start <= b.end, { message: issueKey("validation.invalidDate"), path: ["end"] })
  // The longest legal exercice is a first one of 24 months: anything far beyond is a typing error.
  .refine((b) => Date.parse(b.end) - Date.parse(b.start) <= 800 * 86_400_000, {
    message: issueKey("validation.invalidDate"),
    path: ["end"],
  });
/** Same shape as the compute layer's `ExerciceBounds`. */
export type ExerciceBoundsInput = z.infer<typeof exerciceBoundsSchema>;

/** `YYYY-MM` in queries. */
export const monthQuerySchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, issueKey("validation.invalidFormat"));
const searchSchema = z.string().trim().max(100).optional();
const pageQuery = {
  /** 0-based; clamped to the last page. */
  page: z.coerce.number().int().min(0).max(1_000_000).default(0),
  pageSize: z.coerce.number().int().min(1).max(ACCOUNTING_MAX_PAGE_SIZE).default(ACCOUNTING_DEFAULT_PAGE_SIZE),
};

export const pageInfoSchema = z.object({
  page: z.number().int().nonnegative(),
  pageSize: z.number().int().positive(),
  pageCount: z.number().int().positive(),
});

/** Months actually covered by the answer (yyyymm, inclusive). */
export const periodSchema = z.object({ from: z.number().int(), to: z.number().int() });

// ---- Import (staff) ----

/** Query of `POST /dossiers/:id/fec`: `exercice=2024-01-01..2024-12-31`, or `start` and `end`. */
export const fecUploadQuerySchema = z
  .object({
    exercice: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}\.\.\d{4}-\d{2}-\d{2}$/, issueKey("validation.invalidDate"))
      .optional(),
    start: isoDateSchema.optional(),
    end: isoDateSchema.optional(),
    /** The uploaded file's name (`SirenFECAAAAMMJJ.txt`), checked against the dossier (warnings only). */
    fileName: z.string().trim().min(1).max(255),
  })
  .transform((q, ctx) => {
    const [start, end] = q.exercice ? q.exercice.split("..") : [q.start, q.end];
    const bounds = exerciceBoundsSchema.safeParse({ start, end });
    if (!bounds.success) {
      ctx.addIssue({ code: "custom", path: ["exercice"], message: issueKey("validation.invalidDate") });
      return z.NEVER;
    }
    return { exercice: bounds.data, fileName: q.fileName };
  });
export type FecUploadQuery = z.input<typeof fecUploadQuerySchema>;

/**
 * - importing: being written (or its server stopped mid-way: then it is never served, see `aborted`);
 * - imported: served, or was until a later import replaced it (`current` tells);
 * - rejected: the report has errors; nothing was stored;
 * - aborted: the import failed or was interrupted before the switch; the previous data stayed served.
 */
export const fecImportStatusSchema = z.enum(["importing", "imported", "rejected", "aborted"]);
export type FecImportStatus = z.infer<typeof fecImportStatusSchema>;

/** One line of the import history. */
export const fecImportSchema = z.object({
  id: idSchema,
  dossierId: idSchema,
  exercice: exerciceBoundsSchema,
  status: fecImportStatusSchema,
  /** True for the import whose data is served for its exercice. */
  current: z.boolean(),
  fileName: z.string(),
  bytes: z.number().int().nonnegative(),
  /** SHA-256 (hex) of the bytes received; null when reading stopped early (over the size limit…). */
  sha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .nullable(),
  lineCount: z.number().int().nonnegative(),
  ecritureCount: z.number().int().nonnegative(),
  errorCount: z.number().int().nonnegative(),
  warningCount: z.number().int().nonnegative(),
  totalDebitCents: z.number().int(),
  totalCreditCents: z.number().int(),
  /** CodeEtablissement values found in the file (empty when it has no such column). */
  etablissements: z.array(z.string()),
  /** First blocking error code, for a one-line summary of a rejected file. */
  firstError: z.string().nullable(),
  startedAt: isoTimestampSchema,
  finishedAt: isoTimestampSchema.nullable(),
  by: actorSchema,
});
export type FecImport = z.infer<typeof fecImportSchema>;

/** Body of both 201 (imported) and 422 (rejected) answers to an upload. */
export const fecUploadResultSchema = z.object({ import: fecImportSchema, report: fecReportSchema });
export type FecUploadResult = z.infer<typeof fecUploadResultSchema>;

export const fecImportListQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const fecImportListSchema = z.object({ items: z.array(fecImportSchema) });
export type FecImportList = z.infer<typeof fecImportListSchema>;

/** @alias One import with its report: the same shape as an upload's answer. */
export const fecImportDetailSchema = fecUploadResultSchema;
export type FecImportDetail = z.infer<typeof fecImportDetailSchema>;

// ---- Exercices ----

export const accountingExerciceSchema = z.object({
  /** Closing date: the `exercice` query value. */
  id: exerciceIdSchema,
  start: isoDateSchema,
  end: isoDateSchema,
  /** Months of the exercice (yyyymm), for the period selector. */
  months: z.array(z.number().int()),
  /** The served import. `fileName` and `by` are for staff only (null for clients). */
  importId: idSchema,
  importedAt: isoTimestampSchema,
  importedBy: actorSchema.nullable(),
  fileName: z.string().nullable(),
  lineCount: z.number().int().nonnegative(),
  /** CodeEtablissement values the caller may see (empty: the FEC does not tell établissements apart). */
  etablissements: z.array(z.string()),
  /** Exercice used as N-1 in the synthèse, when imported. */
  previousId: exerciceIdSchema.nullable(),
});
export type AccountingExercice = z.infer<typeof accountingExerciceSchema>;

export const accountingExercicesSchema = z.object({
  /** Newest first. */
  items: z.array(accountingExerciceSchema),
  /** True when *Limité à* restricts what this client sees (some lines are left out). */
  restricted: z.boolean(),
  /** Upload limit in bytes (staff). */
  maxUploadBytes: z.number().int().positive(),
});
export type AccountingExercices = z.infer<typeof accountingExercicesSchema>;

/** Every view names the exercice and the served import it was computed from. */
export const accountingViewHeadSchema = z.object({
  exercice: z.object({ id: exerciceIdSchema, start: isoDateSchema, end: isoDateSchema, importId: idSchema }),
  period: periodSchema,
  restricted: z.boolean(),
});

// ---- Balance ----

export const accountingPeriodQuerySchema = z.object({
  exercice: exerciceIdSchema.optional(),
  from: monthQuerySchema.optional(),
  to: monthQuerySchema.optional(),
});

export const balanceQuerySchema = accountingPeriodQuerySchema.extend({
  /** Account number prefix, or words of the account / auxiliary account label or number. */
  q: searchSchema,
});
export type BalanceQuery = z.input<typeof balanceQuerySchema>;

const balanceAmountsShape = {
  openingDebitCents: z.number().int(),
  openingCreditCents: z.number().int(),
  debitCents: z.number().int(),
  creditCents: z.number().int(),
  closingDebitCents: z.number().int(),
  closingCreditCents: z.number().int(),
};
export const balanceAuxiliarySchema = z.object({
  compAuxNum: z.string(),
  compAuxLib: z.string(),
  ...balanceAmountsShape,
});
export const balanceAccountSchema = z.object({
  compteNum: z.string(),
  compteLib: z.string(),
  auxiliaries: z.array(balanceAuxiliarySchema),
  ...balanceAmountsShape,
});
export const balanceClassSchema = z.object({
  classNumber: z.number().int().min(0).max(9),
  /** i18n key `accounting.class.<n>`. */
  labelKey: z.string(),
  accounts: z.array(balanceAccountSchema),
  ...balanceAmountsShape,
});
export const trialBalanceSchema = z.object({ classes: z.array(balanceClassSchema), ...balanceAmountsShape });

export const accountingBalanceSchema = accountingViewHeadSchema.extend({ balance: trialBalanceSchema });
export type AccountingBalance = z.infer<typeof accountingBalanceSchema>;

// ---- Grand livre ----

export const grandLivreQuerySchema = accountingPeriodQuerySchema.extend({
  /** Account number or prefix (`411`); omitted: every account, in number order. */
  account: z.string().trim().max(40).optional(),
  /** One auxiliary account (grand livre auxiliaire); sections are then per (account, auxiliary). */
  aux: z.string().trim().max(40).optional(),
  /** Words of the label, piece reference or écriture number; the running balance still counts every line. */
  q: searchSchema,
  /** "unlettered" shows only lines without a letter; like `q`, it hides lines without changing balances. */
  lettering: z.enum(["all", "unlettered"]).default("all"),
  ...pageQuery,
});
export type GrandLivreQuery = z.input<typeof grandLivreQuerySchema>;

export const ledgerLineSchema = z.object({
  line: z.number().int(),
  date: z.number().int(),
  journalCode: z.string(),
  ecritureNum: z.string(),
  pieceRef: z.string(),
  ecritureLib: z.string(),
  compAuxNum: z.string().optional(),
  debitCents: z.number().int(),
  creditCents: z.number().int(),
  /** Running balance (debit − credit) after this line, brought-forward balance included. */
  balanceCents: z.number().int(),
  ecritureLet: z.string().optional(),
  dateLet: z.number().int().optional(),
  /** All the account's lines with this letter, over the whole exercice, sum to zero (absent when unknown). */
  letterBalanced: z.boolean().optional(),
});
export type LedgerLineDto = z.infer<typeof ledgerLineSchema>;

export const ledgerAccountSchema = z.object({
  compteNum: z.string(),
  compteLib: z.string(),
  compAuxNum: z.string().optional(),
  compAuxLib: z.string().optional(),
  /** Balance of the lines before the period (à-nouveaux are lines, not brought forward). */
  broughtForwardCents: z.number().int(),
  totalDebitCents: z.number().int(),
  totalCreditCents: z.number().int(),
  closingBalanceCents: z.number().int(),
  /** Lines of this section matching the filters (over all pages). */
  lineCount: z.number().int().nonnegative(),
  /** Running balance before the first line shown on this page. */
  balanceBeforePageCents: z.number().int(),
  lines: z.array(ledgerLineSchema),
});
export type LedgerAccountDto = z.infer<typeof ledgerAccountSchema>;

/** Accounts in number order; in each, à-nouveaux lines first, then by date and file line. Paged by lines. */
export const accountingGrandLivreSchema = accountingViewHeadSchema.extend({
  ...pageInfoSchema.shape,
  totalLines: z.number().int().nonnegative(),
  accounts: z.array(ledgerAccountSchema),
});
export type AccountingGrandLivre = z.infer<typeof accountingGrandLivreSchema>;

// ---- Journaux ----

export const journauxQuerySchema = accountingPeriodQuerySchema.extend({
  /** One journal code; omitted: every journal, in code order. */
  journal: z.string().trim().max(40).optional(),
  /**
   * Each word must begin a word of the écriture's (visible) lines: label, piece reference, écriture
   * number, auxiliary account, account number or account label; case and accents ignored.
   */
  q: searchSchema,
  ...pageQuery,
});
export type JournauxQuery = z.input<typeof journauxQuerySchema>;

export const journalLineSchema = z.object({
  line: z.number().int(),
  compteNum: z.string(),
  compteLib: z.string(),
  compAuxNum: z.string().optional(),
  compAuxLib: z.string().optional(),
  ecritureLib: z.string(),
  debitCents: z.number().int(),
  creditCents: z.number().int(),
  ecritureLet: z.string().optional(),
});
export const journalEcritureSchema = z.object({
  ecritureNum: z.string(),
  date: z.number().int(),
  pieceRef: z.string(),
  pieceDate: z.number().int().optional(),
  ecritureLib: z.string(),
  debitCents: z.number().int(),
  creditCents: z.number().int(),
  lines: z.array(journalLineSchema),
});
export const journalSectionSchema = z.object({
  journalCode: z.string(),
  journalLib: z.string(),
  /** Écritures of this journal matching the filters (over all pages). */
  ecritureCount: z.number().int().nonnegative(),
  totalDebitCents: z.number().int(),
  totalCreditCents: z.number().int(),
  ecritures: z.array(journalEcritureSchema),
});
export type JournalSectionDto = z.infer<typeof journalSectionSchema>;

/**
 * Journals in code order; écritures (runs of consecutive lines with one number) by date then number,
 * each under the month of its first line. Paged by écritures.
 */
export const accountingJournauxSchema = accountingViewHeadSchema.extend({
  ...pageInfoSchema.shape,
  totalEcritures: z.number().int().nonnegative(),
  journals: z.array(journalSectionSchema),
  /** Every journal of the exercice (code and label), for the journal selector. */
  available: z.array(z.object({ journalCode: z.string(), journalLib: z.string() })),
  /**
   * Present on a search answered by reading every écriture, because the import's search index is
   * still being built (in the seconds after an import): same answers, slower. Absent otherwise.
   */
  searchIndexPending: z.literal(true).optional(),
});
export type AccountingJournaux = z.infer<typeof accountingJournauxSchema>;

// ---- Synthèse ----

/** @alias The synthèse takes the exercice and period, nothing else. */
export const syntheseQuerySchema = accountingPeriodQuerySchema;

const keyFiguresShape = {
  chiffreAffairesCents: z.number().int(),
  margeCommercialeCents: z.number().int(),
  excedentBrutExploitationCents: z.number().int(),
  resultatCents: z.number().int(),
  tresorerieCents: z.number().int(),
  creancesClientsCents: z.number().int(),
  dettesFournisseursCents: z.number().int(),
};
export const keyFiguresSchema = z.object(keyFiguresShape);
/** Order of the key figures: `KEY_FIGURE_IDS` (accounting/compute). */

const sigShape = Object.fromEntries(SIG_LINES.map((l) => [l.id, z.number().int()])) as Record<
  (typeof SIG_LINES)[number]["id"],
  z.ZodNumber
>;
/** Every SIG line in cents (see `SIG_LINES` for order and totals, `sigLabelKey(id)` for labels). */
export const sigSchema = z.object(sigShape);

export const monthValuesSchema = z.object({
  month: z.number().int(),
  caCents: z.number().int(),
  resultatCents: z.number().int(),
  tresorerieCents: z.number().int(),
  caCumulCents: z.number().int(),
  resultatCumulCents: z.number().int(),
});
export const monthlyPointSchema = monthValuesSchema.extend({ previous: monthValuesSchema.optional() });

export const accountingSyntheseSchema = accountingViewHeadSchema.extend({
  keyFigures: keyFiguresSchema,
  /** Same figures over the same months of N-1, when that exercice is imported. */
  previousKeyFigures: keyFiguresSchema.nullable(),
  sig: sigSchema,
  previousSig: sigSchema.nullable(),
  /** Every month of the exercice, with the same-rank month of N-1 in `previous`. */
  monthly: z.array(monthlyPointSchema),
  previous: z.object({ id: exerciceIdSchema, start: isoDateSchema, end: isoDateSchema }).nullable(),
});
export type AccountingSynthese = z.infer<typeof accountingSyntheseSchema>;

// ---- Exports ----

export const ACCOUNTING_EXPORT_VIEWS = ["balance", "grand-livre", "journaux"] as const;
export const ACCOUNTING_EXPORT_FORMATS = ["csv", "xlsx"] as const;
export type AccountingExportView = (typeof ACCOUNTING_EXPORT_VIEWS)[number];
export type AccountingExportFormat = (typeof ACCOUNTING_EXPORT_FORMATS)[number];

/** Export queries: the view's query without paging. @alias The balance has no paging. */
export const balanceExportQuerySchema = balanceQuerySchema;
export const grandLivreExportQuerySchema = grandLivreQuerySchema.omit({ page: true, pageSize: true });
export const journauxExportQuerySchema = journauxQuerySchema.omit({ page: true, pageSize: true });

/** Path of an export under the view prefix, e.g. `accountingExportPath("balance", "xlsx")` = `export/balance.xlsx`. */
export function accountingExportPath(view: AccountingExportView, format: AccountingExportFormat): string {
  return `export/${view}.${format}`;
}

export const ACCOUNTING_EXPORT_MIME: Record<AccountingExportFormat, string> = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};
