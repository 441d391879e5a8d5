import type { WaitingSociete } from "@comptoir/shared/api/client-space";
import {
  AppError,
  canClientConsult,
  contactDisplayName,
  explainClientAccess,
  isConsultable,
  isLive,
  isBoundTo,
  transitionSubscription,
  visibleEtablissements,
  type ClientFiche,
  type ClientSociete,
  type Contact,
  type Dossier,
  type FirmSettings,
  type DossierLink,
  type Principal,
  type ServiceSubscription,
  searchable,
} from "@comptoir/shared";
import { found, type ServiceDeps } from "./context";
import { getSettings } from "./settings";

/** A client request's view of the world: the bound contact and what it is linked to. */
interface ClientWorld {
  contact: Contact | null;
  links: DossierLink[];
  subscriptions: ServiceSubscription[];
  dossiers: Dossier[];
}

/** Sign-ins are written at most this often per contact, so reads do not become writes. */
const SIGN_IN_WRITE_INTERVAL_MS = 15 * 60_000;

export type ClientEventListener = (
  tenantId: string,
  event: { kind: "firstSignIn" | "accepted" | "earlyArrival"; contact: Contact; subscription: ServiceSubscription },
) => Promise<void>;

/**
 * Binds the token to a contact through the guest object id recorded at invitation time (never the
 * e-mail), records the sign-in, and moves the contact's invited/accepted services to active.
 */
async function loadWorld(
  deps: ServiceDeps & { onClientEvent?: ClientEventListener },
  principal: Principal,
): Promise<ClientWorld> {
  const { repos } = deps;
  const contactId = await repos.contacts.findIdByGuest(principal.tenantId, principal.oid);
  const stored = contactId ? await repos.contacts.get(principal.tenantId, contactId) : null;
  if (!stored || !isBoundTo(principal, stored.value))
    return { contact: null, links: [], subscriptions: [], dossiers: [] };
  const [links, subscriptions] = await Promise.all([
    repos.links.listByContact(principal.tenantId, stored.value.id),
    repos.subscriptions.listByContact(principal.tenantId, stored.value.id),
  ]);
  const dossiers = (
    await Promise.all(links.map((l) => repos.dossiers.get(principal.tenantId, l.value.dossierId)))
  ).flatMap((d) => (d ? [d.value] : []));
  const world = { contact: stored.value, links: links.map((l) => l.value), subscriptions, dossiers };
  await recordSignIn(deps, principal, stored.value, stored.etag, world);
  return world;
}

async function recordSignIn(
  deps: ServiceDeps & { onClientEvent?: ClientEventListener },
  principal: Principal,
  contact: Contact,
  etag: string,
  world: ClientWorld,
): Promise<void> {
  const now = deps.now();
  const actor = { oid: principal.oid, name: principal.name };
  const pending = world.subscriptions.filter((s) => s.status === "invited" || s.status === "accepted");
  const last = contact.lastSignInAt ? Date.parse(contact.lastSignInAt) : 0;
  if (pending.length === 0 && now.getTime() - last < SIGN_IN_WRITE_INTERVAL_MS) return;

  for (const sub of pending) {
    const current = await deps.repos.subscriptions.get(principal.tenantId, sub.id);
    if (!current) continue;
    let next = current.value;
    if (next.status === "invited") next = transitionSubscription(next, "accepted", actor, now);
    if (next.status === "accepted") next = transitionSubscription(next, "active", actor, now);
    try {
      await deps.repos.subscriptions.update(principal.tenantId, current.value, next, current.etag);
    } catch (e) {
      if (e instanceof AppError && e.code === "CONFLICT") continue; // another request did it
      throw e;
    }
    await deps.projections.putSubscription(principal.tenantId, next);
    world.subscriptions = world.subscriptions.map((s) => (s.id === next.id ? next : s));
    if (sub.status === "invited")
      await deps.onClientEvent?.(principal.tenantId, { kind: "accepted", contact, subscription: next });
    if (contact.lastSignInAt === null)
      await deps.onClientEvent?.(principal.tenantId, { kind: "firstSignIn", contact, subscription: next });
  }
  const updated = { ...contact, lastSignInAt: now.toISOString() };
  try {
    await deps.repos.contacts.update(principal.tenantId, contact, updated, etag);
    await deps.projections.putContact(principal.tenantId, updated);
  } catch (e) {
    if (!(e instanceof AppError && e.code === "CONFLICT")) throw e;
  }
}

function allowedDossiers(principal: Principal, world: ClientWorld): Dossier[] {
  return world.dossiers.filter((dossier) =>
    canClientConsult({
      principal,
      contact: world.contact,
      links: world.links,
      subscriptions: world.subscriptions,
      dossier,
    }),
  );
}

/**
 * The sociétés the client holds a service on but cannot consult yet, because the firm has not opened the space
 * (offer or collaborative extension inactive). The first time a client meets one, the firm is told: one row per
 * (dossier, contact), insert-only, so reloads and other instances tell it nothing more.
 */
async function waitingSocietes(
  deps: ServiceDeps & { onClientEvent?: ClientEventListener },
  principal: Principal,
  world: ClientWorld,
): Promise<WaitingSociete[]> {
  const { contact } = world;
  if (!contact) return [];
  const waiting: WaitingSociete[] = [];
  for (const dossier of world.dossiers) {
    const decision = explainClientAccess({
      principal,
      contact,
      links: world.links,
      subscriptions: world.subscriptions,
      dossier,
    });
    if (decision.allowed || (decision.reason !== "offer-inactive" && decision.reason !== "extension-inactive"))
      continue;
    waiting.push({ dossierId: dossier.id, name: dossier.name, reason: decision.reason });
    const subscription = world.subscriptions.find((s) => s.dossierId === dossier.id && isLive(s) && isConsultable(s));
    const arrival = {
      dossierId: dossier.id,
      contactId: contact.id,
      contactName: contactDisplayName(contact),
      reason: decision.reason,
      at: deps.now().toISOString(),
    };
    if (subscription && (await deps.repos.earlyArrivals.record(principal.tenantId, arrival)))
      await deps.onClientEvent?.(principal.tenantId, { kind: "earlyArrival", contact, subscription });
  }
  return waiting;
}

export async function listSocietes(
  deps: ServiceDeps & { onClientEvent?: ClientEventListener },
  principal: Principal,
  query: { q?: string | undefined; dir: "asc" | "desc" },
) {
  const [world, settings] = await Promise.all([loadWorld(deps, principal), getSettings(deps, principal.tenantId)]);
  const q = query.q ? searchable(query.q) : "";
  const items: ClientSociete[] = allowedDossiers(principal, world)
    .filter((d) => !q || searchable(`${d.name} ${d.code} ${d.siren ?? ""}`).includes(q))
    .map((d) => ({
      dossierId: d.id,
      code: d.code,
      name: d.name,
      siren: d.siren,
      legalForm: d.legalForm,
      city: d.address?.city ?? null,
    }))
    .sort((a, b) => a.name.localeCompare(b.name, "fr", { sensitivity: "base" }) * (query.dir === "asc" ? 1 : -1));
  const waiting = await waitingSocietes(deps, principal, world);
  return { items, total: items.length, bound: world.contact !== null, firmName: settings.value.name, waiting };
}

/** The fiche société; CLIENT_NO_ACCESS as soon as the access rule says no (revocation takes effect at the next request). */
export async function ficheSociete(deps: ServiceDeps, principal: Principal, dossierId: string): Promise<ClientFiche> {
  const [world, settings] = await Promise.all([loadWorld(deps, principal), getSettings(deps, principal.tenantId)]);
  const dossier = found(
    allowedDossiers(principal, world).find((d) => d.id === dossierId),
    "CLIENT_NO_ACCESS",
  );
  const visible = new Set(
    visibleEtablissements({
      principal,
      contact: world.contact,
      links: world.links,
      subscriptions: world.subscriptions,
      dossier,
    }),
  );
  return {
    dossierId: dossier.id,
    code: dossier.code,
    name: dossier.name,
    siren: dossier.siren,
    legalForm: dossier.legalForm,
    address: dossier.address,
    nafCode: dossier.nafCode,
    fiscalYearEnd: dossier.fiscalYearEnd,
    etablissements: dossier.etablissements.filter((e) => visible.has(e.code)),
    firm: firmContact(settings.value, dossier),
  };
}

/** The dossier's collaborateur as clients see them: the name, and the e-mail and phone Paramètres gives. */
function firmContact(settings: FirmSettings, dossier: Dossier): ClientFiche["firm"] {
  const responsible = dossier.responsible;
  const details = responsible ? settings.staffContacts.find((c) => c.oid === responsible.oid) : undefined;
  return {
    name: settings.name,
    contactName: responsible?.name ?? null,
    contactEmail: details?.email ?? null,
    contactPhone: details?.phone ?? null,
  };
}
