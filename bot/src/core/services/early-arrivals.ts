import type { EarlyArrival } from "@comptoir/shared/api/client-space";
import type { Principal } from "@comptoir/shared";
import { found, type ServiceDeps } from "./context";

/**
 * The clients still waiting for the dossier's space (staff, the dossier's dashboard): who came before it was open,
 * as long as it is not. Once the offer and the extension are both active, nobody is waiting any more.
 */
export async function earlyArrivals(
  deps: ServiceDeps,
  principal: Principal,
  dossierId: string,
): Promise<EarlyArrival[]> {
  const dossier = found(await deps.repos.dossiers.get(principal.tenantId, dossierId), "DOSSIER_NOT_FOUND").value;
  if (dossier.offers.consultation.active && dossier.collaborativeWidget.extensionActive) return [];
  const arrivals = await deps.repos.earlyArrivals.listByDossier(principal.tenantId, dossierId);
  return arrivals.sort((a, b) => a.at.localeCompare(b.at));
}
