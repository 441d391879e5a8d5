import { AppError } from "@comptoir/shared";
import {
  accountingBalanceSchema,
  accountingExercicesSchema,
  accountingGrandLivreSchema,
  accountingJournauxSchema,
  accountingSyntheseSchema,
  balanceQuerySchema,
  exerciceIdSchema,
  fecImportDetailSchema,
  fecImportListQuerySchema,
  fecImportListSchema,
  grandLivreQuerySchema,
  journauxQuerySchema,
  syntheseQuerySchema,
} from "@comptoir/shared/api/accounting";
import type { AccountingDeps } from "../../accounting/deps";
import { deleteExercice, getImport, listImports } from "../../accounting/import/service";
import { balanceView, grandLivreView, journauxView, listExercices, syntheseView } from "../../accounting/views/service";
import { defineRoute, type AnyRoute } from "../http/route";
import type { ServiceDeps } from "../../core/services/context";
import { accountingFileRoutes } from "./accounting-files";
import { accountingScopes, STAFF } from "./accounting-scopes";

const tag = "accounting";

/**
 * The accounting consultation: the read views for staff (any dossier) and clients (through the access
 * rule and *Limité à*), the staff's import history, and the routes that stream bytes (FEC upload, exports).
 */
export function accountingRoutes(deps: ServiceDeps, acc: AccountingDeps): AnyRoute[] {
  const scopes = accountingScopes(deps);
  const views = scopes.flatMap((s) => [
    defineRoute({
      method: "get",
      path: `${s.prefix}/exercices`,
      allow: s.allow,
      tag,
      summary: "Imported exercices of the dossier, with the served import",
      response: accountingExercicesSchema,
      handler: async ({ principal, params }) => ({
        body: await listExercices(acc, principal, await s.access(principal, params.dossierId)),
      }),
    }),
    defineRoute({
      method: "get",
      path: `${s.prefix}/balance`,
      allow: s.allow,
      tag,
      summary: "Balance (trial balance) by PCG class and account, auxiliary accounts expanded",
      query: balanceQuerySchema,
      response: accountingBalanceSchema,
      handler: async ({ principal, params, query }) => ({
        body: await balanceView(acc, principal, await s.access(principal, params.dossierId), query),
      }),
    }),
    defineRoute({
      method: "get",
      path: `${s.prefix}/grand-livre`,
      allow: s.allow,
      tag,
      summary: "Grand livre, paged, with running balance and lettering",
      query: grandLivreQuerySchema,
      response: accountingGrandLivreSchema,
      handler: async ({ principal, params, query }) => ({
        body: await grandLivreView(acc, principal, await s.access(principal, params.dossierId), query),
      }),
    }),
    defineRoute({
      method: "get",
      path: `${s.prefix}/journaux`,
      allow: s.allow,
      tag,
      summary: "Journaux, paged by écriture",
      query: journauxQuerySchema,
      response: accountingJournauxSchema,
      handler: async ({ principal, params, query }) => ({
        body: await journauxView(acc, principal, await s.access(principal, params.dossierId), query),
      }),
    }),
    defineRoute({
      method: "get",
      path: `${s.prefix}/synthese`,
      allow: s.allow,
      tag,
      summary: "Key figures, SIG and monthly series with N-1",
      query: syntheseQuerySchema,
      response: accountingSyntheseSchema,
      handler: async ({ principal, params, query }) => ({
        body: await syntheseView(acc, principal, await s.access(principal, params.dossierId), query),
      }),
    }),
  ]);
  return [
    ...views,
    ...accountingFileRoutes(deps, acc, scopes),
    defineRoute({
      method: "get",
      path: "/dossiers/:id/fec/imports",
      allow: STAFF,
      tag,
      summary: "FEC import history of the dossier (newest first)",
      query: fecImportListQuerySchema,
      response: fecImportListSchema,
      handler: async ({ principal, params, query }) => ({
        body: await listImports(deps, acc, principal, params.id, query.limit),
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
        body: await getImport(deps, acc, principal, params.id, params.importId),
      }),
    }),
    defineRoute({
      method: "delete",
      path: "/dossiers/:dossierId/accounting/exercices/:exercice",
      allow: STAFF,
      tag,
      summary: "Stop serving an exercice and delete its data",
      handler: async ({ principal, params }) => {
        const exercice = exerciceIdSchema.safeParse(params.exercice);
        if (!exercice.success) throw new AppError("ACCOUNTING_EXERCICE_NOT_FOUND");
        await deleteExercice(deps, acc, principal, params.dossierId, exercice.data);
        return {};
      },
    }),
  ];
}
