import { AppError, type Principal } from "@comptoir/shared";
import type { ImportNoticeList } from "@comptoir/shared/api/import-notices";
import type { ServiceDeps } from "../../core/services/context";
import { staffAccess } from "../access";
import type { AccountingDeps } from "../deps";

/** Who was told of an import (sent, when), who was not and why, who failed: for staff, in the import history. */
export async function listImportNotices(
  deps: ServiceDeps,
  acc: AccountingDeps,
  principal: Principal,
  dossierId: string,
  importId: string,
): Promise<ImportNoticeList> {
  await staffAccess(deps, principal, dossierId);
  const found = await acc.store.getImport(principal.tenantId, dossierId, importId);
  if (!found) throw new AppError("FEC_IMPORT_NOT_FOUND");
  const items = await deps.repos.importNotices.listByImport(principal.tenantId, dossierId, importId);
  return { items: items.sort((a, b) => a.contactName.localeCompare(b.contactName, "fr", { sensitivity: "base" })) };
}
