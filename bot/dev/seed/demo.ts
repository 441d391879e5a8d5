import {
  AppError,
  createContact,
  createDossier,
  createRole,
  defaultFirmSettings,
  type Contact,
  type Dossier,
} from "@comptoir/shared";
import { DEMO_CLIENT } from "../demo-persons";
import type { AccountingDeps } from "../../src/accounting/deps";
import type { ServiceDeps } from "../../src/core/services/context";
import { DEMO_FEC_DOSSIER_CODE, importDemoFec } from "./demo-fec";
import { DEMO_CONTACT, DEMO_ROLES, SEED_DOSSIERS, generateDemoContacts, generateDemoDossiers } from "./generate";
import { DEMO_COLLABORATEURS } from "./fixtures";

export interface SeedOptions {
  /** Generated dossiers on top of the story's five. */
  dossiers: number;
  /** Generated contacts on top of "Client Collaboratif". */
  contacts: number;
  /** When given, the demo FEC is imported into its dossier (DEMO_FEC_DOSSIER_CODE). */
  accounting?: AccountingDeps;
}

/**
 * Seeds the demo firm: settings with an active Consultation subscription, the organisational roles,
 * the story's dossiers plus generated ones, and "Client Collaboratif" bound to the local client person.
 * Idempotent: the firm settings row, written last, says it is done; ids are deterministic and every
 * batch is atomic, so a seed interrupted half-way skips what already exists when it runs again.
 */
export async function seedDemoFirm(
  deps: ServiceDeps,
  tenantId: string,
  opts: SeedOptions,
): Promise<{ seeded: boolean }> {
  const { repos } = deps;
  if (await repos.firms.get(tenantId)) return { seeded: false };
  const now = deps.now();

  for (const role of DEMO_ROLES) {
    const { id, ...data } = role;
    await skipExisting(() => repos.roles.create(tenantId, createRole(data, { id, now, existing: [] })));
  }

  const inputs = [...SEED_DOSSIERS, ...generateDemoDossiers(opts.dossiers, 2026)];
  const dossiers: Dossier[] = inputs.map((data) =>
    createDossier(data, { id: `seed-${data.code.replace(/[^A-Za-z0-9_-]/g, "_")}`, now }),
  );
  await repos.dossiers.createMany(tenantId, dossiers, { skipExisting: true });
  const withFec = dossiers.find((d) => d.code === DEMO_FEC_DOSSIER_CODE);
  if (opts.accounting && withFec) await importDemoFec(deps, opts.accounting, tenantId, withFec.id, withFec.siren ?? "");

  const roleIds = DEMO_ROLES.map((r) => r.id);
  const client: Contact = {
    ...createContact(DEMO_CONTACT, { id: "seed-contact-client-collaboratif", now, roleIds, existing: [] }),
    // The local "Client Collaboratif" person is this contact's guest account, as an invitation would record.
    guest: { tenantId, objectId: DEMO_CLIENT.oid, invitedAt: now.toISOString() },
  };
  const generated = generateDemoContacts(opts.contacts, 2026, roleIds).map((data, i) =>
    createContact(data, { id: `seed-contact-${i}`, now, roleIds, existing: [] }),
  );
  await repos.contacts.createMany(tenantId, [client, ...generated], { skipExisting: true });

  // Written last: its presence means the seed completed.
  const settings = defaultFirmSettings("Cabinet Démo Expertise");
  settings.subscriptions.consultation = { active: true, maxDossiers: null, until: null };
  // The first collaborateur has the details clients see on the fiche société; the others show how it looks without.
  const first = DEMO_COLLABORATEURS[0];
  if (first)
    settings.staffContacts = [{ ...first, email: "sophie.bernard@cabinet-demo.example", phone: "+33142000001" }];
  await repos.firms.create(tenantId, settings);
  return { seeded: true };
}

async function skipExisting(work: () => Promise<unknown>): Promise<void> {
  try {
    await work();
  } catch (e) {
    if (!(e instanceof AppError && e.code === "ROLE_LABEL_TAKEN")) throw e;
  }
}
