import { buildRgpdExport, type RgpdExport } from "@comptoir/shared";
import type { ServiceDeps } from "../../core/services/context";
import { readHoldings } from "./holdings";

/** `GET /contacts/:id/rgpd/export.json|html` (right of access): everything Comptoir holds on the contact. */
export async function exportContact(deps: ServiceDeps, tenantId: string, contactId: string): Promise<RgpdExport> {
  const { holdings } = await readHoldings(deps, tenantId, contactId);
  return buildRgpdExport(holdings, tenantId, deps.now());
}
