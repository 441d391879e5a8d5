import {
  AppError,
  contactDisplayName,
  findService,
  isAppError,
  parseActionData,
  importNoticePreferenceCard,
  proposalResultCard,
  serviceLabel,
  VERBS,
  type AdaptiveCard,
  type Locale,
  type Verb,
} from "@comptoir/shared";
import type { Ctx, ServiceDeps } from "../core/services/context";
import { getSettings } from "../core/services/settings";
import { setImportNoticePreference } from "../core/services/import-notice-prefs";
import { propose } from "../core/services/subscriptions";
import { proposalCardFor, statusCardFor, welcomeCardFor } from "../core/services/card-data";
import type { Caller } from "./identity";
import type { AppLinks } from "../core/services/app-links";
import { errorCardFor, errorMessage, refusalCard } from "./replies";
import { viewSharedDossier } from "./dossier-view";
import type { StaffCaller } from "./turn";

export interface ActionKit {
  deps: ServiceDeps;
  links: AppLinks;
}

export interface ActionResult {
  card: AdaptiveCard;
  /** The card replaces the one acted on for everyone, not only for the person who clicked. */
  replaceForAll: boolean;
}

const only = (card: AdaptiveCard): ActionResult => ({ card, replaceForAll: false });

/**
 * One card action, whichever way it arrived (Action.Execute invoke or Action.Submit message): checks who
 * may do it, parses its data with the verb's schema, runs the same domain service as the tab.
 */
export async function runAction(
  kit: ActionKit,
  verb: Verb,
  data: unknown,
  caller: Caller,
  locale: Locale,
  /** The Teams id (MRI) of who acted: a refreshed welcome card keeps refreshing itself for them. */
  fromId: string,
): Promise<ActionResult> {
  if (verb === VERBS.refreshWelcome) return only(await refreshWelcome(kit, data, caller, locale, fromId));
  if (verb === VERBS.importNotices) return only(await setImportNotices(kit, data, caller, locale));
  if (verb === VERBS.viewDossier) return only(await viewSharedDossier(kit, data, caller, locale, fromId));
  if (caller.kind !== "staff") return only(refusalCard(locale, caller));
  try {
    switch (verb) {
      case VERBS.propose:
        return await proposeAction(kit, data, caller, locale);
      case VERBS.openProposal: {
        const { dossierId } = parsed(verb, data);
        return only(await proposalCardFor(kit.deps, caller.tenantId, dossierId, locale));
      }
      case VERBS.refreshStatus: {
        const { dossierId } = parsed(verb, data);
        return only(await statusCardFor(kit.deps, caller.tenantId, dossierId, locale));
      }
    }
  } catch (e) {
    if (!isAppError(e)) console.error(`[bot] action ${verb} failed`, e);
    return only(errorCardFor(locale, e));
  }
}

function parsed<V extends Verb>(verb: V, data: unknown) {
  const result = parseActionData(verb, data);
  if (!result.success) throw new AppError("VALIDATION_FAILED");
  return result.data;
}

/** *Proposer*: the proposal card comes back with the error inside when the domain refuses. */
async function proposeAction(
  kit: ActionKit,
  data: unknown,
  caller: StaffCaller,
  locale: Locale,
): Promise<ActionResult> {
  const { deps } = kit;
  const raw = typeof data === "object" && data !== null ? (data as Record<string, unknown>) : {};
  const text = (v: unknown) => (typeof v === "string" && v !== "" ? v : undefined);
  const dossierId = text(raw.dossierId);
  const selected = {
    ...(text(raw.contactId) ? { contactId: text(raw.contactId) } : {}),
    ...(text(raw.serviceId) ? { serviceId: text(raw.serviceId) } : {}),
  };
  const failed = async (error: unknown): Promise<ActionResult> => {
    if (!isAppError(error)) console.error("[bot] proposal failed", error);
    if (!dossierId) return only(errorCardFor(locale, error));
    const shown = errorMessage(locale, error);
    return only(
      await proposalCardFor(deps, caller.tenantId, dossierId, locale, { error: shown, selected }).catch(() =>
        errorCardFor(locale, error),
      ),
    );
  };

  const input = parseActionData(VERBS.propose, data);
  if (!input.success) return failed(new AppError("VALIDATION_FAILED"));
  const { contactId, serviceId } = input.data;
  const ctx: Ctx = { tenantId: caller.tenantId, actor: { oid: caller.oid, name: caller.name }, now: deps.now() };
  try {
    const { subscription, created } = await propose(deps, ctx, contactId, input.data.dossierId, serviceId);
    const [contact, dossier, settings] = await Promise.all([
      deps.repos.contacts.get(caller.tenantId, subscription.contactId),
      deps.repos.dossiers.get(caller.tenantId, subscription.dossierId),
      getSettings(deps, caller.tenantId),
    ]);
    if (!dossier) throw new AppError("DOSSIER_NOT_FOUND");
    const service = findService(settings.value.services, subscription.serviceId);
    const first = subscription.history[0];
    const card = proposalResultCard({
      locale,
      dossier: { id: dossier.value.id, code: dossier.value.code, name: dossier.value.name },
      contactName: contact ? contactDisplayName(contact.value) : "",
      serviceLabel: service ? serviceLabel(service, locale) : subscription.serviceId,
      status: subscription.status,
      created,
      ...(first?.by.name ? { proposedBy: first.by.name } : {}),
      ...(first ? { at: first.at } : {}),
    });
    return { card, replaceForAll: true };
  } catch (e) {
    return failed(e);
  }
}

/** `welcome.refresh`: the current status, for the client the subscription belongs to, or for staff; nobody else. */
async function refreshWelcome(
  kit: ActionKit,
  data: unknown,
  caller: Caller,
  locale: Locale,
  fromId: string,
): Promise<AdaptiveCard> {
  if (caller.kind !== "staff" && caller.kind !== "client") return refusalCard(locale, caller);
  try {
    const { subscriptionId } = parsed(VERBS.refreshWelcome, data);
    const sub = await kit.deps.repos.subscriptions.get(caller.tenantId, subscriptionId);
    if (!sub) throw new AppError("SUBSCRIPTION_NOT_FOUND");
    if (caller.kind === "client" && sub.value.contactId !== caller.contactId) throw new AppError("FORBIDDEN");
    const userIds = caller.kind === "client" && fromId ? [fromId] : [];
    const welcome = await welcomeCardFor(kit.deps, kit.links, caller.tenantId, subscriptionId, userIds, locale);
    if (!welcome) throw new AppError("SUBSCRIPTION_NOT_FOUND");
    return welcome.card;
  } catch (e) {
    if (!isAppError(e)) console.error("[bot] welcome refresh failed", e);
    return errorCardFor(locale, e);
  }
}

/** `notices.set` (*Ne plus me prévenir*): the calling client's own preference, nobody else's. */
async function setImportNotices(kit: ActionKit, data: unknown, caller: Caller, locale: Locale): Promise<AdaptiveCard> {
  if (caller.kind !== "client") return refusalCard(locale, caller);
  try {
    const { dossierId, enabled } = parsed(VERBS.importNotices, data);
    await setImportNoticePreference(kit.deps, caller.tenantId, caller.contactId, { enabled });
    return importNoticePreferenceCard({ locale, dossierId, enabled });
  } catch (e) {
    if (!isAppError(e)) console.error("[bot] import notice preference failed", e);
    return errorCardFor(locale, e);
  }
}
