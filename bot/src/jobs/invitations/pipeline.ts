import { z } from "zod";
import {
  AppError,
  contactDisplayName,
  isGuestUserType,
  normalizeEmail,
  findService,
  recordSubscriptionError,
  serviceLabel,
  transitionSubscription,
  type Contact,
  type Locale,
  type ServiceSubscription,
} from "@comptoir/shared";
import type { InvitationEmail, InvitationEmailInput } from "@comptoir/shared/mail/invitation-email";
import { JsonQueue } from "../queue/queue";
import { startWorker, type Outcome, type Worker } from "../queue/worker";
import type { ServiceDeps } from "../../core/services/context";
import { SharedPacer, type Pacer } from "../pacing/shared-pacer";
import { getSettings } from "../../core/services/settings";
import type { InvitationState, InvitationStateRepository } from "../../core/repos/invitation-state";
import { isStorageUnreachable } from "../../lib/storage-faults";

/** What the pipeline needs from Microsoft Graph (the adapter in bot/src/graph implements it). */
export interface GuestGraph {
  /** The mailbox our e-mails go out from (Exchange paces each mailbox). */
  readonly mailbox: string;
  inviteGuest(input: {
    email: string;
    displayName: string;
    redirectUrl: string;
    sendInvitationMessage: boolean;
    locale: Locale;
  }): Promise<{ objectId: string; redeemUrl: string }>;
  sendMail(input: { to: string; subject: string; html: string; text: string }): Promise<void>;
  installApp(objectId: string): Promise<void>;
  /**
   * The directory user's `userType` ("Guest", "Member") and, for a guest, whether they accepted the
   * invitation (`externalUserState`: PendingAcceptance | Accepted), or null when the account is gone.
   */
  lookupUser(objectId: string): Promise<{ userType: string | null; externalUserState: string | null } | null>;
  /** Removes the guest account from the firm's tenant. */
  deleteGuest(objectId: string): Promise<void>;
  isTransient(error: unknown): boolean;
}

export type ComposeMail = (input: InvitationEmailInput) => InvitationEmail;

export interface PipelineOptions {
  connectionString: string;
  queuePrefix: string;
  graph: GuestGraph;
  composeMail: ComposeMail;
  /** The client's app link (*Ma société*): where the invitation redirects once accepted; `/<dossierId>` opens a dossier's fiche. */
  clientAppUrl: string;
  sendInvitationMessage: boolean;
  /** Microsoft documents 150 invitations per 5 s per tenant. */
  invitationsPerWindow: number;
  invitationWindowMs: number;
  /** Exchange Online lets one mailbox send about 30 messages a minute. */
  mailsPerMinute: number;
  concurrency: number;
  idleMs: number;
  maxAttempts: number;
  /** Told once a subscription is invited (the bot then greets the client in Teams). */
  onInvited?: (tenantId: string, subscriptionId: string) => Promise<void>;
  /**
   * Told once a subscription's invitation step ended, invited or given up (a campaign's progress), with the outcome
   * when the step knows it. Best effort.
   */
  onInvitationSettled?: (tenantId: string, subscriptionId: string, outcome?: InvitationOutcome) => Promise<void>;
  /** How long a step's lease lasts unless renewed (default 60 s); renewed every third of it while the step runs. */
  leaseMs?: number;
}

const jobSchema = z.object({ tenantId: z.string(), subscriptionId: z.string() });
/** How a subscription's invitation step ended: a guest bound, or given up with this code. */
export type InvitationOutcome = { status: "done" } | { status: "failed"; code: string };
export type InvitationJob = z.infer<typeof jobSchema>;

const SYSTEM = { oid: "comptoir", name: "Comptoir" };
/** A lease not renewed for this long belongs to a worker that died; the message's next delivery takes over. */
const LEASE_MS = 60_000;

export interface InvitationPipeline {
  /** Called when a service is proposed. */
  enqueue(job: InvitationJob): Promise<void>;
  /** *Renvoyer*: retries a failed invitation, or sends the e-mail again to an invited client. */
  resend(job: InvitationJob): Promise<void>;
  stop(): Promise<void>;
  /** Resolves when both queues are drained (tests, benchmark). */
  idle(): Promise<void>;
}

/**
 * proposed → invited, durably: a queue message per subscription drives (1) the Graph guest invitation,
 * (2) our own e-mail, queued and drained at the mailbox's pace, (3) the Teams app install for the bot.
 * The subscription becomes `invited` once the invitation and the e-mail both succeeded.
 */
export async function startInvitationPipeline(deps: ServiceDeps, opts: PipelineOptions): Promise<InvitationPipeline> {
  const invitations = await JsonQueue.open(opts.connectionString, `${opts.queuePrefix}invitations`, jobSchema);
  const mails = await JsonQueue.open(opts.connectionString, `${opts.queuePrefix}mails`, jobSchema);
  // Paced in storage: the tenant's and the mailbox's limits hold for all instances together.
  const invitePacer = new SharedPacer(deps.repos.rateSlots, "graph-invitations", [
    { limit: opts.invitationsPerWindow, ms: opts.invitationWindowMs },
  ]);
  const mailPacer = new SharedPacer(deps.repos.rateSlots, "mailbox", [{ limit: opts.mailsPerMinute, ms: 60_000 }]);

  const leaseMs = opts.leaseMs ?? LEASE_MS;
  const common = {
    concurrency: opts.concurrency,
    idleMs: opts.idleMs,
    visibilitySeconds: 60,
    maxAttempts: opts.maxAttempts,
    isTransient: (e: unknown) => isConflict(e) || opts.graph.isTransient(e),
  };
  const settled = async (job: InvitationJob, outcome?: InvitationOutcome) => {
    await opts.onInvitationSettled?.(job.tenantId, job.subscriptionId, outcome).catch((e: unknown) => {
      console.error("Invitation settled, but whoever listens failed", job, e);
    });
  };
  const giveUp = async (job: InvitationJob, error: unknown) => {
    const code = error instanceof AppError ? error.code : "INTERNAL";
    if (!(error instanceof AppError)) console.error("Invitation step failed for good", job, error);
    await markFailed(deps, deps.repos.invitations, job, code);
    await settled(job, { status: "failed", code });
  };

  const inviteWorker = startWorker({
    ...common,
    name: "invitations",
    queue: invitations,
    giveUp,
    handle: async (job) => {
      let invited = false;
      const outcome = await underLease(deps, deps.repos.invitations, job, leaseMs, async (state, _checkpoint, hold) => {
        const patch = await inviteStep(deps, opts, invitePacer, mails, job, state, hold);
        // A guest bound (now or before): the step is done. Anything else (revoked, contact gone) is read by the listener.
        invited = Boolean(patch.guestObjectId ?? state.guestObjectId);
        return patch;
      });
      if ("done" in outcome) await settled(job, invited ? { status: "done" } : undefined);
      return outcome;
    },
  });
  const mailWorker = startWorker({
    ...common,
    name: "mails",
    queue: mails,
    concurrency: Math.min(opts.concurrency, 4),
    giveUp,
    handle: (job) =>
      underLease(deps, deps.repos.invitations, job, leaseMs, (state, checkpoint) =>
        mailStep(deps, opts, mailPacer, invitations, job, state, checkpoint),
      ),
  });
  const workers: Worker[] = [inviteWorker, mailWorker];

  return {
    enqueue: async (job) => {
      await invitations.send(job);
      inviteWorker.poke();
    },
    resend: async (job) => {
      const sub = await deps.repos.subscriptions.get(job.tenantId, job.subscriptionId);
      if (!sub || sub.value.status === "revoked") throw new AppError("SUBSCRIPTION_NOT_FOUND");
      const state = await deps.repos.invitations.getOrCreate(job.tenantId, job.subscriptionId);
      const again = sub.value.status !== "proposed";
      await saveState(deps.repos.invitations, job.tenantId, state, {
        error: null,
        ...(again || state.value.error ? { mailQueuedAt: null, mailSentAt: null } : {}),
      });
      if (sub.value.lastError)
        await deps.repos.subscriptions.update(job.tenantId, sub.value, { ...sub.value, lastError: null }, sub.etag);
      if (again) await mails.send(job);
      else await invitations.send(job);
    },
    stop: async () => {
      await Promise.all(workers.map((w) => w.stop()));
    },
    idle: async () => {
      for (;;) {
        await Promise.all(workers.map((w) => w.idle()));
        if ((await invitations.approximateCount()) === 0 && (await mails.approximateCount()) === 0) return;
      }
    },
  };
}

/** What a step changed in the invitation state; saved together with the lease's release. */
type StatePatch = Partial<InvitationState>;

async function inviteStep(
  deps: ServiceDeps,
  opts: PipelineOptions,
  pacer: Pacer,
  mails: JsonQueue<typeof jobSchema>,
  job: InvitationJob,
  state: InvitationState,
  holdLease: () => Promise<void>,
): Promise<StatePatch> {
  const { repos } = deps;
  const sub = await repos.subscriptions.get(job.tenantId, job.subscriptionId);
  if (!sub || sub.value.status === "revoked") return {};
  const contact = await repos.contacts.get(job.tenantId, sub.value.contactId);
  if (!contact) return {};
  const stale = staleBinding(state, contact.value);
  // Once invited, a message only comes back here when the contact's address changed since (see mailStep).
  if (sub.value.status !== "proposed" && !stale) return {};
  const patch: StatePatch = {};

  if (!state.guestObjectId || stale) {
    let guest = contact.value.guest;
    if (!guest) {
      await pacer.take(job.tenantId);
      // The pacer's wait may have outlived the lease: only a worker that still holds it invites (else CONFLICT,
      // and the message comes back to find the other worker's guest).
      await holdLease();
      const invited = await opts.graph.inviteGuest({
        email: contact.value.email,
        displayName: contactDisplayName(contact.value),
        redirectUrl: opts.clientAppUrl,
        sendInvitationMessage: opts.sendInvitationMessage,
        locale: contact.value.preferredLocale,
      });
      // Inviting the address of one of the firm's own members returns that member: never bind them.
      // A user Entra does not list yet (replication lag right after the invitation) is retried, not refused.
      const user = await opts.graph.lookupUser(invited.objectId);
      if (!user) throw new AppError("GRAPH_UNAVAILABLE", { objectId: invited.objectId, reason: "not listed yet" });
      if (!isGuestUserType(user.userType)) throw new AppError("INVITE_NOT_A_GUEST");
      guest = {
        tenantId: job.tenantId,
        objectId: invited.objectId,
        invitedAt: deps.now().toISOString(),
        redeemUrl: invited.redeemUrl,
      };
      await bindGuest(deps, job.tenantId, contact.value, contact.etag, guest);
    }
    Object.assign(patch, {
      guestObjectId: guest.objectId,
      redeemUrl: guest.redeemUrl ?? null,
      invitedAt: guest.invitedAt,
    });
  }
  if (!state.mailQueuedAt || stale) {
    // Queued before it is recorded: a crash in between queues it twice, and the mail step's lease and
    // `mailSentAt` make the second one a no-op.
    await mails.send(job);
    Object.assign(patch, { mailQueuedAt: deps.now().toISOString(), mailSentAt: null, appInstalledAt: null });
  }
  return patch;
}

/**
 * The state names a guest the contact is no longer bound to: its e-mail address changed (the update let
 * the old guest go). The old redeem link must not reach the new address; the new one is invited instead.
 */
function staleBinding(state: InvitationState, contact: Contact): boolean {
  return state.guestObjectId !== null && state.guestObjectId !== (contact.guest?.objectId ?? null);
}

async function mailStep(
  deps: ServiceDeps,
  opts: PipelineOptions,
  pacer: Pacer,
  invitations: JsonQueue<typeof jobSchema>,
  job: InvitationJob,
  state: InvitationState,
  checkpoint: (patch: StatePatch) => Promise<void>,
): Promise<StatePatch> {
  const { repos } = deps;
  const sub = await repos.subscriptions.get(job.tenantId, job.subscriptionId);
  if (!sub || sub.value.status === "revoked") return {};
  const contact = await repos.contacts.get(job.tenantId, sub.value.contactId);
  if (!contact) return {};
  if (staleBinding(state, contact.value)) {
    await invitations.send(job);
    return {};
  }
  const patch: StatePatch = {};
  if (!state.mailSentAt) {
    const settings = await getSettings(deps, job.tenantId);
    const service = findService(settings.value.services, sub.value.serviceId);
    const locale = contact.value.preferredLocale;
    const mail = opts.composeMail({
      locale,
      firmName: settings.value.name,
      contactName: contactDisplayName(contact.value),
      identifier: contact.value.email,
      acceptLink: (await stillToAccept(opts.graph, state)) ? (state.redeemUrl ?? opts.clientAppUrl) : null,
      spaceLink: `${opts.clientAppUrl}/${encodeURIComponent(sub.value.dossierId)}`,
      serviceLabel: service ? serviceLabel(service, locale) : sub.value.serviceId,
    });
    await pacer.take(opts.graph.mailbox);
    await opts.graph.sendMail({ to: contact.value.email, ...mail });
    // Recorded at once, waiting out a storage outage: a mail sent but not recorded would go out twice.
    patch.mailSentAt = deps.now().toISOString();
    await checkpoint({ mailSentAt: patch.mailSentAt });
  }
  if (sub.value.status === "proposed") await markInvited(deps, job.tenantId, sub.value, sub.etag);
  if (!state.appInstalledAt && state.guestObjectId) {
    // Lets the bot greet the guest in Teams; best effort, the invitation stands without it.
    try {
      await opts.graph.installApp(state.guestObjectId);
      Object.assign(patch, { appInstalledAt: deps.now().toISOString(), appInstallError: null });
    } catch (e) {
      patch.appInstallError = e instanceof AppError ? e.code : "INTERNAL";
    }
  }
  if (sub.value.status === "proposed") await opts.onInvited?.(job.tenantId, job.subscriptionId);
  return patch;
}

/**
 * Whether the guest has yet to accept the firm's invitation (Graph's `externalUserState`): a second service
 * for a guest who already accepted needs no acceptance step. Unknown (not invited yet, not listed) counts as
 * still to accept, the safe side.
 */
async function stillToAccept(graph: GuestGraph, state: InvitationState): Promise<boolean> {
  if (!state.guestObjectId) return true;
  const user = await graph.lookupUser(state.guestObjectId);
  return user?.externalUserState !== "Accepted";
}

/**
 * Runs a step holding the subscription's lease (taken under the state row's ETag), then saves what the
 * step changed and releases the lease in one write. A message whose lease is held elsewhere comes back
 * a little later; a failed step releases the lease so its retry need not wait for it to expire.
 * The lease is renewed every third of its length while the step runs: a slow Graph call or a long pacer wait
 * under load must not let it lapse while its holder is alive, or another delivery would invite the guest again.
 */
async function underLease(
  deps: ServiceDeps,
  repo: InvitationStateRepository,
  job: InvitationJob,
  leaseMs: number,
  step: (
    state: InvitationState,
    checkpoint: (patch: StatePatch) => Promise<void>,
    holdLease: () => Promise<void>,
  ) => Promise<StatePatch>,
): Promise<Outcome> {
  const now = deps.now();
  const taken = await repo.lease(job.tenantId, job.subscriptionId, new Date(now.getTime() + leaseMs), now);
  if (!taken) return { retryInSeconds: 2 };
  let leased = taken;
  /** When the lease was last stored: it then runs until this time + leaseMs. */
  let storedAt = now.getTime();
  // Writes to the state row go one at a time: each needs the ETag the previous one returned.
  let writes: Promise<unknown> = Promise.resolve();
  const write = (part: StatePatch): Promise<void> => {
    const next = writes.then(async () => {
      const current = leased;
      const at = deps.now().getTime();
      leased = await untilStored(() => saveState(repo, job.tenantId, current, part));
      storedAt = at;
    });
    writes = next.catch(() => undefined);
    return next;
  };
  const renew = () => write({ leaseUntil: new Date(deps.now().getTime() + leaseMs).toISOString() });
  /**
   * Before a call that must not run twice: renewed (CONFLICT if another worker took it) unless it was stored less than
   * half a lease ago, so no other worker can hold it yet. Skipping that write keeps it off each invitation's path,
   * where its delay, varying from call to call, would bunch calls the pacer spaced and meet Graph's 429.
   */
  const holdLease = () => (deps.now().getTime() - storedAt < leaseMs / 2 ? writes.then(() => undefined) : renew());
  // A failed renewal (lease lost) shows at the next write under the stale ETag, which then fails with CONFLICT.
  const renewal = setInterval(() => void renew().catch(() => undefined), leaseMs / 3);
  let patch: StatePatch;
  try {
    patch = await step(leased.value, write, holdLease);
  } catch (e) {
    clearInterval(renewal);
    await writes;
    await saveState(repo, job.tenantId, leased, { leaseUntil: null }).catch(() => undefined);
    throw e;
  }
  clearInterval(renewal);
  await writes;
  await saveState(repo, job.tenantId, leased, { ...patch, leaseUntil: null });
  return { done: true };
}

/** Retries a write while storage is unreachable, for up to a minute (an outage's usual length). */
async function untilStored<T>(write: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await write();
    } catch (e) {
      if (!isStorageUnreachable(e) || attempt >= 60) throw e;
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
  }
}

async function markInvited(deps: ServiceDeps, tenantId: string, sub: ServiceSubscription, etag: string): Promise<void> {
  const next = transitionSubscription(sub, "invited", SYSTEM, deps.now());
  await deps.repos.subscriptions.update(tenantId, sub, next, etag);
  await deps.projections.putSubscription(tenantId, next);
}

async function bindGuest(
  deps: ServiceDeps,
  tenantId: string,
  contact: Contact,
  etag: string,
  guest: NonNullable<Contact["guest"]>,
): Promise<void> {
  let current = { value: contact, etag };
  for (let attempt = 0; attempt < 5; attempt++) {
    const next = { ...current.value, guest };
    try {
      await deps.repos.contacts.update(tenantId, current.value, next, current.etag);
      await deps.projections.putContact(tenantId, next);
      return;
    } catch (e) {
      if (!(e instanceof AppError && e.code === "CONFLICT")) throw e;
      const fresh = await deps.repos.contacts.get(tenantId, contact.id);
      if (!fresh) return;
      // Bound meanwhile, or readdressed: the invitation went to an address the contact no longer has.
      if (fresh.value.guest || normalizeEmail(fresh.value.email) !== normalizeEmail(contact.email)) return;
      current = fresh;
    }
  }
  throw new AppError("CONFLICT");
}

async function saveState(
  repo: InvitationStateRepository,
  tenantId: string,
  state: { value: InvitationState; etag: string },
  patch: Partial<InvitationState>,
) {
  const value = { ...state.value, ...patch };
  const etag = await repo.save(tenantId, value, state.etag);
  return { value, etag };
}

async function markFailed(
  deps: ServiceDeps,
  repo: InvitationStateRepository,
  job: InvitationJob,
  code: string,
): Promise<void> {
  const now = deps.now();
  const sub = await deps.repos.subscriptions.get(job.tenantId, job.subscriptionId);
  if (sub && sub.value.status !== "revoked") {
    await deps.repos.subscriptions.update(job.tenantId, sub.value, recordSubscriptionError(sub.value, code, now), "*");
  }
  const state = await repo.getOrCreate(job.tenantId, job.subscriptionId);
  await saveState(repo, job.tenantId, state, { error: { code, at: now.toISOString() } });
}

/** A lost optimistic-concurrency race: someone else moved first; retrying reads their result. */
function isConflict(e: unknown): boolean {
  return e instanceof AppError && e.code === "CONFLICT";
}
