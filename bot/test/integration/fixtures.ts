import { expect } from "vitest";
import type { Contact, Dossier, FirmSettings, OrganisationalRole } from "@comptoir/shared";
import { call, PERSONS, type TestApp } from "./harness";

let counter = 0;
export const unique = (prefix: string) => `${prefix}${Date.now().toString(36)}${(counter++).toString(36)}`;

export async function setSubscription(
  app: TestApp,
  consultation: FirmSettings["subscriptions"]["consultation"],
): Promise<void> {
  const current = await call<FirmSettings>(app, "GET", "/settings", { as: PERSONS.admin });
  expect(current.status).toBe(200);
  const res = await call(app, "PUT", "/settings", {
    as: PERSONS.admin,
    etag: current.etag,
    body: { ...current.body, subscriptions: { consultation } },
  });
  expect(res.status).toBe(200);
}

export async function newDossier(
  app: TestApp,
  extra: Record<string, unknown> = {},
): Promise<{ dossier: Dossier; etag: string }> {
  const res = await call<Dossier>(app, "POST", "/dossiers", {
    body: { code: unique("D").slice(0, 20), name: "Boulangerie Test", ...extra },
  });
  expect(res.status).toBe(201);
  return { dossier: res.body, etag: res.etag ?? "" };
}

export async function newRole(app: TestApp): Promise<OrganisationalRole> {
  const res = await call<OrganisationalRole>(app, "POST", "/roles", { body: { label: unique("Rôle ") } });
  expect(res.status).toBe(201);
  return res.body;
}

export async function newContact(
  app: TestApp,
  roleId: string,
  extra: Record<string, unknown> = {},
): Promise<{ contact: Contact; etag: string }> {
  const res = await call<Contact>(app, "POST", "/contacts", {
    body: { nom: "Collaboratif", prenom: "Client", email: `${unique("c")}@exemple.fr`, roleId, ...extra },
  });
  expect(res.status).toBe(201);
  return { contact: res.body, etag: res.etag ?? "" };
}

/** A dossier with the Consultation offer active (the firm subscription is switched on first). */
export async function dossierWithOffer(
  app: TestApp,
  extra: Record<string, unknown> = {},
): Promise<{ dossier: Dossier; etag: string }> {
  await setSubscription(app, { active: true, maxDossiers: null, until: null });
  const { dossier, etag } = await newDossier(app, extra);
  const res = await call<Dossier>(app, "PUT", `/dossiers/${dossier.id}/offers/consultation`, {
    etag,
    body: { active: true },
  });
  expect(res.status).toBe(200);
  return { dossier: res.body, etag: res.etag ?? "" };
}
