import type { TableClient } from "@azure/data-tables";
import { isLive, serviceSubscriptionSchema, type ServiceSubscription } from "@comptoir/shared";
import { commit, create, remove, replace } from "../storage/batch";
import { deleteRows } from "../storage/delete-rows";
import { toDocument, type Versioned } from "../storage/document";
import { firmPartition, key } from "../storage/keys";
import { collect, getDocument, getIndexValue, listDocuments } from "../storage/reads";

/**
 * Table `subscriptions` (contact × dossier × service), one partition per firm; every write is one transaction:
 * - `s|<id>`: the subscription document; its ETag is the subscription's;
 * - `d|<dossierId>|<id>` and `c|<contactId>|<id>`: copies, so a dossier's or a contact's services are one query;
 * - `live|<contactId>|<dossierId>|<serviceId>`: exists while the subscription is not revoked, so two
 *   concurrent proposals of the same triple cannot both succeed.
 */
export class SubscriptionRepository {
  constructor(private readonly table: TableClient) {}

  private rows(tenantId: string, s: ServiceSubscription) {
    const pk = firmPartition(tenantId);
    return {
      main: toDocument(pk, key("s", s.id), s, { status: s.status }),
      byDossier: toDocument(pk, key("d", s.dossierId, s.id), s),
      byContact: toDocument(pk, key("c", s.contactId, s.id), s),
      live: { partitionKey: pk, rowKey: key("live", s.contactId, s.dossierId, s.serviceId), subscriptionId: s.id },
    };
  }

  get(tenantId: string, id: string): Promise<Versioned<ServiceSubscription> | null> {
    return getDocument(this.table, serviceSubscriptionSchema, firmPartition(tenantId), key("s", id));
  }

  findLiveId(tenantId: string, contactId: string, dossierId: string, serviceId: string): Promise<string | null> {
    return getIndexValue(
      this.table,
      firmPartition(tenantId),
      key("live", contactId, dossierId, serviceId),
      "subscriptionId",
    );
  }

  async listByDossier(tenantId: string, dossierId: string): Promise<ServiceSubscription[]> {
    const rows = await collect(
      listDocuments(this.table, serviceSubscriptionSchema, firmPartition(tenantId), key("d", dossierId) + "|"),
    );
    return rows.map((r) => r.value);
  }

  async listByContact(tenantId: string, contactId: string): Promise<ServiceSubscription[]> {
    const rows = await collect(
      listDocuments(this.table, serviceSubscriptionSchema, firmPartition(tenantId), key("c", contactId) + "|"),
    );
    return rows.map((r) => r.value);
  }

  all(tenantId: string): AsyncGenerator<Versioned<ServiceSubscription>> {
    return listDocuments(this.table, serviceSubscriptionSchema, firmPartition(tenantId), key("s") + "|");
  }

  /** A concurrent proposal of the same live triple makes this fail with CONFLICT (the `live` row exists). */
  async create(tenantId: string, s: ServiceSubscription): Promise<string> {
    const r = this.rows(tenantId, s);
    const [etag = ""] = await commit(
      this.table,
      [create(r.main), create(r.byDossier), create(r.byContact), create(r.live)],
      "CONFLICT",
    );
    return etag;
  }

  /** Writes a new state under If-Match; revoking frees the triple for a new proposal. */
  async update(
    tenantId: string,
    before: ServiceSubscription,
    after: ServiceSubscription,
    etag: string,
  ): Promise<string> {
    const r = this.rows(tenantId, after);
    const freed = isLive(before) && !isLive(after);
    const [newEtag = ""] = await commit(this.table, [
      replace(r.main, etag),
      replace(r.byDossier, "*"),
      replace(r.byContact, "*"),
      ...(freed ? [remove(r.live)] : []),
    ]);
    return newEtag;
  }

  /**
   * Erasure: removes the document, its copies and its `live` row (the contact is going, so no other
   * subscription holds the triple); rows already gone count as removed (safe to retry).
   */
  async purge(tenantId: string, s: ServiceSubscription): Promise<void> {
    const r = this.rows(tenantId, s);
    // The contact's copy goes last: a retry finds the subscription through it.
    await deleteRows(this.table, firmPartition(tenantId), [
      r.byDossier.rowKey,
      r.live.rowKey,
      r.main.rowKey,
      r.byContact.rowKey,
    ]);
  }
}
