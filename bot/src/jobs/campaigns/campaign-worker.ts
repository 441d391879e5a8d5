import { z } from "zod";
import { AppError } from "@comptoir/shared";
import type { Versioned } from "../../core/repos";
import type { Campaign, CampaignItem } from "../../core/repos/campaigns";
import type { CampaignRunner } from "../../core/services/campaigns";
import type { ServiceDeps } from "../../core/services/context";
import { propose } from "../../core/services/subscriptions";
import { JsonQueue } from "../queue/queue";
import { startWorker, type Outcome } from "../queue/worker";

const idsSchema = { tenantId: z.string(), campaignId: z.string() };
const messageSchema = z.discriminatedUnion("kind", [
  /** A pass over the campaign: one `item` message per unfinished item. */
  z.object({ kind: z.literal("pass"), ...idsSchema }),
  z.object({ kind: z.literal("item"), ...idsSchema, contactId: z.string(), dossierId: z.string() }),
]);
type CampaignMessage = z.infer<typeof messageSchema>;
type ItemMessage = Extract<CampaignMessage, { kind: "item" }>;

/**
 * An item waiting for its invitation is looked at again after 30 s, then 60 s, then every 2 min: the pipeline's word
 * settles it first (these looks only catch a lost word), and each look of a thousand items waiting behind Graph's limit
 * costs storage round trips the pipeline itself needs (every 15 s made a 1,000-item campaign three times slower).
 */
const FOLLOW_SECONDS = 30;
const FOLLOW_MAX_SECONDS = 120;
const followDelay = (deliveries: number) =>
  Math.min(FOLLOW_MAX_SECONDS, FOLLOW_SECONDS * 2 ** (Math.max(1, deliveries) - 1));
const SEND_CONCURRENCY = 16;

export interface CampaignWorkerOptions {
  connectionString: string;
  queuePrefix: string;
  concurrency: number;
  idleMs: number;
  maxAttempts: number;
  invitationsPerWindow: number;
  invitationWindowSeconds: number;
  /** The single pipeline's *Renvoyer* (an item whose invitation failed, sent again). */
  resend: (job: { tenantId: string; subscriptionId: string }) => Promise<void>;
}

export interface CampaignWorker extends CampaignRunner {
  /** The invitation pipeline's word on a subscription: its invitation step ended (done or given up). */
  invitationSettled(tenantId: string, subscriptionId: string): Promise<void>;
  stop(): Promise<void>;
  /** Resolves when the queue is drained (tests, benchmark). */
  idle(): Promise<void>;
}

type Settled = { status: "done" } | { status: "failed"; code: string } | { status: "waiting" };

/**
 * Runs campaigns through the `campaigns` queue, on any number of instances: each item is one proposal through
 * the single proposal's path (`propose`, idempotent per contact × dossier × service, so a retried or doubled
 * message never proposes twice), whose invitation the single pipeline then makes under its shared pacer. The
 * item row (key contact × dossier) records where it stands, under its ETag; nothing lives in memory.
 */
export async function startCampaignWorker(deps: ServiceDeps, opts: CampaignWorkerOptions): Promise<CampaignWorker> {
  const queue = await JsonQueue.open(opts.connectionString, `${opts.queuePrefix}campaigns`, messageSchema);
  const { repos } = deps;

  const saveFinal = async (tenantId: string, campaignId: string, item: Versioned<CampaignItem>, end: Settled) => {
    if (end.status === "waiting") return;
    const at = deps.now().toISOString();
    await repos.campaigns.saveItem(
      tenantId,
      campaignId,
      {
        ...item.value,
        status: end.status,
        resend: false,
        error: end.status === "failed" ? { code: end.code, at } : null,
        updatedAt: at,
      },
      item.etag,
    );
  };

  /** Where a proposed item's invitation stands, from the subscription and the pipeline's state. */
  const settle = async (tenantId: string, item: CampaignItem): Promise<Settled> => {
    if (!item.subscriptionId) return { status: "waiting" };
    const sub = await repos.subscriptions.get(tenantId, item.subscriptionId);
    if (!sub || sub.value.status === "revoked") return { status: "failed", code: "SUBSCRIPTION_NOT_FOUND" };
    if (sub.value.status !== "proposed") return { status: "done" };
    const state = await repos.invitations.get(tenantId, item.subscriptionId);
    if (state?.value.guestObjectId) return { status: "done" };
    const error = state?.value.error ?? sub.value.lastError;
    if (error) return { status: "failed", code: error.code };
    return { status: "waiting" };
  };

  const follow = async (msg: ItemMessage, item: Versioned<CampaignItem>, deliveries: number): Promise<Outcome> => {
    const end = await settle(msg.tenantId, item.value);
    if (end.status === "failed" && item.value.resend && item.value.subscriptionId) {
      // *Renvoyer* on a failed invitation: the pipeline tries again, once per Renvoyer.
      await opts.resend({ tenantId: msg.tenantId, subscriptionId: item.value.subscriptionId });
      const next = { ...item.value, resend: false, updatedAt: deps.now().toISOString() };
      await repos.campaigns.saveItem(msg.tenantId, msg.campaignId, next, item.etag);
      return { retryInSeconds: FOLLOW_SECONDS };
    }
    if (end.status === "waiting") return { retryInSeconds: followDelay(deliveries) };
    await saveFinal(msg.tenantId, msg.campaignId, item, end);
    return { done: true };
  };

  const proposeItem = async (msg: ItemMessage, campaign: Campaign, item: Versioned<CampaignItem>): Promise<Outcome> => {
    const at = deps.now();
    if (campaign.status === "paused") return { done: true }; // resume queues a new pass
    if (campaign.status === "cancelled") {
      const next = { ...item.value, status: "cancelled" as const, updatedAt: at.toISOString() };
      await repos.campaigns.saveItem(msg.tenantId, msg.campaignId, next, item.etag);
      return { done: true };
    }
    let subscriptionId: string;
    try {
      const ctx = { tenantId: msg.tenantId, actor: campaign.startedBy, now: at };
      ({
        subscription: { id: subscriptionId },
      } = await propose(deps, ctx, msg.contactId, msg.dossierId, campaign.serviceId));
    } catch (e) {
      // The proposal's own refusals (no link, offer off, contact gone…) are the item's failure, reported as such.
      if (!(e instanceof AppError) || isTransient(e)) throw e;
      await saveFinal(msg.tenantId, msg.campaignId, item, { status: "failed", code: e.code });
      return { done: true };
    }
    await repos.campaigns.indexSubscription(msg.tenantId, subscriptionId, {
      campaignId: msg.campaignId,
      contactId: msg.contactId,
      dossierId: msg.dossierId,
    });
    const next = { ...item.value, status: "inviting" as const, subscriptionId, updatedAt: at.toISOString() };
    return follow(msg, await recordProposed(msg, item, next), 1);
  };

  /**
   * Records that the item was proposed. A cancel that marked it meanwhile lost the race: the proposal was made, so the
   * item says so (and is followed to its end) rather than claiming it was never sent.
   */
  const recordProposed = async (
    msg: ItemMessage,
    item: Versioned<CampaignItem>,
    next: CampaignItem,
  ): Promise<Versioned<CampaignItem>> => {
    let current = item;
    for (;;) {
      try {
        return { value: next, etag: await repos.campaigns.saveItem(msg.tenantId, msg.campaignId, next, current.etag) };
      } catch (e) {
        if (!(e instanceof AppError && e.code === "CONFLICT")) throw e;
        const fresh = await repos.campaigns.getItem(msg.tenantId, msg.campaignId, msg.contactId, msg.dossierId);
        if (!fresh) throw e;
        // Another delivery of this message recorded it first: follow theirs.
        if (fresh.value.status !== "pending" && fresh.value.status !== "cancelled") return fresh;
        current = fresh;
      }
    }
  };

  const handleItem = async (msg: ItemMessage, deliveries: number): Promise<Outcome> => {
    const [campaign, item] = await Promise.all([
      repos.campaigns.get(msg.tenantId, msg.campaignId),
      repos.campaigns.getItem(msg.tenantId, msg.campaignId, msg.contactId, msg.dossierId),
    ]);
    if (!campaign || !item) return { done: true };
    if (item.value.status === "pending") return proposeItem(msg, campaign.value, item);
    if (item.value.status === "inviting") return follow(msg, item, deliveries);
    return { done: true };
  };

  const handlePass = async (tenantId: string, campaignId: string): Promise<Outcome> => {
    const campaign = await repos.campaigns.get(tenantId, campaignId);
    if (!campaign || campaign.value.status === "paused" || campaign.value.status === "cancelled") return { done: true };
    const open = (await repos.campaigns.items(tenantId, campaignId)).filter(
      (i) => i.value.status === "pending" || i.value.status === "inviting",
    );
    let next = 0;
    await Promise.all(
      Array.from({ length: SEND_CONCURRENCY }, async () => {
        for (let i = next++; i < open.length; i = next++) {
          const { contactId, dossierId } = (open[i] as Versioned<CampaignItem>).value;
          await queue.send({ kind: "item", tenantId, campaignId, contactId, dossierId });
        }
      }),
    );
    return { done: true };
  };

  const worker = startWorker({
    name: "campaigns",
    queue,
    concurrency: opts.concurrency,
    idleMs: opts.idleMs,
    visibilitySeconds: 60,
    maxAttempts: opts.maxAttempts,
    isTransient,
    handle: async (msg, received) => {
      if (msg.kind === "pass") return handlePass(msg.tenantId, msg.campaignId);
      try {
        return await handleItem(msg, received.dequeueCount);
      } catch (e) {
        // A lost race on the item row (the pipeline's word, a cancel): read again soon, without counting an attempt
        // (a long-waiting item's message has been delivered many times already).
        if (e instanceof AppError && e.code === "CONFLICT") return { retryInSeconds: 1 };
        throw e;
      }
    },
    giveUp: async (msg, error) => {
      if (msg.kind === "pass") {
        console.error("A campaign pass failed for good", msg, error);
        return;
      }
      if (!(error instanceof AppError)) console.error("A campaign item failed for good", msg, error);
      const item = await repos.campaigns.getItem(msg.tenantId, msg.campaignId, msg.contactId, msg.dossierId);
      if (!item || item.value.status === "done" || item.value.status === "cancelled") return;
      const code = error instanceof AppError ? error.code : "INTERNAL";
      await saveFinal(msg.tenantId, msg.campaignId, item, { status: "failed", code });
    },
  });

  return {
    invitationsPerWindow: opts.invitationsPerWindow,
    invitationWindowSeconds: opts.invitationWindowSeconds,
    schedule: (tenantId, campaignId) => queue.send({ kind: "pass", tenantId, campaignId }),
    invitationSettled: async (tenantId, subscriptionId) => {
      const ref = await repos.campaigns.findBySubscription(tenantId, subscriptionId);
      if (!ref) return;
      const item = await repos.campaigns.getItem(tenantId, ref.campaignId, ref.contactId, ref.dossierId);
      if (!item || item.value.status !== "inviting" || item.value.resend) return;
      try {
        await saveFinal(tenantId, ref.campaignId, item, await settle(tenantId, item.value));
      } catch (e) {
        // A lost race means a worker settled it meanwhile; anything else is caught by the item's next look.
        if (!(e instanceof AppError && e.code === "CONFLICT")) console.error("Campaign item not settled", e);
      }
    },
    stop: () => worker.stop(),
    idle: async () => {
      for (;;) {
        await worker.idle();
        if ((await queue.approximateCount()) === 0) return;
      }
    },
  };
}

/** Lost races (a concurrent writer moved first) and storage hiccups are retried; the domain's refusals are not. */
function isTransient(e: unknown): boolean {
  return e instanceof AppError && (e.code === "CONFLICT" || e.code === "STORAGE_UNAVAILABLE");
}
