import type { TableClient } from "@azure/data-tables";
import { z } from "zod";
import { AppError } from "@comptoir/shared";
import { commit, create, replace } from "../storage/batch";
import { toDocument, type Versioned } from "../storage/document";
import { firmPartition, key } from "../storage/keys";
import { getDocument, listDocuments } from "../storage/reads";
import { deleteRows } from "../storage/delete-rows";
import { statusOf } from "../storage/errors";

/** Where one subscription's invitation stands; every step is keyed by the subscription id, so retries skip what is done. */
export const invitationStateSchema = z.object({
  subscriptionId: z.string(),
  guestObjectId: z.string().nullable(),
  redeemUrl: z.string().nullable(),
  invitedAt: z.string().nullable(),
  mailQueuedAt: z.string().nullable(),
  /**
   * A lease taken under the row's ETag before any step: one worker at a time works on a subscription,
   * so two deliveries of the same message can never both invite or both send.
   */
  leaseUntil: z.string().nullable().default(null),
  mailSentAt: z.string().nullable(),
  appInstalledAt: z.string().nullable(),
  /** Installing the app is best effort: the invitation goes on without it. */
  appInstallError: z.string().nullable(),
  error: z.object({ code: z.string(), at: z.string() }).nullable(),
});
export type InvitationState = z.infer<typeof invitationStateSchema>;

export function emptyInvitationState(subscriptionId: string): InvitationState {
  return {
    subscriptionId,
    guestObjectId: null,
    redeemUrl: null,
    invitedAt: null,
    mailQueuedAt: null,
    leaseUntil: null,
    mailSentAt: null,
    appInstalledAt: null,
    appInstallError: null,
    error: null,
  };
}

/** Table `invitations`: PartitionKey = tenant id, RowKey `i|<subscriptionId>`. */
export class InvitationStateRepository {
  constructor(private readonly table: TableClient) {}

  get(tenantId: string, subscriptionId: string): Promise<Versioned<InvitationState> | null> {
    return getDocument(this.table, invitationStateSchema, firmPartition(tenantId), key("i", subscriptionId));
  }

  async getOrCreate(tenantId: string, subscriptionId: string): Promise<Versioned<InvitationState>> {
    const existing = await this.get(tenantId, subscriptionId);
    if (existing) return existing;
    const state = emptyInvitationState(subscriptionId);
    try {
      const [etag = ""] = await commit(this.table, [create(this.row(tenantId, state))]);
      return { value: state, etag };
    } catch {
      const again = await this.get(tenantId, subscriptionId);
      if (!again) throw new Error(`Invitation state ${subscriptionId} vanished`);
      return again;
    }
  }

  /**
   * Takes the subscription's lease in as few round trips as possible: a first step creates the row with
   * the lease already in it; later ones replace it under the ETag they read. `null` when someone else holds it.
   */
  async lease(
    tenantId: string,
    subscriptionId: string,
    until: Date,
    now: Date,
  ): Promise<Versioned<InvitationState> | null> {
    const fresh = { ...emptyInvitationState(subscriptionId), leaseUntil: until.toISOString() };
    try {
      const [etag = ""] = await commit(this.table, [create(this.row(tenantId, fresh))]);
      return { value: fresh, etag };
    } catch (e) {
      if (!(e instanceof AppError && e.code === "CONFLICT")) throw e;
    }
    const current = await this.get(tenantId, subscriptionId);
    if (!current) return null;
    if (current.value.leaseUntil && Date.parse(current.value.leaseUntil) > now.getTime()) return null;
    const leased = { ...current.value, leaseUntil: until.toISOString() };
    try {
      return { value: leased, etag: await this.save(tenantId, leased, current.etag) };
    } catch (e) {
      if (e instanceof AppError && e.code === "CONFLICT") return null;
      throw e;
    }
  }

  async save(tenantId: string, state: InvitationState, etag: string): Promise<string> {
    const [newEtag = ""] = await commit(this.table, [replace(this.row(tenantId, state), etag)]);
    return newEtag;
  }

  private row(tenantId: string, state: InvitationState) {
    return toDocument(firmPartition(tenantId), key("i", state.subscriptionId), state);
  }

  /** Erasure: the subscription's mail log row goes (already gone counts as done). */
  async delete(tenantId: string, subscriptionId: string): Promise<void> {
    await deleteRows(this.table, firmPartition(tenantId), [key("i", subscriptionId)]);
  }

  /** Every row of the firm (the retention job reads them to find expired mail logs). */
  all(tenantId: string): AsyncGenerator<Versioned<InvitationState>> {
    return listDocuments(this.table, invitationStateSchema, firmPartition(tenantId), key("i") + "|");
  }

  /**
   * Retention: deletes the row only as it was read; a row changed since (a worker took it up again)
   * or already deleted by another instance is left alone. `true` when this call deleted it.
   */
  async deleteIfUnchanged(tenantId: string, subscriptionId: string, etag: string): Promise<boolean> {
    try {
      await this.table.deleteEntity(firmPartition(tenantId), key("i", subscriptionId), { etag });
      return true;
    } catch (e) {
      const status = statusOf(e);
      if (status === 404 || status === 412) return false;
      throw e;
    }
  }
}
