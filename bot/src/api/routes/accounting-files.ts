import type { z } from "zod";
import {
  ACCOUNTING_EXPORT_FORMATS,
  ACCOUNTING_EXPORT_MIME,
  ACCOUNTING_EXPORT_VIEWS,
  accountingExportPath,
  balanceExportQuerySchema,
  fecUploadQuerySchema,
  fecUploadResultSchema,
  grandLivreExportQuerySchema,
  journauxExportQuerySchema,
  type AccountingExportFormat,
  type AccountingExportView,
} from "@comptoir/shared/api/accounting";
import type { AccountingDeps } from "../../accounting/deps";
import { uploadFec } from "../../accounting/import/service";
import { prepareExport, type ExportQuery } from "../../accounting/views/export/exports";
import { CsvWriter, XlsxWriter, type TableWriter } from "../../accounting/views/export/table-writer";
import type { ServiceDeps } from "../../core/services/context";
import { HTTP_STATUS } from "../http/error-status";
import { defineStreamRoute, type AnyRoute } from "../http/route";
import { STAFF, type AccountingScope } from "./accounting-scopes";
import { heavyWorkTurns, underGate, yieldingSink } from "./heavy-work";

const tag = "accounting";

/** Export queries: the view's query without paging. */
const EXPORT_QUERY: Record<AccountingExportView, z.ZodType<ExportQuery>> = {
  balance: balanceExportQuerySchema,
  "grand-livre": grandLivreExportQuerySchema,
  journaux: journauxExportQuerySchema,
};

const EXPORT_FILES = ACCOUNTING_EXPORT_VIEWS.flatMap((view) =>
  ACCOUNTING_EXPORT_FORMATS.map((format) => ({ view, format })),
);

/**
 * The accounting routes that stream bytes: the FEC upload (the request body, read as it arrives) and
 * the exports, one route per view and format so that OpenAPI lists each file with its own query and type
 * (and an unknown file is an unknown route).
 */
export function accountingFileRoutes(
  deps: ServiceDeps,
  acc: AccountingDeps,
  scopes: readonly AccountingScope[],
): AnyRoute[] {
  const upload = defineStreamRoute({
    method: "post",
    path: "/dossiers/:id/fec",
    allow: STAFF,
    tag,
    summary: "Import a FEC: validated, then served in place of the exercice's previous import",
    query: fecUploadQuerySchema,
    request: {
      contentType: "application/octet-stream",
      description: "The FEC file as is, up to `maxUploadBytes` (see the exercices)",
      maxBytes: () => acc.maxUploadBytes,
    },
    responses: {
      201: { description: "Imported", json: fecUploadResultSchema },
      422: {
        description: "Rejected, nothing changed: the status is the report's first blocking code (422, 413, 415)",
        json: fecUploadResultSchema,
      },
    },
    handler: async ({ principal, params, query, request, response }) => {
      const outcome = await uploadFec(deps, acc, principal, params.id, query, request.body, request.declaredBytes);
      // A rejected file answers with the status of its first error (422 when it has no coded one).
      const status = outcome.kind === "imported" ? 201 : outcome.firstError ? HTTP_STATUS[outcome.firstError] : 422;
      response.json(status, outcome.body);
    },
  });
  return [upload, ...scopes.flatMap((s) => EXPORT_FILES.map((file) => exportRoute(acc, s, file.view, file.format)))];
}

/** One file of one view, as the tab asks for it (`accountingExportPath`), for staff or a client. */
function exportRoute(
  acc: AccountingDeps,
  scope: AccountingScope,
  view: AccountingExportView,
  format: AccountingExportFormat,
): AnyRoute {
  return defineStreamRoute({
    method: "get",
    path: `${scope.prefix}/${accountingExportPath(view, format)}`,
    allow: scope.allow,
    tag,
    summary: `Export the ${view} as ${format.toUpperCase()}, with the view's query without paging`,
    query: EXPORT_QUERY[view],
    responses: {
      200: { description: "The file, as an attachment, written as it is read", file: ACCOUNTING_EXPORT_MIME[format] },
    },
    handler: async ({ principal, locale, params, query, response }) => {
      const access = await scope.access(principal, params.dossierId);
      // Every export reads until its last row: it holds a heavy-read slot for its whole streaming.
      await underGate(acc.heavyReads, principal, async () => {
        // One clock for reading and writing: the export hands the event loop back every few ms, whichever runs.
        const turns = heavyWorkTurns();
        const prepared = await prepareExport(acc, principal, access, view, format, query, locale, turns);
        const sink = yieldingSink(response.attachment(ACCOUNTING_EXPORT_MIME[format], prepared.fileName), turns);
        const writer: TableWriter = format === "csv" ? new CsvWriter(sink) : new XlsxWriter(sink, prepared.sheetName);
        await prepared.write(writer);
        response.end();
      });
    },
  });
}
