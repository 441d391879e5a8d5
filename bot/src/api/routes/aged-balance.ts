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
import { defineRoute, defineStreamRoute, type AnyRoute } from "../http/route";
import type { AccountingScope } from "./accounting-scopes";
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
    defineRoute({
      method: "get",
      path: `${s.prefix}/balance-agee`,
      allow: s.allow,
      tag,
      summary: "Balance âgée of clients (411) or suppliers (401) at a reference date, per third party and bucket",
      query: agedBalanceQuerySchema,
      response: accountingAgedBalanceSchema,
      handler: async ({ principal, params, query }) => {
        const access = await s.access(principal, params.dossierId);
        return { body: await agedBalanceView(acc, principal, access, query, deps.now()) };
      },
    }),
    defineRoute({
      method: "get",
      path: `${s.prefix}/balance-agee/lines`,
      allow: s.allow,
      tag,
      summary: "One third party's open lines at the reference date (drill-down of the balance âgée)",
      query: agedLinesQuerySchema,
      response: accountingAgedLinesSchema,
      handler: async ({ principal, params, query }) => {
        const access = await s.access(principal, params.dossierId);
        return { body: await agedLinesView(acc, principal, access, query, deps.now()) };
      },
    }),
    defineRoute({
      method: "get",
      path: `${s.prefix}/echeancier`,
      allow: s.allow,
      tag,
      summary: "Échéancier: the open items ordered by date, with a cumulative total, paged",
      query: echeancierQuerySchema,
      response: accountingEcheancierSchema,
      handler: async ({ principal, params, query }) => {
        const access = await s.access(principal, params.dossierId);
        return { body: await echeancierView(acc, principal, access, query, deps.now()) };
      },
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
