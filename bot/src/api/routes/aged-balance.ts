import {
  accountingAgedBalanceSchema,
  accountingAgedLinesSchema,
  accountingEcheancierSchema,
  agedBalanceQuerySchema,
  agedExportPath,
  agedExportQuerySchema,
  agedLinesQuerySchema,
  AGED_EXPORT_FORMATS,
  echeancierQuerySchema,
} from "@comptoir/shared/api/aged-balance";
import { ACCOUNTING_EXPORT_MIME } from "@comptoir/shared/api/accounting";
import type { AccountingDeps } from "../../accounting/deps";
import { agedBalanceView, agedLinesView, echeancierView } from "../../accounting/views/aged-balance";
import { prepareAgedExport } from "../../accounting/views/aged-balance-export";
import { CsvWriter, XlsxWriter, type TableWriter } from "../../accounting/views/export/table-writer";
import type { ServiceDeps } from "../../core/services/context";
import { defineStreamRoute, type AnyRoute } from "../http/route";
import { scopedView, type AccountingScope } from "./accounting-scopes";
import { heavyWorkTurns, yieldingSink } from "./heavy-work";

const tag = "accounting";

/**
 * The balance âgée (clients 411 / suppliers 401), its drill-down to one third party's open lines, the
 * échéancier and the balance âgée's files, for staff and clients (read-only, *Limité à* through the scope).
 */
export function agedBalanceRoutes(
  deps: ServiceDeps,
  acc: AccountingDeps,
  scopes: readonly AccountingScope[],
): AnyRoute[] {
  return scopes.flatMap((s) => [
    scopedView(s, {
      path: "balance-agee",
      summary: "Balance âgée of clients (411) or suppliers (401) at a reference date, per third party and bucket",
      query: agedBalanceQuerySchema,
      response: accountingAgedBalanceSchema,
      view: (principal, access, query) => agedBalanceView(acc, principal, access, query, deps.now()),
    }),
    scopedView(s, {
      path: "balance-agee/lines",
      summary: "One third party's open lines at the reference date (drill-down of the balance âgée)",
      query: agedLinesQuerySchema,
      response: accountingAgedLinesSchema,
      view: (principal, access, query) => agedLinesView(acc, principal, access, query, deps.now()),
    }),
    scopedView(s, {
      path: "echeancier",
      summary: "Échéancier: the open items ordered by date, with a cumulative total, paged",
      query: echeancierQuerySchema,
      response: accountingEcheancierSchema,
      view: (principal, access, query) => echeancierView(acc, principal, access, query, deps.now()),
    }),
    ...AGED_EXPORT_FORMATS.map((format) =>
      defineStreamRoute({
        method: "get",
        path: `${s.prefix}/${agedExportPath(format)}`,
        allow: s.allow,
        tag,
        summary: `Export the balance âgée (or, with party, one third party's open lines) as ${format.toUpperCase()}`,
        query: agedExportQuerySchema,
        responses: {
          200: { description: "The file, as an attachment", file: ACCOUNTING_EXPORT_MIME[format] },
        },
        handler: async ({ principal, locale, params, query, response }) => {
          const access = await s.access(principal, params.dossierId);
          const prepared = await prepareAgedExport(acc, principal, access, query, format, locale, deps.now());
          const turns = heavyWorkTurns();
          const sink = yieldingSink(response.attachment(ACCOUNTING_EXPORT_MIME[format], prepared.fileName), turns);
          const writer: TableWriter = format === "csv" ? new CsvWriter(sink) : new XlsxWriter(sink, prepared.sheetName);
          await prepared.write(writer);
          response.end();
        },
      }),
    ),
  ]);
}
