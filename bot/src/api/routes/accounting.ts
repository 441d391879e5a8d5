import type { z } from "zod";
import { AppError, type Principal } from "@comptoir/shared";
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
import type { AccountingAccess } from "../../accounting/access";
import type { AccountingDeps } from "../../accounting/deps";
import { deleteExercice, getImport, listImports } from "../../accounting/import/service";
import { balanceView, grandLivreView, journauxView, listExercices, syntheseView } from "../../accounting/views/service";
import { defineRoute, type AnyRoute } from "../http/route";
import type { ServiceDeps } from "../../core/services/context";
import { accountingFileRoutes } from "./accounting-files";
import { agedBalanceRoutes } from "./aged-balance";
import { accountingScopes, STAFF } from "./accounting-scopes";
import { statementsRoutes } from "./accounting-statements";
import type { HeavyRead } from "../../accounting/views/heavy-reads";
import { underGate } from "./heavy-work";

const tag = "accounting";

/**
 * The accounting consultation: the read views for staff (any dossier) and clients (through the access
 * rule and *Limité à*), the staff's import history, and the routes that stream bytes (FEC upload, exports).
 */
export function accountingRoutes(deps: ServiceDeps, acc: AccountingDeps): AnyRoute[] {
  const scopes = accountingScopes(deps);
  const views = scopes.flatMap((s) => {
    /**
     * A GET view of the dossier's accounting: the scope's access rule, then the view's service. A read
     * that scans the whole import holds a heavy-read slot while it runs: the view runs it through
     * `heavy` once it knows what it will read (an auxiliary's search scans only until its copy is built).
     */
    const view = <Q>(
      name: string,
      summary: string,
      query: z.ZodType<Q> | undefined,
      response: z.ZodType,
      read: (principal: Principal, access: AccountingAccess, query: Q, heavy: HeavyRead) => Promise<unknown>,
    ) =>
      defineRoute({
        method: "get",
        path: `${s.prefix}/${name}`,
        allow: s.allow,
        tag,
        summary,
        ...(query ? { query } : {}),
        response,
        handler: async ({ principal, params, query }) => {
          const access = await s.access(principal, params.dossierId);
          const heavy: HeavyRead = (work) => underGate(acc.heavyReads, principal, work);
          return { body: await read(principal, access, query, heavy) };
        },
      });
    return [
      view(
        "exercices",
        "Imported exercices of the dossier, with the served import",
        undefined,
        accountingExercicesSchema,
        (p, a) => listExercices(acc, p, a),
      ),
      view(
        "balance",
        "Balance (trial balance) by PCG class and account, auxiliary accounts expanded",
        balanceQuerySchema,
        accountingBalanceSchema,
        (p, a, q) => balanceView(acc, p, a, q),
      ),
      view(
        "grand-livre",
        "Grand livre, paged, with running balance and lettering",
        grandLivreQuerySchema,
        accountingGrandLivreSchema,
        (p, a, q, heavy) => grandLivreView(acc, p, a, q, heavy),
      ),
      view(
        "journaux",
        "Journaux, paged by écriture. With `q`, the écritures where each word of `q` begins a word of their label, piece reference, number, auxiliary account, account number or account label (case and accents ignored), answered from the import's search index",
        journauxQuerySchema,
        accountingJournauxSchema,
        (p, a, q, heavy) => journauxView(acc, p, a, q, heavy),
      ),
      view(
        "synthese",
        "Key figures, SIG and monthly series with N-1",
        syntheseQuerySchema,
        accountingSyntheseSchema,
        (p, a, q) => syntheseView(acc, p, a, q),
      ),
    ];
  });
  return [
    ...views,
    ...accountingFileRoutes(deps, acc, scopes),
    ...agedBalanceRoutes(deps, acc, scopes),
    ...statementsRoutes(acc, scopes),
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
