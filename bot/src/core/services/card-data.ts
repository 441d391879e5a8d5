import {
  contactCard,
  contactDisplayName,
  dossierCard,
  findService,
  notificationCard,
  proposalCard,
  serviceLabel,
  statusCard,
  welcomeCard,
  type AdaptiveCard,
  type DossierSummary,
  type Locale,
  type NotificationKind,
  type ProposalCardInput,
  type SubscriptionStatus,
} from "@comptoir/shared";
import type { ServiceDeps } from "./context";
import { contactDetail } from "./contacts";
import { dossierDetail } from "./dossiers";
import { getSettings } from "./settings";
import { clientSpaceLink, staffDossierLink, type AppLinks } from "./app-links";

/**
 * Loads what each card shows through the same domain services the tab uses, then builds the card
 * in the reader's language. Nothing here decides who may see what: callers check that first.
 */

async function serviceLabels(deps: ServiceDeps, tenantId: string, locale: Locale): Promise<(id: string) => string> {
  const settings = await getSettings(deps, tenantId);
  return (id) => {
    const service = findService(settings.value.services, id);
    return service ? serviceLabel(service, locale) : id;
  };
}

export async function dossierCardFor(
  deps: ServiceDeps,
  links: AppLinks,
  tenantId: string,
  summary: DossierSummary,
  locale: Locale,
): Promise<AdaptiveCard> {
  const [detail, label] = await Promise.all([
    dossierDetail(deps, tenantId, summary.id),
    serviceLabels(deps, tenantId, locale),
  ]);
  const services = detail.value.contacts.flatMap(({ contact, subscriptions }) =>
    subscriptions.map((s) => ({
      contactName: contactDisplayName(contact),
      serviceLabel: label(s.serviceId),
      status: s.status,
    })),
  );
  return dossierCard({ locale, dossier: summary, services, openLink: staffDossierLink(links, summary.id) });
}

export async function statusCardFor(
  deps: ServiceDeps,
  tenantId: string,
  dossierId: string,
  locale: Locale,
): Promise<AdaptiveCard> {
  const [detail, label] = await Promise.all([
    dossierDetail(deps, tenantId, dossierId),
    serviceLabels(deps, tenantId, locale),
  ]);
  const { dossier, contacts } = detail.value;
  const rows = contacts.flatMap(({ contact, subscriptions }) =>
    subscriptions.map((s) => ({
      contactName: contactDisplayName(contact),
      serviceLabel: label(s.serviceId),
      status: s.status,
      lastSignInAt: contact.lastSignInAt,
    })),
  );
  return statusCard({ locale, dossier: { id: dossier.id, code: dossier.code, name: dossier.name }, rows });
}

/** The proposal form: the dossier's linked contacts and the services that can be proposed now. */
export async function proposalCardFor(
  deps: ServiceDeps,
  tenantId: string,
  dossierId: string,
  locale: Locale,
  extra: Pick<ProposalCardInput, "error" | "selected"> = {},
): Promise<AdaptiveCard> {
  const [detail, settings] = await Promise.all([dossierDetail(deps, tenantId, dossierId), getSettings(deps, tenantId)]);
  const { dossier, contacts } = detail.value;
  return proposalCard({
    locale,
    dossier: { id: dossier.id, code: dossier.code, name: dossier.name },
    contacts: contacts.map(({ contact }) => ({
      id: contact.id,
      name: contactDisplayName(contact),
      email: contact.email,
    })),
    services: settings.value.services
      .filter((s) => s.active)
      .map((s) => ({ id: s.id, label: serviceLabel(s, locale) })),
    ...extra,
  });
}

export async function contactCardFor(
  deps: ServiceDeps,
  tenantId: string,
  contactId: string,
  locale: Locale,
): Promise<AdaptiveCard> {
  const detail = await contactDetail(deps, tenantId, contactId);
  const { contact, dossiers } = detail.value;
  const role = await deps.repos.roles.get(tenantId, contact.roleId);
  return contactCard({
    locale,
    contact: {
      name: contactDisplayName(contact),
      email: contact.email,
      phone: contact.phone,
      mobile: contact.mobile,
      lastSignInAt: contact.lastSignInAt,
    },
    roleLabel: role?.value.label ?? "",
    dossiers: dossiers.map(({ dossier }) => ({ code: dossier.code, name: dossier.name })),
  });
}

/**
 * The client's welcome card for one subscription, in the contact's preferred language, showing the
 * status as it is now; `null` when the subscription, its contact or its dossier no longer exists.
 */
export async function welcomeCardFor(
  deps: ServiceDeps,
  links: AppLinks,
  tenantId: string,
  subscriptionId: string,
  userIds: readonly string[],
  locale?: Locale,
): Promise<{ card: AdaptiveCard; locale: Locale; status: SubscriptionStatus; contactId: string } | null> {
  const sub = await deps.repos.subscriptions.get(tenantId, subscriptionId);
  if (!sub) return null;
  const [contact, dossier, settings] = await Promise.all([
    deps.repos.contacts.get(tenantId, sub.value.contactId),
    deps.repos.dossiers.get(tenantId, sub.value.dossierId),
    getSettings(deps, tenantId),
  ]);
  if (!contact || !dossier) return null;
  const lang = locale ?? contact.value.preferredLocale;
  const service = findService(settings.value.services, sub.value.serviceId);
  const card = welcomeCard({
    locale: lang,
    firmName: settings.value.name,
    dossier: { code: dossier.value.code, name: dossier.value.name },
    serviceLabel: service ? serviceLabel(service, lang) : sub.value.serviceId,
    status: sub.value.status,
    spaceLink: clientSpaceLink(links),
    subscriptionId,
    userIds,
  });
  return { card, locale: lang, status: sub.value.status, contactId: contact.value.id };
}

export interface NotificationData {
  event: NotificationKind;
  contactName: string;
  dossier: { id: string; code: string; name: string };
  serviceId: string | null;
  at: string;
}

export async function notificationCardFor(
  deps: ServiceDeps,
  tenantId: string,
  data: NotificationData,
  locale: Locale,
): Promise<AdaptiveCard> {
  const label = data.serviceId ? (await serviceLabels(deps, tenantId, locale))(data.serviceId) : undefined;
  return notificationCard({
    locale,
    kind: data.event,
    contactName: data.contactName,
    dossier: data.dossier,
    at: data.at,
    ...(label ? { serviceLabel: label } : {}),
  });
}
