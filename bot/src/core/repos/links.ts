import type { TableClient } from "@azure/data-tables";
import { dossierLinkSchema, type DossierLink } from "@comptoir/shared";
import { commit, create, deleteUnderEtag, remove, replace } from "../storage/batch";
import { deleteRows } from "../storage/delete-rows";
import { toDocument, type Versioned } from "../storage/document";
import { firmPartition, key } from "../storage/keys";
import { collect, getDocument, listDocuments } from "../storage/reads";

/**
 * Table `links` (contact × dossier, "Dossiers client"), one partition per firm. Each link is written
 * twice in one transaction so both sides list with one prefix query:
 * - `c|<contactId>|<dossierId>`: the link as the contact sees it; its ETag is the link's;
 * - `d|<dossierId>|<contactId>`: the same document, as the dossier sees it.
 */
export class LinkRepository {
  constructor(private readonly table: TableClient) {}

  private byContact(tenantId: string, link: DossierLink) {
    return toDocument(firmPartition(tenantId), key("c", link.contactId, link.dossierId), link);
  }

  private byDossier(tenantId: string, link: DossierLink) {
    return toDocument(firmPartition(tenantId), key("d", link.dossierId, link.contactId), link);
  }

  get(tenantId: string, contactId: string, dossierId: string): Promise<Versioned<DossierLink> | null> {
    return getDocument(this.table, dossierLinkSchema, firmPartition(tenantId), key("c", contactId, dossierId));
  }

  listByContact(tenantId: string, contactId: string): Promise<Versioned<DossierLink>[]> {
    return collect(listDocuments(this.table, dossierLinkSchema, firmPartition(tenantId), key("c", contactId) + "|"));
  }

  /** Every link of the firm (its contact-side rows), page by page: a campaign over many contacts reads them at once. */
  allByContact(tenantId: string): AsyncGenerator<Versioned<DossierLink>> {
    return listDocuments(this.table, dossierLinkSchema, firmPartition(tenantId), key("c") + "|");
  }

  async listByDossier(tenantId: string, dossierId: string): Promise<DossierLink[]> {
    const rows = await collect(
      listDocuments(this.table, dossierLinkSchema, firmPartition(tenantId), key("d", dossierId) + "|"),
    );
    return rows.map((r) => r.value);
  }

  async create(tenantId: string, link: DossierLink): Promise<string> {
    const [etag = ""] = await commit(
      this.table,
      [create(this.byContact(tenantId, link)), create(this.byDossier(tenantId, link))],
      "LINK_EXISTS",
    );
    return etag;
  }

  async update(tenantId: string, link: DossierLink, etag: string): Promise<string> {
    const [newEtag = ""] = await commit(this.table, [
      replace(this.byContact(tenantId, link), etag),
      replace(this.byDossier(tenantId, link), "*"),
    ]);
    return newEtag;
  }

  delete(tenantId: string, link: DossierLink, etag: string): Promise<void> {
    const contactRow = this.byContact(tenantId, link);
    return deleteUnderEtag(this.table, contactRow.partitionKey, contactRow.rowKey, etag, [
      remove(this.byDossier(tenantId, link)),
    ]);
  }

  /** Erasure: removes both rows whatever their ETag; a row already gone counts as removed (safe to retry). */
  async purge(tenantId: string, link: DossierLink): Promise<void> {
    const byContact = this.byContact(tenantId, link);
    // The contact's row goes last: a retry finds the link through it.
    await deleteRows(this.table, byContact.partitionKey, [this.byDossier(tenantId, link).rowKey, byContact.rowKey]);
  }
}
