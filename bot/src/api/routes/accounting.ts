import express, { type NextFunction, type Request, type RequestHandler, type Response, type Router } from "express";
import type { z } from "zod";
import { AppError, resolveLocale, zodIssuesToFields, type Locale, type Principal } from "@comptoir/shared";
import {
  ACCOUNTING_EXPORT_MIME,
  accountingBalanceSchema,
  accountingExercicesSchema,
  accountingGrandLivreSchema,
  accountingJournauxSchema,
  accountingSyntheseSchema,
  balanceExportQuerySchema,
  balanceQuerySchema,
  exerciceIdSchema,
  fecImportDetailSchema,
  fecImportListQuerySchema,
  fecImportListSchema,
  fecUploadQuerySchema,
  grandLivreExportQuerySchema,
  grandLivreQuerySchema,
  journauxExportQuerySchema,
  journauxQuerySchema,
  syntheseQuerySchema,
  type AccountingExportFormat,
  type AccountingExportView,
} from "@comptoir/shared/api/accounting";
import { clientAccess, staffAccess, type AccountingAccess } from "../../accounting/access";
import { prepareExport, type ExportQuery } from "../../accounting/views/export/exports";
import { CsvWriter, XlsxWriter, type TableWriter } from "../../accounting/views/export/table-writer";
import type { AccountingDeps } from "../../accounting/deps";
import { deleteExercice, getImport, listImports, uploadFec } from "../../accounting/import/service";
import { balanceView, grandLivreView, journauxView, listExercices, syntheseView } from "../../accounting/views/service";
import { HTTP_STATUS } from "../http/error-status";
import type { ByteSink } from "../../accounting/views/export/xlsx/zip-stream";
import type { TokenVerifier } from "../../auth/verify";
import { authenticate } from "../http/authenticate";
import { defineRoute, isAllowed, type AnyRoute, type Audience } from "../http/route";
import type { ServiceDeps } from "../../core/services/context";

const tag = "accounting";
const STAFF = ["staff"] as const;
const CLIENT = ["client"] as const;

type Audienced = {
  allow: readonly Audience[];
  prefix: string;
  param: string;
  access: (principal: Principal, params: Record<string, string>) => Promise<AccountingAccess>;
};

function audiences(deps: ServiceDeps): Audienced[] {
  return [
    {
      allow: STAFF,
      prefix: "/dossiers/:id/accounting",
      param: "id",
      access: (principal, params) => staffAccess(deps, principal, params.id ?? ""),
    },
    {
      allow: CLIENT,
      prefix: "/client/societes/:dossierId/accounting",
      param: "dossierId",
      access: (principal, params) => clientAccess(deps, principal, params.dossierId ?? ""),
    },
  ];
}

/**
 * JSON routes of the accounting consultation: the read views for staff (any dossier) and clients
 * (through the access rule and *Limité à*), and the staff's import history. The upload and the file
 * exports stream raw bytes, so they live in `accountingFileRouter`.
 */
export function accountingRoutes(deps: ServiceDeps, acc: AccountingDeps): AnyRoute[] {
  const views = audiences(deps).flatMap((a) => [
    defineRoute({
      method: "get",
      path: `${a.prefix}/exercices`,
      allow: a.allow,
      tag,
      summary: "Imported exercices of the dossier, with the served import",
      response: accountingExercicesSchema,
      handler: async ({ principal, params }) => ({
        body: await listExercices(acc, principal, await a.access(principal, params)),
      }),
    }),
    defineRoute({
      method: "get",
      path: `${a.prefix}/balance`,
      allow: a.allow,
      tag,
      summary: "Balance (trial balance) by PCG class and account, auxiliary accounts expanded",
      query: balanceQuerySchema,
      response: accountingBalanceSchema,
      handler: async ({ principal, params, query }) => ({
        body: await balanceView(acc, principal, await a.access(principal, params), query),
      }),
    }),
    defineRoute({
      method: "get",
      path: `${a.prefix}/grand-livre`,
      allow: a.allow,
      tag,
      summary: "Grand livre, paged, with running balance and lettering",
      query: grandLivreQuerySchema,
      response: accountingGrandLivreSchema,
      handler: async ({ principal, params, query }) => ({
        body: await grandLivreView(acc, principal, await a.access(principal, params), query),
      }),
    }),
    defineRoute({
      method: "get",
      path: `${a.prefix}/journaux`,
      allow: a.allow,
      tag,
      summary: "Journaux, paged by écriture",
      query: journauxQuerySchema,
      response: accountingJournauxSchema,
      handler: async ({ principal, params, query }) => ({
        body: await journauxView(acc, principal, await a.access(principal, params), query),
      }),
    }),
    defineRoute({
      method: "get",
      path: `${a.prefix}/synthese`,
      allow: a.allow,
      tag,
      summary: "Key figures, SIG and monthly series with N-1",
      query: syntheseQuerySchema,
      response: accountingSyntheseSchema,
      handler: async ({ principal, params, query }) => ({
        body: await syntheseView(acc, principal, await a.access(principal, params), query),
      }),
    }),
  ]);
  return [
    ...views,
    defineRoute({
      method: "get",
      path: "/dossiers/:id/fec/imports",
      allow: STAFF,
      tag,
      summary: "FEC import history of the dossier (newest first)",
      query: fecImportListQuerySchema,
      response: fecImportListSchema,
      handler: async ({ principal, params, query }) => ({
        body: await listImports(deps, acc, principal, params.id ?? "", query.limit),
      }),
    }),
    defineRoute({
      method: "get",
      path: "/dossiers/:id/fec/imports/:importId",
      allow: STAFF,
      tag,
      summary: "One FEC import with its validation report",
      response: fecImportDetailSchema,
      handler: async ({ principal, params }) => ({
        body: await getImport(deps, acc, principal, params.id ?? "", params.importId ?? ""),
      }),
    }),
    defineRoute({
      method: "delete",
      path: "/dossiers/:id/accounting/exercices/:exercice",
      allow: STAFF,
      tag,
      summary: "Stop serving an exercice and delete its data",
      handler: async ({ principal, params }) => {
        const exercice = exerciceIdSchema.safeParse(params.exercice);
        if (!exercice.success) throw new AppError("ACCOUNTING_EXERCICE_NOT_FOUND");
        await deleteExercice(deps, acc, principal, params.id ?? "", exercice.data);
        return {};
      },
    }),
  ];
}

type RawContext<Q> = { principal: Principal; locale: Locale; query: Q; req: Request; res: Response };

/** The same gate as the JSON router (token, audience, query schema), for routes that stream bytes. */
function rawRoute<Q>(
  verify: TokenVerifier,
  allow: readonly Audience[],
  query: z.ZodType<Q> | ((req: Request) => z.ZodType<Q>),
  handler: (ctx: RawContext<Q>) => Promise<void>,
): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const run = async () => {
      const locale = resolveLocale(req.headers["accept-language"]);
      const principal = await authenticate(req, verify);
      if (!isAllowed(principal, allow)) throw new AppError("FORBIDDEN");
      const schema = typeof query === "function" ? query(req) : query;
      const parsed = schema.safeParse(req.query);
      if (!parsed.success)
        throw new AppError("VALIDATION_FAILED", {}, zodIssuesToFields(parsed.error, locale, req.query));
      res.setHeader("Cache-Control", "no-store");
      res.setHeader("Content-Language", locale);
      await handler({ principal, locale, query: parsed.data, req, res });
    };
    run().catch((e: unknown) => {
      // The caller hung up (an upload cut short): nobody is left to answer.
      if (req.destroyed && !req.complete && !res.headersSent) return void res.destroy();
      // Once bytes are out the status is sent: the only honest signal left is a cut connection.
      if (res.headersSent) res.destroy(e instanceof Error ? e : undefined);
      else next(e);
    });
  };
}

/** Writes to the response, waiting for "drain" so a slow client holds the export back, not memory. */
function responseSink(res: Response): ByteSink {
  return async (chunk) => {
    if (res.destroyed || res.writableEnded) throw new Error("Client went away");
    if (res.write(chunk)) return;
    await new Promise<void>((resolve, reject) => {
      const done = (error?: Error) => {
        res.off("drain", onDrain);
        res.off("close", onClose);
        if (error) reject(error);
        else resolve();
      };
      const onDrain = () => done();
      const onClose = () => done(new Error("Client went away"));
      res.on("drain", onDrain);
      res.on("close", onClose);
    });
  };
}

const EXPORT_FILE = /^(balance|grand-livre|journaux)\.(csv|xlsx)$/;

function exportQuerySchema(req: Request): z.ZodType<ExportQuery> {
  const match = EXPORT_FILE.exec(String(req.params.file ?? ""));
  if (!match) throw new AppError("ROUTE_NOT_FOUND");
  const view = match[1] as AccountingExportView;
  return view === "balance"
    ? balanceExportQuerySchema
    : view === "grand-livre"
      ? grandLivreExportQuerySchema
      : journauxExportQuerySchema;
}

/**
 * Routes that stream raw bytes, mounted on `/api/v1` before the JSON router (whose body parser must
 * never see an upload):
 * - `POST /dossiers/:id/fec` (staff): the FEC as the request body, read as a stream;
 * - `GET …/accounting/export/<view>.<csv|xlsx>` (staff and client): the file, written as it is read.
 */
export function accountingFileRouter(deps: ServiceDeps, acc: AccountingDeps, verify: TokenVerifier): Router {
  const router = express.Router();
  router.post(
    "/dossiers/:id/fec",
    rawRoute(verify, STAFF, fecUploadQuerySchema, async ({ principal, query, req, res }) => {
      const declared = req.headers["content-length"] ? Number(req.headers["content-length"]) : null;
      if (declared !== null && declared > acc.maxUploadBytes) res.setHeader("Connection", "close");
      const outcome = await uploadFec(
        deps,
        acc,
        principal,
        String(req.params.id ?? ""),
        query,
        req,
        Number.isFinite(declared) ? declared : null,
      );
      // Reading stopped early (over the limit, not a text file…): do not wait for the rest.
      if (!req.complete) res.setHeader("Connection", "close");
      // A rejected file answers with the status of its first error (422 when it has no coded one).
      const status = outcome.kind === "imported" ? 201 : outcome.firstError ? HTTP_STATUS[outcome.firstError] : 422;
      res.status(status).json(outcome.body);
    }),
  );
  for (const a of audiences(deps)) {
    router.get(
      `${a.prefix}/export/:file`,
      rawRoute(verify, a.allow, exportQuerySchema, async ({ principal, locale, query, req, res }) => {
        const match = EXPORT_FILE.exec(String(req.params.file ?? ""));
        if (!match) throw new AppError("ROUTE_NOT_FOUND");
        const view = match[1] as AccountingExportView;
        const format = match[2] as AccountingExportFormat;
        const access = await a.access(principal, req.params as Record<string, string>);
        const prepared = await prepareExport(acc, principal, access, view, format, query, locale);
        res.status(200);
        res.setHeader("Content-Type", ACCOUNTING_EXPORT_MIME[format]);
        res.setHeader(
          "Content-Disposition",
          `attachment; filename="${prepared.fileName}"; filename*=UTF-8''${encodeURIComponent(prepared.fileName)}`,
        );
        const sink = responseSink(res);
        const writer: TableWriter = format === "csv" ? new CsvWriter(sink) : new XlsxWriter(sink, prepared.sheetName);
        await prepared.write(writer);
        res.end();
      }),
    );
  }
  return router;
}
