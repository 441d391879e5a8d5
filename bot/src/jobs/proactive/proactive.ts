import { CardFactory, MessageFactory, type CloudAdapter } from "@microsoft/agents-hosting";
import {
  contactDisplayName,
  intakeRejectedCard,
  resolveLocale,
  type AdaptiveCard,
  type Contact,
  type NotificationKind,
  type ServiceSubscription,
} from "@comptoir/shared";
import { notificationCardFor, welcomeCardFor } from "../../core/services/card-data";
import type { AppLinks } from "../../core/services/app-links";
import { JsonQueue, type Received } from "../queue/queue";
import { startWorker, type Outcome } from "../queue/worker";
import type { ServiceDeps } from "../../core/services/context";
import type { Pacer } from "../pacing/shared-pacer";
import { backoffMs, classifyConnectorError } from "./connector-errors";
import type { ConversationRefRepository, StoredReference, UserConversation } from "../../core/repos/conversation-refs";
import type { ConversationTracker } from "./conversation-tracker";
import { proactiveMessageSchema, type ImportNoticeCard, type ProactiveMessage } from "./messages";
import { recordNotice, type ImportNoticeBuilder } from "./import-notices";
import { hostForLog, isAllowedServiceUrl } from "./service-urls";

export interface ProactiveOptions {
  deps: ServiceDeps;
  adapter: CloudAdapter;
  refs: ConversationRefRepository;
  tracker: ConversationTracker;
  pacer: Pacer;
  links: AppLinks;
  /** The bot's app id (`teams` mode); absent in local mode, where the connector is called anonymously. */
  botAppId?: string | undefined;
  /**
   * BOT_SERVICE_URL_HOSTS (`teams` mode): a stored reference whose serviceUrl is not on one of these hosts is
   * never used. Absent in local mode (its connector is local).
   */
  serviceUrlHosts?: readonly string[];
  connectionString: string;
  queuePrefix: string;
  concurrency?: number;
  idleMs?: number;
  /** Deliveries of one message before it is dropped (with a log line). */
  maxAttempts?: number;
  /** Retries inside one delivery, for short waits (Retry-After, transient 412/502/504). */
  inlineRetries?: number;
  retryBaseMs?: number;
  /** A longer wait goes back to the queue instead of holding a worker. */
  maxInlineWaitMs?: number;
  /** Builds a client's import notice card (the accounting slice, wired by the composition root). */
  importNotices?: ImportNoticeBuilder;
}

export interface StaffEvent {
  kind: NotificationKind;
  contact: Pick<Contact, "nom" | "prenom">;
  subscription: Pick<ServiceSubscription, "dossierId" | "serviceId" | "history">;
  /** Loaded from the subscription when absent. */
  dossier?: { id: string; code: string; name: string };
  /** When it happened; defaults to the subscription's last transition. */
  at?: string;
}

export interface Proactive {
  /** Queues a notification card to every staff member who talked to the bot; returns how many. */
  notifyStaff(tenantId: string, event: StaffEvent): Promise<number>;
  /**
   * Queues the welcome card for a client's service once it is invited or accepted; `false` when there is
   * no one to greet yet (no guest account) or the service is not at that stage.
   */
  greetClient(tenantId: string, subscriptionId: string): Promise<boolean>;
  /** Queues any proactive message. */
  enqueue(message: ProactiveMessage): Promise<void>;
  /** Resolves once the queue is drained (tests). */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

const GREETABLE = new Set(["invited", "accepted", "active"]);

/**
 * Proactive cards through an Azure Storage queue: each message names a tenant, a user or conversation and
 * a card; the worker builds the card from current data and sends it with `adapter.continueConversation`,
 * paced per conversation, retrying throttling (honouring Retry-After) and transient failures.
 */
export async function startProactive(opts: ProactiveOptions): Promise<Proactive> {
  const queue = await JsonQueue.open(opts.connectionString, `${opts.queuePrefix}proactive`, proactiveMessageSchema);
  const maxAttempts = opts.maxAttempts ?? 8;
  const sender = new CardSender(opts);

  const worker = startWorker({
    name: "proactive",
    queue,
    concurrency: opts.concurrency ?? 16,
    idleMs: opts.idleMs ?? 500,
    visibilitySeconds: 60,
    maxAttempts,
    isTransient: () => true,
    giveUp: async (message, error) => {
      console.error("[proactive] dropping a message", describe(message), error);
      await recordFailure(opts, message, error instanceof Error ? error.name : "SEND_FAILED");
    },
    handle: async (message, received) => {
      if (received.dequeueCount > maxAttempts) {
        console.error("[proactive] giving up after", received.dequeueCount - 1, "deliveries", describe(message));
        await recordFailure(opts, message, "GAVE_UP");
        return { done: true };
      }
      return sender.deliver(message, received);
    },
  });

  return {
    async notifyStaff(tenantId, event) {
      const dossier = event.dossier ?? (await loadDossier(opts.deps, tenantId, event.subscription.dossierId));
      if (!dossier) return 0;
      const staff = await opts.refs.listStaff(tenantId);
      const at = event.at ?? event.subscription.history.at(-1)?.at ?? opts.deps.now().toISOString();
      for (const person of staff) {
        await queue.send({
          tenantId,
          userOid: person.userOid,
          card: {
            kind: "notification",
            event: event.kind,
            contactName: contactDisplayName(event.contact),
            dossier,
            serviceId: event.subscription.serviceId,
            at,
          },
        });
      }
      return staff.length;
    },
    async greetClient(tenantId, subscriptionId) {
      const sub = await opts.deps.repos.subscriptions.get(tenantId, subscriptionId);
      if (!sub || !GREETABLE.has(sub.value.status)) return false;
      const contact = await opts.deps.repos.contacts.get(tenantId, sub.value.contactId);
      const guest = contact?.value.guest;
      if (!guest || guest.tenantId !== tenantId) return false;
      await queue.send({ tenantId, userOid: guest.objectId, card: { kind: "welcome", subscriptionId } });
      return true;
    },
    enqueue: (message) => queue.send(message),
    async idle() {
      for (;;) {
        await worker.idle();
        if ((await queue.approximateCount()) === 0) return;
      }
    },
    stop: () => worker.stop(),
  };
}

/** An import notice that will not go out is recorded as failed, so that staff see it. */
async function recordFailure(opts: ProactiveOptions, message: ProactiveMessage, error: string): Promise<void> {
  const { card } = message;
  if (card.kind !== "importNotice") return;
  await recordNotice(opts.deps, message.tenantId, card, { status: "failed", error }).catch((e: unknown) =>
    console.error("[proactive] recording a failed notice failed", e),
  );
}

async function loadDossier(deps: ServiceDeps, tenantId: string, dossierId: string) {
  const dossier = await deps.repos.dossiers.get(tenantId, dossierId);
  return dossier ? { id: dossier.value.id, code: dossier.value.code, name: dossier.value.name } : null;
}

function describe(message: ProactiveMessage): string {
  return `${message.card.kind} → ${message.tenantId}/${message.userOid ?? message.conversationId ?? "?"}`;
}

/** A send that failed in a way worth trying again later. */
class RetryLater extends Error {
  constructor(readonly afterMs: number) {
    super(`retry in ${afterMs} ms`);
  }
}

class CardSender {
  constructor(private readonly opts: ProactiveOptions) {}

  async deliver(message: ProactiveMessage, received: Received<ProactiveMessage>): Promise<Outcome> {
    const { tenantId, card } = message;
    if (card.kind === "welcome" && (await this.opts.refs.isGreeted(tenantId, card.subscriptionId)))
      return { done: true };
    // A notice goes out once: a redelivered message finds its row no longer queued.
    if (card.kind === "importNotice" && !(await this.noticeQueued(tenantId, card))) return { done: true };
    try {
      const target = await this.target(message);
      if (!target) {
        if (card.kind === "importNotice")
          await recordNotice(this.opts.deps, tenantId, card, { status: "skipped", reason: "unreachable" });
        return { done: true };
      }
      const built = await this.build(message, target.reference);
      if (!built) return { done: true };
      const sent = await this.send(tenantId, target, built);
      if (sent && card.kind === "welcome")
        await this.opts.refs.markGreeted(tenantId, card.subscriptionId, this.opts.deps.now().toISOString());
      if (card.kind === "importNotice")
        await recordNotice(
          this.opts.deps,
          tenantId,
          card,
          sent ? { status: "sent" } : { status: "failed", error: "CONVERSATION_GONE" },
        );
      return { done: true };
    } catch (e) {
      if (!(e instanceof RetryLater)) throw e;
      const queueBackoff = backoffMs(received.dequeueCount, 1_000, 300_000);
      return { retryInSeconds: Math.max(1, Math.ceil(Math.max(e.afterMs, queueBackoff) / 1000)) };
    }
  }

  private async noticeQueued(tenantId: string, card: ImportNoticeCard): Promise<boolean> {
    const notice = await this.opts.deps.repos.importNotices.get(
      tenantId,
      card.dossierId,
      card.importId,
      card.contactId,
    );
    return notice?.status === "queued";
  }

  /** The conversation to send to; a client who never wrote gets a 1:1 conversation opened by the bot. */
  private async target(message: ProactiveMessage): Promise<UserConversation | null> {
    const { refs } = this.opts;
    if (message.conversationId) {
      const found = await refs.findByConversation(message.tenantId, message.conversationId);
      return found && this.allowed(found.reference.serviceUrl, describe(message)) ? found : null;
    }
    const userOid = message.userOid ?? "";
    const existing = await refs.get(message.tenantId, userOid);
    if (existing && !this.allowed(existing.reference.serviceUrl, describe(message))) return null;
    if (existing || message.card.kind === "notification") return existing;
    if (message.card.kind === "welcome") {
      const sub = await this.opts.deps.repos.subscriptions.get(message.tenantId, message.card.subscriptionId);
      if (!sub || !GREETABLE.has(sub.value.status)) return null; // never open a conversation for nothing
    }
    const bot = await refs.getBot(message.tenantId);
    // The bot has never heard from this tenant: nothing to open a conversation with yet. The app's
    // installation (conversationUpdate) will tell us; until then, retry with backoff.
    if (!bot && message.card.kind === "importNotice") return null; // recorded as not yet reachable
    if (!bot) throw new RetryLater(5_000);
    if (!this.allowed(bot.serviceUrl, describe(message))) return null;
    return this.openConversation(message.tenantId, userOid, bot.serviceUrl, bot.channelId, bot.agent);
  }

  private async openConversation(
    tenantId: string,
    userOid: string,
    serviceUrl: string,
    channelId: string,
    agent: StoredReference["agent"],
  ): Promise<UserConversation> {
    const { adapter, botAppId } = this.opts;
    let reference: StoredReference | null = null;
    const parameters = {
      isGroup: false,
      agent,
      // The Bot Connector's name for the bot account (the SDK's type calls it `agent`).
      bot: agent,
      members: [{ id: userOid, aadObjectId: userOid }],
      tenantId,
      channelData: { tenant: { id: tenantId } },
    };
    await this.withRetries(serviceUrl, () =>
      adapter.createConversationAsync(
        botAppId ?? "",
        channelId,
        serviceUrl,
        "https://api.botframework.com",
        parameters as unknown as Parameters<CloudAdapter["createConversationAsync"]>[4],
        (context) => {
          const created = context.activity.getConversationReference();
          reference = {
            channelId: created.channelId,
            serviceUrl: created.serviceUrl ?? serviceUrl,
            conversation: {
              id: created.conversation.id,
              conversationType: "personal",
              tenantId,
              isGroup: false,
            },
            user: { id: created.user?.id ?? userOid, aadObjectId: userOid },
            agent,
          };
          return Promise.resolve();
        },
      ),
    );
    const stored = reference as StoredReference | null;
    if (!stored) throw new Error("The connector created no conversation");
    const conversation: UserConversation = {
      userOid,
      role: "client",
      reference: stored,
      updatedAt: this.opts.deps.now().toISOString(),
    };
    await this.opts.tracker.created(tenantId, conversation, null);
    return conversation;
  }

  /** A stored serviceUrl off the allow-list is never called: the bot would hand its token to that host. */
  private allowed(serviceUrl: string, what: string): boolean {
    const hosts = this.opts.serviceUrlHosts;
    if (!hosts || isAllowedServiceUrl(serviceUrl, hosts)) return true;
    console.warn(
      `[proactive] not sending ${what}: the stored serviceUrl's host ${hostForLog(serviceUrl)} is not in BOT_SERVICE_URL_HOSTS`,
    );
    return false;
  }

  private async build(message: ProactiveMessage, reference: StoredReference): Promise<AdaptiveCard | null> {
    const { deps, links } = this.opts;
    const { card, tenantId } = message;
    if (card.kind === "notification") {
      const { kind: _kind, ...data } = card;
      return notificationCardFor(deps, tenantId, data, resolveLocale(reference.locale));
    }
    if (card.kind === "importNotice") return this.buildNotice(tenantId, card, reference);
    if (card.kind === "intakeRejected") {
      const { kind: _kind, ...data } = card;
      return intakeRejectedCard({ ...data, locale: resolveLocale(reference.locale) });
    }
    const userIds = /^(29|8):/.test(reference.user.id) ? [reference.user.id] : [];
    const welcome = await welcomeCardFor(deps, links, tenantId, card.subscriptionId, userIds);
    if (!welcome || !GREETABLE.has(welcome.status)) return null;
    return welcome.card;
  }

  private async buildNotice(
    tenantId: string,
    card: ImportNoticeCard,
    reference: StoredReference,
  ): Promise<AdaptiveCard | null> {
    const builder = this.opts.importNotices;
    if (!builder) throw new Error("No import notice builder is wired");
    const built = await builder({ tenantId, card }, resolveLocale(reference.locale), this.opts.links);
    if ("card" in built) return built.card;
    const outcome =
      "skipped" in built
        ? ({ status: "skipped", reason: built.skipped } as const)
        : ({ status: "failed", error: "ACCESS_ENDED" } as const);
    await recordNotice(this.opts.deps, tenantId, card, outcome);
    return null;
  }

  /** `false` when the conversation is gone (app removed, bot blocked): its reference is dropped. */
  private async send(tenantId: string, target: UserConversation, card: AdaptiveCard): Promise<boolean> {
    const { adapter, botAppId, pacer } = this.opts;
    const reference = target.reference;
    const identity: Parameters<CloudAdapter["continueConversation"]>[0] = botAppId ?? {};
    try {
      await this.withRetries(reference.conversation.id, async () => {
        // A conversation deep into Teams' hourly limit: wait in the queue, not in a worker (whose message
        // would reappear to another worker after its visibility timeout).
        const pacing = await pacer.delay(reference.conversation.id);
        if (pacing > (this.opts.maxInlineWaitMs ?? 10_000)) throw new RetryLater(pacing);
        await pacer.take(reference.conversation.id);
        const outcome: { error?: Error } = {};
        await adapter.continueConversation(identity, reference, async (context) => {
          // Caught here, not by the adapter's onTurnError, so that the status reaches the retry logic.
          try {
            await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card)));
          } catch (e) {
            outcome.error = e instanceof Error ? e : new Error("The connector refused the card");
          }
        });
        if (outcome.error) throw outcome.error;
      });
      return true;
    } catch (e) {
      if (classifyConnectorError(e).kind !== "gone") throw e;
      console.warn("[proactive] conversation gone, forgetting it", tenantId, target.userOid);
      await this.opts.tracker.forget(tenantId, target.userOid);
      return false;
    }
  }

  /** Runs a connector call, retrying short waits in place; a long or repeated wait becomes `RetryLater`. */
  private async withRetries(label: string, call: () => Promise<void>): Promise<void> {
    const retries = this.opts.inlineRetries ?? 3;
    const baseMs = this.opts.retryBaseMs ?? 500;
    const maxWait = this.opts.maxInlineWaitMs ?? 10_000;
    for (let attempt = 0; ; attempt++) {
      try {
        await call();
        return;
      } catch (e) {
        const failure = classifyConnectorError(e);
        if (failure.kind !== "retry") throw e;
        const wait = failure.retryAfterMs ?? backoffMs(attempt, baseMs, 30_000);
        if (attempt >= retries || wait > maxWait) throw new RetryLater(wait);
        console.warn(
          `[proactive] ${label}: connector answered ${failure.status ?? "no response"}, retrying in ${wait} ms`,
        );
        await new Promise((resolve) => setTimeout(resolve, wait));
      }
    }
  }
}
