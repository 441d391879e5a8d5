import {
  createContact,
  createRole,
  defaultFirmSettings,
  dossierCreateInputSchema,
  type Principal,
} from "@comptoir/shared";
import { ctxFor, type ServiceDeps } from "../../src/core/services/context";
import { createNewDossier, initializeWidget, setConsultationOffer } from "../../src/core/services/dossiers";
import { link } from "../../src/core/services/links";
import { propose, transition } from "../../src/core/services/subscriptions";

export const BENCH_TENANT = "00000000-0000-4000-8000-00000000bec7";

/** The staff member who imports; the benchmarks' requests carry `Bearer <oid>` (see benchVerifier). */
export const BENCH_STAFF: Principal = {
  tenantId: BENCH_TENANT,
  oid: "bench",
  name: "Bench",
  username: "bench@comptoir.local",
  roles: ["Firm.Staff"],
  kind: "staff",
};

const clientPrincipal = (oid: string): Principal => ({
  tenantId: BENCH_TENANT,
  oid,
  name: `Client ${oid}`,
  username: `${oid}@client.example`,
  roles: [],
  kind: "client",
});

/**
 * Benchmarks only: the bearer token is the person's oid (`bench` for staff, else a client's), so a
 * bench measures the server's work, not token signatures. Unknown oids are refused like a bad token.
 */
export function benchVerifier(clientOids: readonly string[]): (token: string) => Promise<Principal> {
  const known = new Set(clientOids);
  return (token) => {
    if (token === BENCH_STAFF.oid) return Promise.resolve(BENCH_STAFF);
    if (known.has(token)) return Promise.resolve(clientPrincipal(token));
    return Promise.reject(new Error("unknown bench token"));
  };
}

/**
 * A firm with the Consultation subscription and one dossier open to clients (offer active, extension
 * on), and one contact per client oid: bound to that guest, linked to the whole dossier, its
 * consultation service accepted — what an invitation and a first sign-in leave behind.
 */
export async function setUpClientDossier(deps: ServiceDeps, clientOids: readonly string[]): Promise<string> {
  const ctx = ctxFor(BENCH_STAFF, deps);
  const settings = defaultFirmSettings("Cabinet Bench");
  settings.subscriptions.consultation = { active: true, maxDossiers: null, until: null };
  await deps.repos.firms.create(BENCH_TENANT, settings);
  const now = deps.now();
  const role = createRole({ label: "Dirigeant", description: null }, { id: "bench-role", now, existing: [] });
  await deps.repos.roles.create(BENCH_TENANT, role);

  const created = await createNewDossier(
    deps,
    ctx,
    dossierCreateInputSchema.parse({ code: "BENCH", name: "Benchmark SARL" }),
  );
  const dossierId = created.value.id;
  const offered = await setConsultationOffer(deps, ctx, dossierId, true, created.etag, "admin");
  await initializeWidget(deps, ctx, dossierId, true, offered.etag);

  const contacts = clientOids.map((oid, i) => ({
    ...createContact(
      {
        nom: `Client ${i}`,
        prenom: "Bench",
        email: `client${i}@client.example`,
        phone: null,
        mobile: null,
        roleId: role.id,
        preferredLocale: "fr",
      },
      { id: `bench-contact-${i}`, now, roleIds: [role.id], existing: [] },
    ),
    guest: { tenantId: BENCH_TENANT, objectId: oid, invitedAt: now.toISOString() },
  }));
  await deps.repos.contacts.createMany(BENCH_TENANT, contacts, { skipExisting: false });
  for (const contact of contacts) {
    await link(deps, ctx, contact.id, dossierId, "-");
    const { subscription } = await propose(deps, ctx, contact.id, dossierId, "consultation");
    await transition(deps, ctx, subscription.id, "invited");
    await transition(deps, ctx, subscription.id, "accepted");
  }
  return dossierId;
}
