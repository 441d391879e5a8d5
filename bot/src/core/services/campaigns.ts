import {
  AppError,
  contactDisplayName,
  errorMessageKey,
  findService,
  isAppErrorCode,
  translate,
  type Contact,
  type Dossier,
  type Locale,
} from "@comptoir/shared";
import {
  MAX_CAMPAIGN_ITEMS,
  type CampaignAction,
  type CampaignFailure,
  type CampaignStartInput,
  type CampaignView,
} from "@comptoir/shared/api/campaigns";
import { effectiveCampaignStatus, estimateSecondsLeft, nextCampaignStatus } from "@comptoir/shared/api/campaign-rules";
import type { Versioned } from "../repos";
import { newCampaignId, type Campaign, type CampaignItem } from "../repos/campaigns";
import { mapLimited } from "../../lib/map-limited";
import { found, type Ctx, type ServiceDeps } from "./context";
import { getSettings } from "./settings";

/** What runs a campaign's items (the campaign queue); injected, as the invitation pipeline is for one proposal. */
export interface CampaignRunner {
  /** Queues a pass over the campaign's unfinished items (idempotent: an item runs to the same end twice). */
  schedule(tenantId: string, campaignId: string): Promise<void>;
  /** The invitation limit the pipeline keeps to, for the estimated time left. */
  readonly invitationsPerWindow: number;
  readonly invitationWindowSeconds: number;
}

const READ_CONCURRENCY = 16;
/** From this many ids on, one listing of the firm's rows takes fewer round trips than one read per id. */
const LIST_FROM = 50;

/** Starts a campaign: expands the selection into (contact, dossier) items, stores them, then queues their run. */
export async function startCampaign(
  deps: ServiceDeps,
  runner: CampaignRunner,
  ctx: Ctx,
  input: CampaignStartInput,
): Promise<Versioned<CampaignView>> {
  const settings = await getSettings(deps, ctx.tenantId);
  const service = findService(settings.value.services, input.serviceId);
  if (!service || !service.active) throw new AppError("SERVICE_NOT_FOUND", { serviceId: input.serviceId });
  const items = await expandSelection(deps, ctx, input);
  if (items.length === 0) throw new AppError("CAMPAIGN_EMPTY");
  if (items.length > MAX_CAMPAIGN_ITEMS)
    throw new AppError("CAMPAIGN_TOO_LARGE", { max: MAX_CAMPAIGN_ITEMS, count: items.length });
  const at = ctx.now.toISOString();
  const campaign: Campaign = {
    id: newCampaignId(ctx.now, deps.newId()),
    kind: input.kind,
    serviceId: service.id,
    status: "running",
    startedAt: at,
    startedBy: ctx.actor,
    endedAt: null,
    total: items.length,
    runningSince: at,
    finishedAtRunStart: 0,
  };
  const etag = await deps.repos.campaigns.create(ctx.tenantId, campaign, items);
  await runner.schedule(ctx.tenantId, campaign.id);
  return campaignView(deps, runner, ctx.tenantId, { value: campaign, etag });
}

/** The campaign and its progress, counted from its items; stores `done` when it finds nothing left to run. */
export async function getCampaign(
  deps: ServiceDeps,
  runner: CampaignRunner,
  tenantId: string,
  id: string,
): Promise<Versioned<CampaignView>> {
  const campaign = found(await deps.repos.campaigns.get(tenantId, id), "CAMPAIGN_NOT_FOUND");
  return campaignView(deps, runner, tenantId, campaign);
}

export async function recentCampaigns(
  deps: ServiceDeps,
  runner: CampaignRunner,
  tenantId: string,
): Promise<CampaignView[]> {
  const recent = await deps.repos.campaigns.recent(tenantId);
  const views = await Promise.all(recent.map((c) => campaignView(deps, runner, tenantId, c)));
  return views.map((v) => v.value);
}

/**
 * Pause, resume, cancel or *Renvoyer*, under the ETag the caller read. Cancel leaves the unproposed items
 * `cancelled`; *Renvoyer* puts the failed items back to run (those already proposed ask the pipeline again).
 */
export async function actOnCampaign(
  deps: ServiceDeps,
  runner: CampaignRunner,
  ctx: Ctx,
  id: string,
  action: CampaignAction,
  ifMatch: string,
): Promise<Versioned<CampaignView>> {
  const { repos } = deps;
  const current = found(await repos.campaigns.get(ctx.tenantId, id), "CAMPAIGN_NOT_FOUND");
  if (current.etag !== ifMatch) throw new AppError("CONFLICT");
  const counts = await repos.campaigns.count(ctx.tenantId, id);
  const status = effectiveCampaignStatus(current.value.status, counts.pending + counts.inviting);
  const next = nextCampaignStatus(status, action);
  const at = ctx.now.toISOString();
  const finished = counts.done + counts.failed;
  const updated: Campaign = {
    ...current.value,
    status: next,
    endedAt: next === "cancelled" ? at : next === "running" ? null : current.value.endedAt,
    ...(next === "running" && (status !== "running" || action === "retry-failed")
      ? { runningSince: at, finishedAtRunStart: action === "retry-failed" ? finished - counts.failed : finished }
      : {}),
  };
  if (action === "retry-failed") await reopenFailed(deps, ctx, id);
  const etag = await repos.campaigns.save(ctx.tenantId, updated, current.etag);
  if (action === "cancel") await cancelPending(deps, ctx, id);
  if (next === "running") await runner.schedule(ctx.tenantId, id);
  return campaignView(deps, runner, ctx.tenantId, { value: updated, etag });
}

/** The failed items, sorted by contact then dossier, with their reason in the caller's language. */
export async function campaignFailures(
  deps: ServiceDeps,
  tenantId: string,
  id: string,
  locale: Locale,
): Promise<CampaignFailure[]> {
  found(await deps.repos.campaigns.get(tenantId, id), "CAMPAIGN_NOT_FOUND");
  const items = await deps.repos.campaigns.items(tenantId, id);
  return items
    .map((i) => i.value)
    .filter((i) => i.status === "failed")
    .sort((a, b) => a.contactName.localeCompare(b.contactName, locale) || a.dossierCode.localeCompare(b.dossierCode))
    .map((i) => {
      const code = i.error?.code ?? "INTERNAL";
      const known = isAppErrorCode(code) ? code : "INTERNAL";
      return {
        contactId: i.contactId,
        contactName: i.contactName,
        email: i.email,
        dossierId: i.dossierId,
        dossierCode: i.dossierCode,
        dossierName: i.dossierName,
        code,
        messageKey: errorMessageKey(known),
        // The values the catalogue's messages name (the proposal's own errors carry these two).
        message: translate(locale, errorMessageKey(known), { dossier: i.dossierCode, email: i.email }),
        at: i.error?.at ?? i.updatedAt,
      };
    });
}

async function campaignView(
  deps: ServiceDeps,
  runner: CampaignRunner,
  tenantId: string,
  campaign: Versioned<Campaign>,
): Promise<Versioned<CampaignView>> {
  const counts = await deps.repos.campaigns.count(tenantId, campaign.value.id);
  const pending = counts.pending + counts.inviting;
  let { value, etag } = campaign;
  const status = effectiveCampaignStatus(value.status, pending);
  if (status !== value.status) {
    // Whoever reads it first records the end, dated by its last item (not by the read); a lost race means someone
    // else did (or moved it on).
    const ended = { ...value, status, endedAt: counts.lastUpdatedAt ?? deps.now().toISOString() };
    try {
      etag = await deps.repos.campaigns.save(tenantId, ended, etag);
      value = ended;
    } catch (e) {
      if (!(e instanceof AppError && e.code === "CONFLICT")) throw e;
      const fresh = found(await deps.repos.campaigns.get(tenantId, value.id), "CAMPAIGN_NOT_FOUND");
      ({ value, etag } = fresh);
    }
  }
  const secondsThisRun = (deps.now().getTime() - Date.parse(value.runningSince)) / 1000;
  const view: CampaignView = {
    id: value.id,
    kind: value.kind,
    serviceId: value.serviceId,
    status: value.status,
    startedAt: value.startedAt,
    startedBy: value.startedBy,
    endedAt: value.endedAt,
    total: value.total,
    done: counts.done,
    failed: counts.failed,
    pending,
    cancelled: counts.cancelled,
    estimatedSecondsLeft: estimateSecondsLeft({
      status: value.status,
      pending,
      finishedThisRun: counts.done + counts.failed - value.finishedAtRunStart,
      secondsThisRun,
      perWindow: runner.invitationsPerWindow,
      windowSeconds: runner.invitationWindowSeconds,
    }),
    etag,
  };
  return { value: view, etag };
}

async function expandSelection(deps: ServiceDeps, ctx: Ctx, input: CampaignStartInput): Promise<CampaignItem[]> {
  const { repos } = deps;
  const pairs: { contactId: string; dossierId: string }[] = [];
  const contacts = new Map<string, Contact>();
  const dossiers = new Map<string, Dossier>();
  if (input.kind === "contacts" && input.contactIds.length >= LIST_FROM) {
    const ids = new Set(input.contactIds);
    const [listed, links] = await Promise.all([
      collectWhere(repos.contacts.all(ctx.tenantId), (c) => ids.has(c.value.id)),
      collectWhere(repos.links.allByContact(ctx.tenantId), (l) => ids.has(l.value.contactId)),
    ]);
    for (const c of listed) contacts.set(c.value.id, c.value);
    for (const id of ids) if (!contacts.has(id)) throw new AppError("CONTACT_NOT_FOUND");
    for (const { value: l } of links)
      if (!input.dossierId || l.dossierId === input.dossierId)
        pairs.push({ contactId: l.contactId, dossierId: l.dossierId });
  } else if (input.kind === "contacts") {
    const ids = [...new Set(input.contactIds)];
    const links = await mapLimited(ids, READ_CONCURRENCY, async (contactId) => {
      const [contact, linked] = await Promise.all([
        repos.contacts.get(ctx.tenantId, contactId),
        repos.links.listByContact(ctx.tenantId, contactId),
      ]);
      contacts.set(contactId, found(contact, "CONTACT_NOT_FOUND").value);
      return linked.map((l) => l.value);
    });
    for (const l of links.flat())
      if (!input.dossierId || l.dossierId === input.dossierId)
        pairs.push({ contactId: l.contactId, dossierId: l.dossierId });
  } else {
    const ids = [...new Set(input.dossierIds)];
    const links = await mapLimited(ids, READ_CONCURRENCY, async (dossierId) => {
      const [dossier, linked] = await Promise.all([
        repos.dossiers.get(ctx.tenantId, dossierId),
        repos.links.listByDossier(ctx.tenantId, dossierId),
      ]);
      dossiers.set(dossierId, found(dossier, "DOSSIER_NOT_FOUND").value);
      return linked;
    });
    for (const l of links.flat()) pairs.push({ contactId: l.contactId, dossierId: l.dossierId });
  }
  // Past the limit, refuse before reading names for thousands of pairs.
  if (pairs.length > MAX_CAMPAIGN_ITEMS)
    throw new AppError("CAMPAIGN_TOO_LARGE", { max: MAX_CAMPAIGN_ITEMS, count: pairs.length });
  // Names for the failures report: only what the first reads did not bring.
  const contactIds = [...new Set(pairs.map((p) => p.contactId))].filter((id) => !contacts.has(id));
  const dossierIds = [...new Set(pairs.map((p) => p.dossierId))].filter((id) => !dossiers.has(id));
  const contactIdSet = new Set(contactIds);
  const dossierIdSet = new Set(dossierIds);
  const [moreContacts, moreDossiers] = await Promise.all([
    contactIds.length >= LIST_FROM
      ? collectWhere(repos.contacts.all(ctx.tenantId), (c) => contactIdSet.has(c.value.id))
      : mapLimited(contactIds, READ_CONCURRENCY, (id) => repos.contacts.get(ctx.tenantId, id)),
    dossierIds.length >= LIST_FROM
      ? collectWhere(repos.dossiers.all(ctx.tenantId), (d) => dossierIdSet.has(d.value.id))
      : mapLimited(dossierIds, READ_CONCURRENCY, (id) => repos.dossiers.get(ctx.tenantId, id)),
  ]);
  for (const c of moreContacts) if (c) contacts.set(c.value.id, c.value);
  for (const d of moreDossiers) if (d) dossiers.set(d.value.id, d.value);
  const at = ctx.now.toISOString();
  return pairs.flatMap(({ contactId, dossierId }) => {
    const contact = contacts.get(contactId);
    const dossier = dossiers.get(dossierId);
    if (!contact || !dossier) return [];
    return [
      {
        contactId,
        dossierId,
        contactName: contactDisplayName(contact),
        email: contact.email,
        dossierCode: dossier.code,
        dossierName: dossier.name,
        status: "pending" as const,
        subscriptionId: null,
        error: null,
        resend: false,
        updatedAt: at,
      },
    ];
  });
}

async function reopenFailed(deps: ServiceDeps, ctx: Ctx, id: string): Promise<void> {
  const at = ctx.now.toISOString();
  const failed = (await deps.repos.campaigns.items(ctx.tenantId, id)).filter((i) => i.value.status === "failed");
  await deps.repos.campaigns.saveItems(
    ctx.tenantId,
    id,
    failed.map((i) => ({
      etag: i.etag,
      value: {
        ...i.value,
        // Proposed already: the pipeline is asked again; else the proposal itself runs again.
        status: i.value.subscriptionId ? ("inviting" as const) : ("pending" as const),
        resend: i.value.subscriptionId !== null,
        error: null,
        updatedAt: at,
      },
    })),
  );
}

async function cancelPending(deps: ServiceDeps, ctx: Ctx, id: string): Promise<void> {
  const at = ctx.now.toISOString();
  // An item a worker is proposing right now wins its race (CONFLICT here): its proposal stands and is reported.
  for (let attempt = 0; attempt < 5; attempt++) {
    const pending = (await deps.repos.campaigns.items(ctx.tenantId, id)).filter((i) => i.value.status === "pending");
    try {
      await deps.repos.campaigns.saveItems(
        ctx.tenantId,
        id,
        pending.map((i) => ({ etag: i.etag, value: { ...i.value, status: "cancelled" as const, updatedAt: at } })),
      );
      return;
    } catch (e) {
      if (!(e instanceof AppError && e.code === "CONFLICT")) throw e;
    }
  }
}

async function collectWhere<T>(rows: AsyncIterable<T>, keep: (row: T) => boolean): Promise<T[]> {
  const out: T[] = [];
  for await (const row of rows) if (keep(row)) out.push(row);
  return out;
}
