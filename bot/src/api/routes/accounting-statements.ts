import {
  accountingStatementsSchema,
  STATEMENTS_VIEW,
  statementsExportPath,
  statementsQuerySchema,
} from "@comptoir/shared/api/accounting-statements";
import { ACCOUNTING_EXPORT_FORMATS, ACCOUNTING_EXPORT_MIME } from "@comptoir/shared/api/accounting";
import type { AccountingDeps } from "../../accounting/deps";
import { writeStatements } from "../../accounting/views/export/statements-export";
import { CsvWriter, XlsxWriter, type TableWriter } from "../../accounting/views/export/table-writer";
import { statementsView } from "../../accounting/views/statements";
import { defineStreamRoute, type AnyRoute } from "../http/route";
import { scopedView, type AccountingScope } from "./accounting-scopes";
import { heavyWorkTurns, underGate, yieldingSink } from "./heavy-work";

const tag = "accounting";

function fileSafe(text: string): string {
  return text.replace(/[^A-Za-z0-9_-]+/g, "_").slice(0, 40) || "dossier";
}

/**
 * The financial statements for staff and clients (read-only): the JSON view and its CSV/XLSX exports.
 * They read the stored aggregates only (two at most, N and N-1), so the view is a light read; the
 * exports hold a heavy-read slot like every export.
 */
export function statementsRoutes(acc: AccountingDeps, scopes: readonly AccountingScope[]): AnyRoute[] {
  return scopes.flatMap((s) => [
    scopedView(s, {
      path: STATEMENTS_VIEW,
      summary: "Bilan (actif, passif) and compte de résultat by PCG rubric, with N-1 and the accounts of each rubric",
      query: statementsQuerySchema,
      response: accountingStatementsSchema,
      view: (principal, access, query) => statementsView(acc, principal, access, query),
    }),
    ...ACCOUNTING_EXPORT_FORMATS.map((format) =>
      defineStreamRoute({
        method: "get",
        path: `${s.prefix}/${statementsExportPath(format)}`,
        allow: s.allow,
        tag,
        summary: `Export the bilan and compte de résultat (N and N-1) as ${format.toUpperCase()}`,
        query: statementsQuerySchema,
        responses: {
          200: { description: "The file, as an attachment", file: ACCOUNTING_EXPORT_MIME[format] },
        },
        handler: async ({ principal, locale, params, query, response }) => {
          const access = await s.access(principal, params.dossierId);
          await underGate(acc.heavyReads, principal, async () => {
            const data = await statementsView(acc, principal, access, query);
            const fileName = `${fileSafe(access.dossier.code)}-${STATEMENTS_VIEW}-${data.exercice.end}.${format}`;
            const sheet = `${locale === "en" ? "Statements" : "États financiers"} ${data.exercice.end}`;
            const sink = yieldingSink(response.attachment(ACCOUNTING_EXPORT_MIME[format], fileName), heavyWorkTurns());
            const writer: TableWriter = format === "csv" ? new CsvWriter(sink) : new XlsxWriter(sink, sheet);
            await writeStatements(writer, data, locale);
            response.end();
          });
        },
      }),
    ),
  ]);
}
