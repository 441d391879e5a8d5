import type { Principal } from "@comptoir/shared";
import { clientAccess, staffAccess, type AccountingAccess } from "../../accounting/access";
import type { Audience } from "../http/route";
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
