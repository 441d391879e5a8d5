import type { TableClient, TransactionAction } from "@azure/data-tables";
import { AppError } from "@comptoir/shared";
import { z } from "zod";
import { commit, create, remove, upsert } from "../storage/batch";
import { deleteRows } from "../storage/delete-rows";
import { toDocument } from "../storage/document";
import { statusOf } from "../storage/errors";
import { firmPartition, key } from "../storage/keys";
import { getDocument, listDocuments } from "../storage/reads";

const channelAccountSchema = z.object({
  id: z.string().min(1),
  name: z.string().optional(),
  aadObjectId: z.string().optional(),
});

/** What `adapter.continueConversation` needs to reach a conversation again (Bot Framework ConversationReference). */
export const conversationReferenceSchema = z.object({
  channelId: z.string().min(1),
  serviceUrl: z.string().min(1),
  conversation: z.object({
    id: z.string().min(1),
    conversationType: z.string().optional(),
    tenantId: z.string().optional(),
    isGroup: z.boolean().optional(),
  }),
  user: channelAccountSchema,
  agent: channelAccountSchema,
  locale: z.string().optional(),
});
export type StoredReference = z.infer<typeof conversationReferenceSchema>;

export const conversationRoleSchema = z.enum(["staff", "client"]);
export type ConversationRole = z.infer<typeof conversationRoleSchema>;

/** The personal conversation of one user with the bot. */
export const userConversationSchema = z.object({
  userOid: z.string().min(1),
  role: conversationRoleSchema,
  reference: conversationReferenceSchema,
  updatedAt: z.string(),
});
export type UserConversation = z.infer<typeof userConversationSchema>;

/** How the bot is reached in a tenant: needed to open a 1:1 conversation with someone who never wrote. */
export const tenantBotSchema = z.object({
  channelId: z.string().min(1),
  serviceUrl: z.string().min(1),
  agent: channelAccountSchema,
  updatedAt: z.string(),
});
export type TenantBot = z.infer<typeof tenantBotSchema>;

const greetedSchema = z.object({ subscriptionId: z.string(), at: z.string() });

/**
 * Table `conversationRefs`, PartitionKey = tenant id:
 * - `u|<userOid>`: the user's conversation (document), the row the bot reads to reach someone;
 * - `staff|<userOid>`: same document for staff only, so notifications list staff with one range query;
 * - `c|<conversationId>`: same document, to address a message to a conversation;
 * - `bot`: the tenant's serviceUrl and bot account; `greeted|<subscriptionId>`: the welcome card went out.
 * The copies change in the same entity-group transaction as the `u|` row.
 */
export class ConversationRefRepository {
  constructor(private readonly table: TableClient) {}

  get(tenantId: string, userOid: string): Promise<UserConversation | null> {
    return this.read(tenantId, key("u", userOid));
  }

  findByConversation(tenantId: string, conversationId: string): Promise<UserConversation | null> {
    return this.read(tenantId, key("c", conversationId));
  }

  async listStaff(tenantId: string): Promise<UserConversation[]> {
    const out: UserConversation[] = [];
    const rows = listDocuments(this.table, userConversationSchema, firmPartition(tenantId), `${key("staff")}|`);
    for await (const { value } of rows) out.push(value);
    return out;
  }

  /** Stores `next`, replacing `previous` (as read by the caller) and the copies that no longer apply. */
  async save(tenantId: string, next: UserConversation, previous: UserConversation | null): Promise<void> {
    const pk = firmPartition(tenantId);
    const ops: TransactionAction[] = [
      upsert(toDocument(pk, key("u", next.userOid), next)),
      upsert(toDocument(pk, key("c", next.reference.conversation.id), next)),
    ];
    if (next.role === "staff") ops.push(upsert(toDocument(pk, key("staff", next.userOid), next)));
    const stale: TransactionAction[] = [];
    if (previous?.role === "staff" && next.role !== "staff")
      stale.push(remove({ partitionKey: pk, rowKey: key("staff", previous.userOid) }));
    if (previous && previous.reference.conversation.id !== next.reference.conversation.id)
      stale.push(remove({ partitionKey: pk, rowKey: key("c", previous.reference.conversation.id) }));
    try {
      await commit(this.table, [...ops, ...stale]);
    } catch (e) {
      // A copy already removed by someone else fails the batch: the upserts alone are what matters.
      if (stale.length === 0 || !(e instanceof AppError && e.code === "NOT_FOUND")) throw e;
      await commit(this.table, ops);
    }
  }

  /** The user removed the app: forget every row of their conversation. */
  async remove(tenantId: string, current: UserConversation): Promise<void> {
    const pk = firmPartition(tenantId);
    const rows = [
      key("u", current.userOid),
      key("staff", current.userOid),
      key("c", current.reference.conversation.id),
    ];
    for (const rowKey of rows) {
      try {
        await this.table.deleteEntity(pk, rowKey);
      } catch (e) {
        if (statusOf(e) !== 404) throw e;
      }
    }
  }

  getBot(tenantId: string): Promise<TenantBot | null> {
    return getDocument(this.table, tenantBotSchema, firmPartition(tenantId), key("bot")).then((d) => d?.value ?? null);
  }

  async saveBot(tenantId: string, bot: TenantBot): Promise<void> {
    await commit(this.table, [upsert(toDocument(firmPartition(tenantId), key("bot"), bot))]);
  }

  async isGreeted(tenantId: string, subscriptionId: string): Promise<boolean> {
    return (
      (await getDocument(this.table, greetedSchema, firmPartition(tenantId), key("greeted", subscriptionId))) !== null
    );
  }

  /** `false` when another delivery marked it first. */
  async markGreeted(tenantId: string, subscriptionId: string, at: string): Promise<boolean> {
    try {
      await commit(this.table, [
        create(toDocument(firmPartition(tenantId), key("greeted", subscriptionId), { subscriptionId, at })),
      ]);
      return true;
    } catch (e) {
      if (e instanceof AppError && e.code === "CONFLICT") return false;
      throw e;
    }
  }

  private async read(tenantId: string, rowKey: string): Promise<UserConversation | null> {
    return (await getDocument(this.table, userConversationSchema, firmPartition(tenantId), rowKey))?.value ?? null;
  }

  /** Erasure: forgets which welcome cards went out for these subscriptions. */
  async removeGreeted(tenantId: string, subscriptionIds: readonly string[]): Promise<void> {
    await deleteRows(
      this.table,
      firmPartition(tenantId),
      subscriptionIds.map((id) => key("greeted", id)),
    );
  }

  /** Which of these subscriptions had their welcome card sent (for the RGPD export and erasure). */
  async greetedAmong(tenantId: string, subscriptionIds: readonly string[]): Promise<string[]> {
    const sent = await Promise.all(subscriptionIds.map((id) => this.isGreeted(tenantId, id)));
    return subscriptionIds.filter((_, i) => sent[i]);
  }
}
