import { z } from "zod";
import type { ErrorCode } from "../../errors";
import type { MessageKey } from "../../i18n";

/** Blocking anomalies: each has an `error.<CODE>` message in i18n/messages/errors.ts. */
export const FEC_ERROR_CODES = [
  "FEC_EMPTY",
  "FEC_NO_ENTRIES",
  "FEC_TOO_LARGE",
  "FEC_BINARY_FILE",
  "FEC_BAD_ENCODING",
  "FEC_BAD_SEPARATOR",
  "FEC_MISSING_COLUMN",
  "FEC_DUPLICATE_COLUMN",
  "FEC_FIELD_COUNT",
  "FEC_TRUNCATED",
  "FEC_LINE_TOO_LONG",
  "FEC_REQUIRED_FIELD_EMPTY",
  "FEC_BAD_DATE",
  "FEC_BAD_AMOUNT",
  "FEC_BAD_SENS",
  "FEC_DATE_OUTSIDE_EXERCICE",
  "FEC_UNBALANCED_ENTRY",
  "FEC_UNBALANCED_FILE",
] as const satisfies readonly ErrorCode[];

/** Non-blocking anomalies: messages under `accounting.fecWarning.<CODE>` in i18n/messages/accounting.ts. */
export const FEC_WARNING_CODES = [
  "FEC_UNKNOWN_COLUMN",
  "FEC_COLUMN_ORDER",
  "FEC_FIELD_EMPTY",
  "FEC_DEBIT_AND_CREDIT",
  "FEC_ENTRY_DATE_MISMATCH",
  "FEC_MIXED_ENCODING",
  "FEC_CASH_BASIS",
  "FEC_FILENAME_FORMAT",
  "FEC_FILENAME_SIREN",
  "FEC_FILENAME_DATE",
] as const;

export type FecErrorCode = (typeof FEC_ERROR_CODES)[number];
export type FecWarningCode = (typeof FEC_WARNING_CODES)[number];
export type FecIssueCode = FecErrorCode | FecWarningCode;

const ERROR_SET: ReadonlySet<string> = new Set(FEC_ERROR_CODES);

export function fecIssueSeverity(code: FecIssueCode): "error" | "warning" {
  return ERROR_SET.has(code) ? "error" : "warning";
}

export function fecIssueMessageKey(code: FecIssueCode): MessageKey {
  return ERROR_SET.has(code) ? (`error.${code}` as MessageKey) : (`accounting.fecWarning.${code}` as MessageKey);
}

export const fecIssueSchema = z.object({
  /** Physical line in the file (1 = header); 0 for file-level findings such as the file name. */
  line: z.number().int().nonnegative(),
  code: z.enum([...FEC_ERROR_CODES, ...FEC_WARNING_CODES]),
  severity: z.enum(["error", "warning"]),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});
export type FecIssue = z.infer<typeof fecIssueSchema>;

export const DEFAULT_MAX_ISSUES = 200;

/** Keeps the first `max` issues and counts the rest by code, so a garbage file cannot exhaust memory. */
export class IssueCollector {
  readonly issues: FecIssue[] = [];
  readonly countsByCode: Partial<Record<FecIssueCode, number>> = {};
  errorCount = 0;
  warningCount = 0;

  constructor(private readonly max: number) {}

  add(line: number, code: FecIssueCode, params: Record<string, string | number> = {}): void {
    const severity = fecIssueSeverity(code);
    if (severity === "error") this.errorCount++;
    else this.warningCount++;
    this.countsByCode[code] = (this.countsByCode[code] ?? 0) + 1;
    if (this.issues.length < this.max) this.issues.push({ line, code, severity, params });
  }

  get omitted(): number {
    return this.errorCount + this.warningCount - this.issues.length;
  }
}
