import { AppError } from "../errors";
import { etablissementCodeKey, type Dossier } from "./dossier";
import { WHOLE_DOSSIER, type DossierLink } from "./dossier-link";
import { isLive, type ServiceSubscription } from "./service-subscription";

/**
 * A dossier whose services are still live cannot be deleted (`DOSSIER_HAS_LIVE_SERVICES`, param
 * `count`): revoke them first, e.g. by deactivating the offer. Pass the dossier's subscriptions.
 */
export function assertDossierDeletable(
  dossier: Pick<Dossier, "id">,
  subscriptions: readonly ServiceSubscription[],
): void {
  const count = subscriptions.filter((s) => s.dossierId === dossier.id && isLive(s)).length;
  if (count > 0) throw new AppError("DOSSIER_HAS_LIVE_SERVICES", { count });
}

/**
 * Établissement codes an update would remove while a link's "Limité à" still names them.
 * `ETABLISSEMENT_IN_USE` (param `codes`) keeps links from pointing at nothing.
 */
export function assertEtablissementsNotInUse(
  before: Pick<Dossier, "id" | "etablissements">,
  after: Pick<Dossier, "etablissements">,
  links: readonly Pick<DossierLink, "dossierId" | "limitedTo">[],
): void {
  const kept = new Set(after.etablissements.map((e) => etablissementCodeKey(e.code)));
  const removed = before.etablissements.filter((e) => !kept.has(etablissementCodeKey(e.code)));
  if (removed.length === 0) return;
  const referenced = new Set<string>();
  for (const link of links) {
    if (link.dossierId !== before.id || link.limitedTo === WHOLE_DOSSIER) continue;
    for (const code of link.limitedTo) referenced.add(etablissementCodeKey(code));
  }
  const inUse = removed.filter((e) => referenced.has(etablissementCodeKey(e.code))).map((e) => e.code);
  if (inUse.length > 0) throw new AppError("ETABLISSEMENT_IN_USE", { codes: inUse.join(", ") });
}
