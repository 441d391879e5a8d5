import {
  createDossier,
  dossierCreateInputSchema,
  defaultFirmSettings,
  isAppError,
  type Actor,
  type AppError,
  type Contact,
  type Dossier,
  type DossierCreateInput,
  type DossierLink,
  type FirmSettings,
  type Principal,
  type ServiceSubscription,
} from "../../src";

export const NOW = new Date("2025-03-15T10:00:00.000Z");
export const LATER = new Date("2025-03-16T08:30:00.000Z");
export const STAFF: Actor = { oid: "staff-oid-1", name: "Sophie Bernard" };
export const TENANT = "firm-tenant-id";

/** A parsed and created dossier; valid by construction (goes through the create schema). */
export function makeDossier(overrides: Partial<DossierCreateInput> = {}, id = "dossier-1"): Dossier {
  const data = dossierCreateInputSchema.parse({
    code: "RPTEST2",
    name: "RPTEST2",
    siren: "798456125",
    etablissements: [
      { code: "001", name: "Siège social", siret: "79845612500011" },
      { code: "002", name: "Magasin", siret: "79845612500029" },
    ],
    ...overrides,
  });
  return createDossier(data, { id, now: NOW });
}

export function withOffer(dossier: Dossier, active = true): Dossier {
  return {
    ...dossier,
    offers: {
      consultation: { active, activatedAt: active ? NOW.toISOString() : null, activatedBy: active ? STAFF : null },
    },
  };
}

export function withExtension(dossier: Dossier, extensionActive = true): Dossier {
  return {
    ...dossier,
    collaborativeWidget: { initialized: true, extensionActive, at: NOW.toISOString(), by: STAFF },
  };
}

export function settingsWith(consultation: Partial<FirmSettings["subscriptions"]["consultation"]>): FirmSettings {
  const base = defaultFirmSettings("Cabinet Durand & Associés");
  return {
    ...base,
    subscriptions: { consultation: { ...base.subscriptions.consultation, active: true, ...consultation } },
  };
}

export function makeContact(overrides: Partial<Contact> = {}): Contact {
  return {
    id: "contact-1",
    nom: "Collaboratif",
    prenom: "Client",
    email: "client.collaboratif@exemple.fr",
    phone: null,
    mobile: null,
    roleId: "role-dirigeant",
    preferredLocale: "fr",
    guest: { tenantId: TENANT, objectId: "guest-oid-1", invitedAt: NOW.toISOString() },
    lastSignInAt: null,
    createdAt: NOW.toISOString(),
    updatedAt: NOW.toISOString(),
    ...overrides,
  };
}

export function makeSubscription(overrides: Partial<ServiceSubscription> = {}): ServiceSubscription {
  const status = overrides.status ?? "proposed";
  return {
    id: "sub-1",
    contactId: "contact-1",
    dossierId: "dossier-1",
    serviceId: "consultation",
    status,
    history: [{ status, at: NOW.toISOString(), by: STAFF }],
    lastError: null,
    ...overrides,
  };
}

export function clientPrincipal(overrides: Partial<Principal> = {}): Principal {
  return {
    tenantId: TENANT,
    oid: "guest-oid-1",
    name: "Client Collaboratif",
    username: "client.collaboratif@exemple.fr",
    roles: [],
    kind: "client",
    ...overrides,
  };
}

/** Runs `fn` and returns the AppError it throws (rethrowing anything else); `undefined` if none. */
export function thrown(fn: () => unknown): AppError | undefined {
  try {
    fn();
  } catch (e) {
    if (isAppError(e)) return e;
    throw e;
  }
  return undefined;
}

/** contact-1 on dossier-1 for the whole dossier ("-"), as created by STAFF at NOW. */
export function wholeDossierLink(): DossierLink {
  return {
    contactId: "contact-1",
    dossierId: "dossier-1",
    limitedTo: "-",
    createdAt: NOW.toISOString(),
    createdBy: STAFF,
    updatedAt: NOW.toISOString(),
  };
}
