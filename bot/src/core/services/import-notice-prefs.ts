import type { ImportNoticePreference } from "@comptoir/shared/api/import-notices";
import { found, type ServiceDeps } from "./context";

/**
 * Whether a contact gets a card when new accounting of their dossiers is imported. Only this preference is
 * written (its own row): never the contact's document, a dossier or accounting data, so turning it off from a
 * card cannot race with staff editing the contact.
 */
export async function importNoticePreference(
  deps: ServiceDeps,
  tenantId: string,
  contactId: string,
): Promise<ImportNoticePreference> {
  found(await deps.repos.contacts.get(tenantId, contactId), "CONTACT_NOT_FOUND");
  return { enabled: !(await deps.repos.importNotices.isOptedOut(tenantId, contactId)) };
}

export async function setImportNoticePreference(
  deps: ServiceDeps,
  tenantId: string,
  contactId: string,
  preference: ImportNoticePreference,
): Promise<ImportNoticePreference> {
  found(await deps.repos.contacts.get(tenantId, contactId), "CONTACT_NOT_FOUND");
  await deps.repos.importNotices.setEnabled(tenantId, contactId, preference.enabled, deps.now().toISOString());
  return preference;
}
