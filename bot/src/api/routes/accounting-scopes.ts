import type { Principal } from "@comptoir/shared";
import { clientAccess, staffAccess, type AccountingAccess } from "../../accounting/access";
import type { z } from "zod";
import { defineRoute, type AnyRoute, type Audience } from "../http/route";
import type { ServiceDeps } from "../../core/services/context";

/**
 * Who consults a dossier's accounting, and through which rule: staff any dossier of the firm, clients
 * only theirs (access rule and *Limité à*). Both prefixes name the dossier `:dossierId`, so one route
 * declaration serves both audiences with a typed `params.dossierId`.
 */
export type AccountingScope = {
  allow: readonly Audience[];
  prefix: "/dossiers/:dossierId/accounting" | "/client/societes/:dossierId/accounting";
  access: (principal: Principal, dossierId: string) => Promise<AccountingAccess>;
};

export const STAFF = ["staff"] as const;

export function accountingScopes(deps: ServiceDeps): AccountingScope[] {
  return [
    {
      allow: STAFF,
      prefix: "/dossiers/:dossierId/accounting",
      access: (principal, dossierId) => staffAccess(deps, principal, dossierId),
    },
    {
      allow: ["client"],
      prefix: "/client/societes/:dossierId/accounting",
      access: (principal, dossierId) => clientAccess(deps, principal, dossierId),
    },
  ];
}

/** What a read-only JSON view of a dossier's accounting declares, beside its scope. */
interface ScopedViewDef<Q> {
  /** Under the scope's prefix, e.g. `balance-agee/lines`. */
  path: string;
  summary: string;
  query: z.ZodType<Q>;
  response: z.ZodType;
  view: (principal: Principal, access: AccountingAccess, query: Q) => Promise<unknown>;
}

/** A read-only JSON view for one audience: the caller's access to the dossier is resolved, then `view` answers. */
export function scopedView<Q>(s: AccountingScope, def: ScopedViewDef<Q>): AnyRoute {
  const path: `${AccountingScope["prefix"]}/${string}` = `${s.prefix}/${def.path}`;
  return defineRoute({
    method: "get",
    path,
    allow: s.allow,
    tag: "accounting",
    summary: def.summary,
    query: def.query,
    response: def.response,
    handler: async ({ principal, params, query }) => {
      const access = await s.access(principal, params.dossierId);
      return { body: await def.view(principal, access, query) };
    },
  });
}
