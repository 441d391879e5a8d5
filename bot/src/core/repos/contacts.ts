import { AppError } from "@comptoir/shared";
import type { TableClient, TransactionAction } from "@azure/data-tables";
import { contactSchema, normalizeEmail, type Contact } from "@comptoir/shared";
import { MAX_BATCH_OPS, commit, create, deleteUnderEtag, remove, replace } from "../storage/batch";
import { toDocument, type Versioned } from "../storage/document";
import { firmPartition, key } from "../storage/keys";
import { countRows, getDocument, getIndexValue, listDocuments } from "../storage/reads";

/**
 * Table `contacts`, one partition per firm. Index rows live beside the document and change in the
 * same transaction, so uniqueness holds under concurrency:
 * - `c|<id>`: the contact document;
 * - `email|<normalised e-mail>`: one contact per address in the firm;
 * - `role|<roleId>|<id>`: who uses a role (counted before deleting it);
 * - `guest|<object id>`: the guest binding, set at invitation time (a token's oid → the contact); removed
 *   with the update that clears `contact.guest` (a new e-mail address), in the same transaction.
 */
export class ContactRepository {
  constructor(private readonly table: TableClient) {}

  private pk(tenantId: string) {
    return firmPartition(tenantId);
  }

  private doc(tenantId: string, c: Contact) {
    return toDocument(this.pk(tenantId), key("c", c.id), c, { roleId: c.roleId });
  }

  private indexRows(tenantId: string, c: Contact) {
    const pk = this.pk(tenantId);
    return [
      { partitionKey: pk, rowKey: key("email", normalizeEmail(c.email)), contactId: c.id },
      { partitionKey: pk, rowKey: key("role", c.roleId, c.id), contactId: c.id },
      ...(c.guest ? [{ partitionKey: pk, rowKey: key("guest", c.guest.objectId), contactId: c.id }] : []),
    ];
  }

  get(tenantId: string, id: string): Promise<Versioned<Contact> | null> {
    return getDocument(this.table, contactSchema, this.pk(tenantId), key("c", id));
  }

  findIdByEmail(tenantId: string, email: string): Promise<string | null> {
    return getIndexValue(this.table, this.pk(tenantId), key("email", normalizeEmail(email)), "contactId");
  }

  findIdByGuest(tenantId: string, objectId: string): Promise<string | null> {
    return getIndexValue(this.table, this.pk(tenantId), key("guest", objectId), "contactId");
  }

  countByRole(tenantId: string, roleId: string): Promise<number> {
    return countRows(this.table, this.pk(tenantId), key("role", roleId) + "|");
  }

  all(tenantId: string): AsyncGenerator<Versioned<Contact>> {
    return listDocuments(this.table, contactSchema, this.pk(tenantId), key("c") + "|");
  }

  async create(tenantId: string, contact: Contact): Promise<string> {
    const [etag = ""] = await commit(
      this.table,
      [create(this.doc(tenantId, contact)), ...this.indexRows(tenantId, contact).map(create)],
      "CONTACT_EMAIL_TAKEN",
    );
    return etag;
  }

  /** Bulk insert for seeding, 25 contacts (up to 100 rows) per transaction. */
  async createMany(
    tenantId: string,
    contacts: readonly Contact[],
    opts: { skipExisting?: boolean } = {},
  ): Promise<void> {
    for (let i = 0; i < contacts.length; i += MAX_BATCH_OPS / 4) {
      const chunk = contacts.slice(i, i + MAX_BATCH_OPS / 4);
      const ops = chunk.flatMap((c) => [create(this.doc(tenantId, c)), ...this.indexRows(tenantId, c).map(create)]);
      await commit(this.table, ops, "CONTACT_EMAIL_TAKEN").catch((e: unknown) => {
        // Batches are atomic: with skipExisting, a batch that already landed is left as it is.
        if (!(opts.skipExisting && e instanceof AppError && e.code === "CONTACT_EMAIL_TAKEN")) throw e;
      });
    }
  }

  /** Replaces under If-Match and moves exactly the index rows whose key changed. */
  async update(tenantId: string, before: Contact, after: Contact, etag: string): Promise<string> {
    const doc = this.doc(tenantId, after);
    const old = new Map(this.indexRows(tenantId, before).map((r) => [r.rowKey, r]));
    const next = new Map(this.indexRows(tenantId, after).map((r) => [r.rowKey, r]));
    const moves: TransactionAction[] = [
      ...[...next.values()].filter((r) => !old.has(r.rowKey)).map(create),
      ...[...old.values()].filter((r) => !next.has(r.rowKey)).map(remove),
    ];
    const [newEtag = ""] = await commit(this.table, [replace(doc, etag), ...moves], "CONTACT_EMAIL_TAKEN");
    return newEtag;
  }

  delete(tenantId: string, contact: Contact, etag: string): Promise<void> {
    return deleteUnderEtag(
      this.table,
      this.pk(tenantId),
      key("c", contact.id),
      etag,
      this.indexRows(tenantId, contact).map(remove),
    );
  }
}
