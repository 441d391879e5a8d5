import { expect } from "vitest";
import type { Contact, Dossier, FirmSettings, OrganisationalRole, ServiceSubscription } from "@comptoir/shared";
import { PEOPLE, type Person, type TeamsApp } from "./harness";

let counter = 0;
export const unique = (prefix: string) => `${prefix}${Date.now().toString(36)}${(counter++).toString(36)}`;

export interface JsonResponse<T> {
  status: number;
  etag: string | null;
  body: T;
}

/** A JSON call to `/api/v1` with a token of Entra's stand-in (staff by default). */
export async function call<T = Record<string, unknown>>(
  app: TeamsApp,
  method: string,
  path: string,
  opts: { as?: Person; token?: string; body?: unknown; etag?: string | null } = {},
): Promise<JsonResponse<T>> {
  const headers: Record<string, string> = {};
  if (opts.etag) headers["If-Match"] = opts.etag;
  const res = await app.request(`/api/v1${path}`, {
    method,
    headers,
    ...(opts.token ? { token: opts.token } : { as: opts.as ?? PEOPLE.staff }),
    ...(opts.body === undefined ? {} : { body: JSON.stringify(opts.body) }),
  });
  const text = await res.text();
  return { status: res.status, etag: res.headers.get("etag"), body: (text ? JSON.parse(text) : undefined) as T };
}

/** The firm's admin switches the Consultation subscription on (a fresh firm has it off). */
export async function subscribeFirm(app: TeamsApp): Promise<void> {
  const current = await call<FirmSettings>(app, "GET", "/settings", { as: PEOPLE.admin });
  expect(current.status).toBe(200);
  const res = await call(app, "PUT", "/settings", {
    as: PEOPLE.admin,
    etag: current.etag,
    body: { ...current.body, subscriptions: { consultation: { active: true, maxDossiers: null, until: null } } },
  });
  expect(res.status).toBe(200);
}

/**
 * The collaborator's journey of the user story, through the REST API: a dossier with the Consultation offer
 * and its extension active, a role, a contact linked to the dossier, and the service proposed to them.
 */
export async function proposeToNewContact(
  app: TeamsApp,
  email = `${unique("client")}@exemple.fr`,
): Promise<{ dossier: Dossier; contact: Contact; subscription: ServiceSubscription }> {
  await subscribeFirm(app);
  const created = await call<Dossier>(app, "POST", "/dossiers", {
    body: { code: unique("D").slice(0, 20), name: "Boulangerie Test" },
  });
  expect(created.status).toBe(201);
  const offered = await call<Dossier>(app, "PUT", `/dossiers/${created.body.id}/offers/consultation`, {
    etag: created.etag,
    body: { active: true },
  });
  expect(offered.status).toBe(200);
  const widget = await call<Dossier>(app, "PUT", `/dossiers/${created.body.id}/widget`, {
    etag: offered.etag,
    body: { extensionActive: true },
  });
  expect(widget.status).toBe(200);
  const role = await call<OrganisationalRole>(app, "POST", "/roles", { body: { label: unique("Dirigeant ") } });
  expect(role.status).toBe(201);
  const contact = await call<Contact>(app, "POST", "/contacts", {
    body: { nom: "Collaboratif", prenom: "Client", email, roleId: role.body.id },
  });
  expect(contact.status).toBe(201);
  const linked = await call(app, "POST", `/contacts/${contact.body.id}/dossiers`, {
    body: { dossierId: created.body.id, limitedTo: "-" },
  });
  expect(linked.status).toBe(201);
  const proposed = await call<{ subscription: ServiceSubscription }>(
    app,
    "POST",
    `/contacts/${contact.body.id}/dossiers/${created.body.id}/services`,
    { body: { serviceId: "consultation" } },
  );
  expect(proposed.status).toBe(201);
  return { dossier: widget.body, contact: contact.body, subscription: proposed.body.subscription };
}

/** Polls until `check` passes (it throws until then), for the work the server does in the background. */
export async function eventually<T>(check: () => Promise<T>, timeoutMs = 20_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (e) {
      if (Date.now() > until) throw e;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}
