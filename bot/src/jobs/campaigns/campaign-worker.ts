import { z } from "zod";
import { AppError } from "@comptoir/shared";
import type { Versioned } from "../../core/repos";
import type { Campaign, CampaignItem } from "../../core/repos/campaigns";
import type { CampaignRunner } from "../../core/services/campaigns";
import type { ServiceDeps } from "../../core/services/context";
import { propose } from "../../core/services/subscriptions";
import { JsonQueue } from "../queue/queue";
import type { InvitationOutcome } from "../invitations/pipeline";
import { startWorker, type Outcome } from "../queue/worker";
import { mapLimited } from "../../lib/map-limited";
import { isStorageUnreachable } from "../../lib/storage-faults";

const idsSchema = { tenantId: z.string(), campaignId: z.string() };
const messageSchema = z.discriminatedUnion("kind", [
  /** Runs the next items to run (at most PASS_ITEMS), then queues the next pass, or a follow once none are left. */
  z.object({ kind: z.literal("pass"), ...idsSchema }),
  /** Looks at the items still waiting for their invitation, in case the pipeline's word on one was lost. */
  z.object({ kind: z.literal("follow"), ...idsSchema }),
]);

/**
 * A pass takes this many items: enough that its queue round trips are few per item, few enough that it ends well
 * within the message's visibility, so another instance never takes the same items while they run.
 */
const PASS_ITEMS = 100;
const PASS_LANES = 16;
/** How often a running pass reads the campaign again, so that a pause or a cancel stops it within this time. */
const STATUS_EVERY_MS = 500;
/**
 * The pipeline's word settles an item first; the follow only settles an item left waiting this long (a lost word),
 * and looks again after 30 s, then 60 s, then every 2 min while items wait: each look costs round trips the
 * pipeline itself needs while a thousand items wait behind Graph's limit.
 */
const FOLLOW_AFTER_MS = 60_000;
const FOLLOW_SECONDS = 30;
const FOLLOW_MAX_SECONDS = 120;
const followDelay = (deliveries: number) =>
  Math.min(FOLLOW_MAX_SECONDS, FOLLOW_SECONDS * 2 ** (Math.max(1, deliveries) - 1));
const FOLLOW_LANES = 8;

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
  /**
   * The invitation pipeline's word on a subscription: its invitation step ended (done or given up), with the outcome
   * when the pipeline knows it (else the item reads it from storage).
   */
  invitationSettled(tenantId: string, subscriptionId: string, outcome?: InvitationOutcome): Promise<void>;
  stop(): Promise<void>;
  /** Resolves when the queue is drained (tests, benchmark). */
  idle(): Promise<void>;
}

type Settled = { status: "done" } | { status: "failed"; code: string } | { status: "waiting" };

/**
 * Runs campaigns through the `campaigns` queue, on any number of instances. A pass message runs up to PASS_ITEMS
 * items, each one proposal through the single proposal's path (`propose`, idempotent per contact × dossier ×
 * service, so a retried or doubled pass never proposes twice), whose invitation the single pipeline then makes
 * under its shared pacer; the pipeline's word then settles the item. The item row (key contact × dossier) records
 * where it stands, under its ETag; nothing lives in memory. One pass per hundred items, rather than a message per
 * item, keeps the campaign's own storage round trips to a few per item: they share Azure Storage with the pipeline.
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

  /** *Renvoyer* on an item whose invitation failed: the pipeline tries again, once per Renvoyer. */
  const resendItem = async (tenantId: string, campaignId: string, item: Versioned<CampaignItem>) => {
    const end = await settle(tenantId, item.value);
    if (end.status === "failed" && item.value.subscriptionId) {
      await opts.resend({ tenantId, subscriptionId: item.value.subscriptionId });
      const next = { ...item.value, resend: false, updatedAt: deps.now().toISOString() };
      await repos.campaigns.saveItem(tenantId, campaignId, next, item.etag);
    } else if (end.status === "waiting") {
      await repos.campaigns.saveItem(tenantId, campaignId, { ...item.value, resend: false }, item.etag);
    } else await saveFinal(tenantId, campaignId, item, end);
  };

  const proposeItem = async (tenantId: string, campaign: Campaign, item: Versioned<CampaignItem>) => {
    const at = deps.now();
    const { contactId, dossierId } = item.value;
    let subscriptionId: string;
    try {
      const ctx = { tenantId, actor: campaign.startedBy, now: at };
      ({
        subscription: { id: subscriptionId },
      } = await propose(deps, ctx, contactId, dossierId, campaign.serviceId));
    } catch (e) {
      // The proposal's own refusals (no link, offer off, contact gone…) are the item's failure, reported as such.
      if (!(e instanceof AppError) || isTransient(e)) throw e;
      await saveFinal(tenantId, campaign.id, item, { status: "failed", code: e.code });
      return;
    }
    // Indexed before the item says so: the pipeline's word may come first, and finds the item through it.
    await repos.campaigns.indexSubscription(tenantId, subscriptionId, {
      campaignId: campaign.id,
      contactId,
      dossierId,
    });
    await recordProposed(tenantId, campaign.id, item, {
      ...item.value,
      status: "inviting",
      subscriptionId,
      updatedAt: at.toISOString(),
    });
  };

  /**
   * Records that the item was proposed. A cancel that marked it meanwhile lost the race: the proposal was made, so the
   * item says so (and is followed to its end) rather than claiming it was never sent. The pipeline's word that came
   * first (the item already settled) stands.
   */
  const recordProposed = async (
    tenantId: string,
    campaignId: string,
    item: Versioned<CampaignItem>,
    next: CampaignItem,
  ): Promise<void> => {
    let current = item;
    for (;;) {
      try {
        await repos.campaigns.saveItem(tenantId, campaignId, next, current.etag);
        return;
      } catch (e) {
        if (!(e instanceof AppError && e.code === "CONFLICT")) throw e;
        const { contactId, dossierId } = item.value;
        const fresh = await repos.campaigns.getItem(tenantId, campaignId, contactId, dossierId);
        if (!fresh) throw e;
        // Another pass, or the pipeline's word, recorded it first.
        if (fresh.value.status !== "pending" && fresh.value.status !== "cancelled") return;
        current = fresh;
      }
    }
  };

  /** The campaign's status, read again at most every STATUS_EVERY_MS while a pass runs. */
  const statusWatch = (tenantId: string, campaign: Versioned<Campaign>) => {
    let status = campaign.value.status;
    let readAt = Date.now();
    let reading: Promise<void> | null = null;
    return async () => {
      if (Date.now() - readAt >= STATUS_EVERY_MS) {
        reading ??= repos.campaigns.get(tenantId, campaign.value.id).then((c) => {
          status = c?.value.status ?? "cancelled";
          readAt = Date.now();
          reading = null;
        });
        await reading;
      }
      return status;
    };
  };

  const runItem = async (tenantId: string, campaign: Campaign, item: Versioned<CampaignItem>, status: string) => {
    try {
      if (item.value.status === "pending") {
        // A cancel marks the unproposed items itself; a pause leaves them for the pass that resume queues.
        if (status === "running") await proposeItem(tenantId, campaign, item);
      } else if (item.value.status === "inviting" && item.value.resend) {
        await resendItem(tenantId, campaign.id, item);
      }
    } catch (e) {
      if (isTransient(e) || isStorageUnreachable(e)) throw e;
      // A fault of this item alone must not hold the others back pass after pass: it is reported as failed.
      if (!(e instanceof AppError)) console.error("A campaign item failed", { tenantId, campaignId: campaign.id }, e);
      const code = e instanceof AppError ? e.code : "INTERNAL";
      await saveFinal(tenantId, campaign.id, item, { status: "failed", code }).catch(() => undefined);
    }
  };

  const handlePass = async (tenantId: string, campaignId: string): Promise<Outcome> => {
    const campaign = await repos.campaigns.get(tenantId, campaignId);
    if (!campaign || campaign.value.status === "paused" || campaign.value.status === "cancelled") return { done: true };
    const items = await repos.campaigns.itemsToRun(tenantId, campaignId, PASS_ITEMS);
    if (items.length === 0) {
      await sendFollow(tenantId, campaignId, FOLLOW_SECONDS);
      return { done: true };
    }
    const status = statusWatch(tenantId, campaign);
    const failures: Error[] = [];
    await mapLimited(items, Math.min(PASS_LANES, opts.concurrency), async (item) => {
      if (failures.length > 0) return;
      const now = await status();
      if (now === "paused") return; // resume queues a new pass
      await runItem(tenantId, campaign.value, item, now).catch((e: unknown) => {
        failures.push(e instanceof Error ? e : new Error(String(e)));
      });
    });
    // A lost race or a storage fault: this pass runs again (the items it recorded are done with), after a backoff.
    if (failures[0]) throw failures[0];
    // Paused or cancelled meanwhile: what was proposed still waits for its word, which the follow makes sure of.
    if ((await status()) === "running") await sendPass(tenantId, campaignId);
    else await sendFollow(tenantId, campaignId, FOLLOW_SECONDS);
    return { done: true };
  };

  /** Settles the items whose word from the pipeline never came; looks again while items wait. */
  const handleFollow = async (tenantId: string, campaignId: string, deliveries: number): Promise<Outcome> => {
    const inviting = await repos.campaigns.itemsInviting(tenantId, campaignId);
    const cutoff = new Date(deps.now().getTime() - FOLLOW_AFTER_MS).toISOString();
    const stale = inviting.filter((i) => !i.value.resend && i.value.updatedAt <= cutoff);
    await mapLimited(stale, FOLLOW_LANES, async (item) => {
      await saveFinal(tenantId, campaignId, item, await settle(tenantId, item.value)).catch((e: unknown) => {
        // A lost race means the pipeline's word settled it meanwhile; anything else is seen at the next look.
        if (!(e instanceof AppError && e.code === "CONFLICT")) throw e;
      });
    });
    if (inviting.length > 0) return { retryInSeconds: followDelay(deliveries) };
    // Nothing waits: a pass given up on (its items still to run) is queued again, unless the campaign stopped.
    const campaign = await repos.campaigns.get(tenantId, campaignId);
    if (campaign?.value.status === "running" && (await repos.campaigns.itemsToRun(tenantId, campaignId, 1)).length > 0)
      await sendPass(tenantId, campaignId);
    return { done: true };
  };

  const sendFollow = (tenantId: string, campaignId: string, delaySeconds: number) =>
    queue.send({ kind: "follow", tenantId, campaignId }, { delaySeconds });

  const sendPass = async (tenantId: string, campaignId: string) => {
    await queue.send({ kind: "pass", tenantId, campaignId });
    worker.poke();
  };

  const worker = startWorker({
    name: "campaigns",
    queue,
    concurrency: opts.concurrency,
    idleMs: opts.idleMs,
    visibilitySeconds: 60,
    maxAttempts: opts.maxAttempts,
    isTransient,
    handle: (msg, received) =>
      msg.kind === "pass"
        ? handlePass(msg.tenantId, msg.campaignId)
        : handleFollow(msg.tenantId, msg.campaignId, received.dequeueCount),
    giveUp: async (msg, error) => {
      console.error(`A campaign ${msg.kind} failed for good`, msg, error);
      // The follow that comes next queues the pass again; a follow given up on is replaced by a new one.
      await sendFollow(msg.tenantId, msg.campaignId, FOLLOW_MAX_SECONDS);
    },
  });

  return {
    invitationsPerWindow: opts.invitationsPerWindow,
    invitationWindowSeconds: opts.invitationWindowSeconds,
    schedule: sendPass,
    invitationSettled: async (tenantId, subscriptionId, outcome) => {
      const ref = await repos.campaigns.findBySubscription(tenantId, subscriptionId);
      if (!ref) return;
      const item = await repos.campaigns.getItem(tenantId, ref.campaignId, ref.contactId, ref.dossierId);
      // A pending item: the pipeline was faster than the pass that proposed it, which then finds it settled.
      if (!item || (item.value.status !== "inviting" && item.value.status !== "pending") || item.value.resend) return;
      const proposed = { value: { ...item.value, subscriptionId }, etag: item.etag };
      try {
        await saveFinal(tenantId, ref.campaignId, proposed, outcome ?? (await settle(tenantId, proposed.value)));
      } catch (e) {
        // A lost race means a worker settled it meanwhile; anything else is caught by the campaign's follow.
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
