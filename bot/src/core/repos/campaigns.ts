import type { TableClient } from "@azure/data-tables";
import { z } from "zod";
import { campaignKindSchema, campaignStatusSchema, RECENT_CAMPAIGNS } from "@comptoir/shared/api/campaigns";
import { actorSchema } from "@comptoir/shared";
import { commit, create, MAX_BATCH_OPS, replace, upsert } from "../storage/batch";
import { toDocument, type Versioned } from "../storage/document";
import { firmPartition, key, partitionPrefixFilter } from "../storage/keys";
import { deleteRows } from "../storage/delete-rows";
import { collect, getDocument, getIndexValue, listDocuments } from "../storage/reads";

export const campaignSchema = z.object({
  id: z.string(),
  kind: campaignKindSchema,
  serviceId: z.string(),
  status: campaignStatusSchema,
  startedAt: z.string(),
  startedBy: actorSchema,
  endedAt: z.string().nullable(),
  total: z.number().int(),
  /** When it last started running (start, resume, *Renvoyer*), and how many items had finished then: the ETA's pace. */
  runningSince: z.string(),
  finishedAtRunStart: z.number().int(),
});
export type Campaign = z.infer<typeof campaignSchema>;

export const CAMPAIGN_ITEM_STATUSES = ["pending", "inviting", "done", "failed", "cancelled"] as const;
export type CampaignItemStatus = (typeof CAMPAIGN_ITEM_STATUSES)[number];

/** One (contact, dossier) pair of a campaign, with the names it had at the start (for the failures report). */
export const campaignItemSchema = z.object({
  contactId: z.string(),
  dossierId: z.string(),
  contactName: z.string(),
  email: z.string(),
  dossierCode: z.string(),
  dossierName: z.string(),
  /** pending: not proposed yet; inviting: proposed, waiting for the guest invitation; then done, failed or cancelled. */
  status: z.enum(CAMPAIGN_ITEM_STATUSES),
  subscriptionId: z.string().nullable(),
  error: z.object({ code: z.string(), at: z.string() }).nullable(),
  /** Set by *Renvoyer* on an item whose invitation failed: the worker asks the pipeline to try again, once. */
  resend: z.boolean(),
  updatedAt: z.string(),
});
export type CampaignItem = z.infer<typeof campaignItemSchema>;

const subscriptionIndexSchema = z.object({ campaignId: z.string(), contactId: z.string(), dossierId: z.string() });
export type CampaignItemRef = z.infer<typeof subscriptionIndexSchema>;

export type ItemCounts = Record<CampaignItemStatus, number> & {
  /** The latest change of any item: when a campaign with nothing left to run ended. */
  lastUpdatedAt: string | null;
};

/** Campaign ids sort newest first: the inverted start time, then randomness. */
export function newCampaignId(now: Date, random: string): string {
  const inverted = (8_640_000_000_000_000 - now.getTime()).toString(36).padStart(11, "0");
  return `${inverted}-${random.replace(/[^A-Za-z0-9]/g, "").slice(0, 12)}`;
}

/**
 * Table `campaigns` (bulk proposals):
 * - PartitionKey = tenant id: `c|<campaignId>`, the campaign (status under its ETag; ids sort newest first, so the
 *   recent list is one query), and `s|<subscriptionId>`, which campaign item a subscription was proposed for (the
 *   invitation pipeline's word reaches the item through it);
 * - PartitionKey = `<tenantId>|<campaignId>`: `i|<contactId>|<dossierId>`, one row per item, with flat `status`,
 *   `updatedAt` and `resend` columns. The key is the item's idempotency key; one partition per campaign, so items are
 *   written 100 per transaction, progress is counted with one query reading `status` and `updatedAt` only, and a pass
 *   asks for the items it has to run on `status` and `resend`.
 */
export class CampaignRepository {
  constructor(private readonly table: TableClient) {}

  get(tenantId: string, id: string): Promise<Versioned<Campaign> | null> {
    return getDocument(this.table, campaignSchema, firmPartition(tenantId), key("c", id));
  }

  /** The firm's most recent campaigns, newest first. */
  async recent(tenantId: string): Promise<Versioned<Campaign>[]> {
    const out: Versioned<Campaign>[] = [];
    for await (const c of listDocuments(this.table, campaignSchema, firmPartition(tenantId), `${key("c")}|`)) {
      out.push(c);
      if (out.length >= RECENT_CAMPAIGNS) break;
    }
    return out;
  }

  /**
   * Items first (100 per transaction, the transactions side by side: at most ten), then the campaign row: a campaign
   * is never seen without all its items.
   */
  async create(tenantId: string, campaign: Campaign, items: readonly CampaignItem[]): Promise<string> {
    const pk = itemPartition(tenantId, campaign.id);
    const batches: CampaignItem[][] = [];
    for (let i = 0; i < items.length; i += MAX_BATCH_OPS) batches.push(items.slice(i, i + MAX_BATCH_OPS));
    await Promise.all(
      batches.map((batch) =>
        commit(
          this.table,
          batch.map((item) => create(itemRow(pk, item))),
        ),
      ),
    );
    const [etag = ""] = await commit(this.table, [create(this.campaignRow(tenantId, campaign))]);
    return etag;
  }

  /** Replaces the campaign under If-Match (CONFLICT when someone moved first). */
  async save(tenantId: string, campaign: Campaign, etag: string): Promise<string> {
    const [newEtag = ""] = await commit(this.table, [replace(this.campaignRow(tenantId, campaign), etag)]);
    return newEtag;
  }

  getItem(tenantId: string, campaignId: string, contactId: string, dossierId: string) {
    return getDocument(
      this.table,
      campaignItemSchema,
      itemPartition(tenantId, campaignId),
      key("i", contactId, dossierId),
    );
  }

  items(tenantId: string, campaignId: string): Promise<Versioned<CampaignItem>[]> {
    return collect(listDocuments(this.table, campaignItemSchema, itemPartition(tenantId, campaignId), `${key("i")}|`));
  }

  /** Up to `limit` items a pass has to run: not proposed yet, or asked by *Renvoyer* to invite again. */
  async itemsToRun(tenantId: string, campaignId: string, limit: number): Promise<Versioned<CampaignItem>[]> {
    return this.firstItems(tenantId, campaignId, "(status eq 'pending' or resend eq true)", limit);
  }

  /** The items proposed and still waiting for the pipeline's word on their invitation. */
  async itemsInviting(tenantId: string, campaignId: string): Promise<Versioned<CampaignItem>[]> {
    return this.firstItems(tenantId, campaignId, "status eq 'inviting'", Number.MAX_SAFE_INTEGER);
  }

  private async firstItems(tenantId: string, campaignId: string, where: string, limit: number) {
    const out: Versioned<CampaignItem>[] = [];
    const pk = itemPartition(tenantId, campaignId);
    const pageSize = Math.min(limit, 1000);
    for await (const item of listDocuments(this.table, campaignItemSchema, pk, `${key("i")}|`, { where, pageSize })) {
      out.push(item);
      if (out.length >= limit) break;
    }
    return out;
  }

  /** Replaces items under their ETags, 100 per transaction (CONFLICT when one moved meanwhile). */
  async saveItems(tenantId: string, campaignId: string, items: readonly Versioned<CampaignItem>[]): Promise<void> {
    const pk = itemPartition(tenantId, campaignId);
    for (let i = 0; i < items.length; i += MAX_BATCH_OPS) {
      await commit(
        this.table,
        items.slice(i, i + MAX_BATCH_OPS).map((it) => replace(itemRow(pk, it.value), it.etag)),
      );
    }
  }

  async saveItem(tenantId: string, campaignId: string, item: CampaignItem, etag: string): Promise<string> {
    const [newEtag = ""] = await commit(this.table, [
      replace(itemRow(itemPartition(tenantId, campaignId), item), etag),
    ]);
    return newEtag;
  }

  /** Progress from the item rows themselves (reading the `status` column only): right whichever instance wrote them. */
  async count(tenantId: string, campaignId: string): Promise<ItemCounts> {
    const counts: ItemCounts = { pending: 0, inviting: 0, done: 0, failed: 0, cancelled: 0, lastUpdatedAt: null };
    const filter = partitionPrefixFilter(itemPartition(tenantId, campaignId), `${key("i")}|`);
    for await (const row of this.table.listEntities<{ status?: unknown; updatedAt?: unknown }>({
      queryOptions: { filter, select: ["status", "updatedAt"] },
    })) {
      const status = campaignItemSchema.shape.status.safeParse(row.status);
      if (status.success) counts[status.data]++;
      if (typeof row.updatedAt === "string" && (counts.lastUpdatedAt === null || row.updatedAt > counts.lastUpdatedAt))
        counts.lastUpdatedAt = row.updatedAt;
    }
    return counts;
  }

  /** Remembers which campaign item a subscription was proposed for (the latest campaign wins). */
  async indexSubscription(tenantId: string, subscriptionId: string, ref: CampaignItemRef): Promise<void> {
    await commit(this.table, [
      upsert({ partitionKey: firmPartition(tenantId), rowKey: key("s", subscriptionId), ref: JSON.stringify(ref) }),
    ]);
  }

  async findBySubscription(tenantId: string, subscriptionId: string): Promise<CampaignItemRef | null> {
    const raw = await getIndexValue(this.table, firmPartition(tenantId), key("s", subscriptionId), "ref");
    if (raw === null) return null;
    const parsed = subscriptionIndexSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  }

  /** Every item naming this contact, across the firm's campaigns (RGPD export and erasure). */
  async itemsOfContact(tenantId: string, contactId: string): Promise<{ campaignId: string; item: CampaignItem }[]> {
    const out: { campaignId: string; item: CampaignItem }[] = [];
    for await (const c of listDocuments(this.table, campaignSchema, firmPartition(tenantId), `${key("c")}|`)) {
      const pk = itemPartition(tenantId, c.value.id);
      for await (const item of listDocuments(this.table, campaignItemSchema, pk, `${key("i", contactId)}|`))
        out.push({ campaignId: c.value.id, item: item.value });
    }
    return out;
  }

  /** Deletes those items (a row already gone counts as done, so an erasure can be retried). */
  async deleteItems(tenantId: string, items: readonly CampaignItemRef[]): Promise<void> {
    for (const { campaignId, contactId, dossierId } of items)
      await deleteRows(this.table, itemPartition(tenantId, campaignId), [key("i", contactId, dossierId)]);
  }

  private campaignRow(tenantId: string, campaign: Campaign) {
    return toDocument(firmPartition(tenantId), key("c", campaign.id), campaign, { status: campaign.status });
  }
}

function itemPartition(tenantId: string, campaignId: string): string {
  return firmPartition(tenantId, campaignId);
}

function itemRow(partitionKey: string, item: CampaignItem) {
  return toDocument(partitionKey, key("i", item.contactId, item.dossierId), item, {
    status: item.status,
    updatedAt: item.updatedAt,
    resend: item.resend,
  });
}
