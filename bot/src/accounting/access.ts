import { AppError, etablissementCodeKey, WHOLE_DOSSIER, type Dossier, type Principal } from "@comptoir/shared";
import { ficheSociete } from "../core/services/client-space";
import { found, type ServiceDeps } from "../core/services/context";

/**
 * Who reads and how much: staff see a dossier whole; a client goes through the client space's one
 * access rule (`ficheSociete` → `canClientConsult`, CLIENT_NO_ACCESS otherwise), then *Limité à*
 * narrows the lines to the établissements it names. Mapping: a FEC line belongs to the établissement
 * whose code equals its CodeEtablissement (trimmed, case ignored); a restricted client sees only
 * lines carrying one of its codes, so lines without a code (or a FEC without the column) are hidden
 * from them, never shown by default.
 */
export type AccountingAccess = {
  dossier: Dossier;
  staff: boolean;
  /** Normalised codes the caller may see; undefined = the whole dossier. */
  etablissements: string[] | undefined;
};

export async function staffAccess(
  deps: ServiceDeps,
  principal: Principal,
  dossierId: string,
): Promise<AccountingAccess> {
  const dossier = found(await deps.repos.dossiers.get(principal.tenantId, dossierId), "DOSSIER_NOT_FOUND").value;
  return { dossier, staff: true, etablissements: undefined };
}

export async function clientAccess(
  deps: ServiceDeps,
  principal: Principal,
  dossierId: string,
): Promise<AccountingAccess> {
  const fiche = await ficheSociete(deps, principal, dossierId);
  const contactId = await deps.repos.contacts.findIdByGuest(principal.tenantId, principal.oid);
  const link = contactId ? await deps.repos.links.get(principal.tenantId, contactId, dossierId) : null;
  const dossier = await deps.repos.dossiers.get(principal.tenantId, dossierId);
  if (!link || !dossier) throw new AppError("CLIENT_NO_ACCESS");
  return {
    dossier: dossier.value,
    staff: false,
    etablissements:
      link.value.limitedTo === WHOLE_DOSSIER
        ? undefined
        : fiche.etablissements.map((e) => etablissementCodeKey(e.code)),
  };
}

/** Whether a line (or aggregate row) of établissement `etab` is visible. */
export function inScope(scope: ReadonlySet<string> | undefined, etab: string): boolean {
  return scope === undefined || scope.has(etab);
}

export function scopeSet(access: AccountingAccess): Set<string> | undefined {
  return access.etablissements === undefined ? undefined : new Set(access.etablissements);
}
