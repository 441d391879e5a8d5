import type { Actor } from "@comptoir/shared/domain/common";
import type { FirmSettings, FirmSettingsUpdateInput, StaffContact } from "@comptoir/shared/domain/firm-settings";
import { RETENTION_MAX_DAYS, RETENTION_MIN_DAYS } from "@comptoir/shared/domain/rgpd";

/** The settings form, flattened so each input is one field of a draft (see `components/draft`). */
export type SettingsValues = Record<string, string | boolean>;

export const serviceField = (id: string, part: "fr" | "en" | "active") => `service.${id}.${part}`;
export const staffField = (oid: string, part: "email" | "phone") => `staff.${oid}.${part}`;

/**
 * The collaborateurs whose details the form asks for: those responsible of some dossier, and those already
 * given details (even if no longer responsible of any), once each, by name.
 */
export function collaborateursOf(settings: FirmSettings, responsibles: readonly Actor[]): Actor[] {
  const byOid = new Map<string, Actor>();
  for (const c of settings.staffContacts) byOid.set(c.oid, { oid: c.oid, name: c.name });
  for (const r of responsibles) byOid.set(r.oid, r);
  return [...byOid.values()].sort((a, b) => a.name.localeCompare(b.name, "fr"));
}

export function settingsValues(settings: FirmSettings): SettingsValues {
  const sub = settings.subscriptions.consultation;
  const values: SettingsValues = {
    name: settings.name,
    active: sub.active,
    maxDossiers: sub.maxDossiers === null ? "" : String(sub.maxDossiers),
    until: sub.until ?? "",
    logRetentionDays: String(settings.logRetentionDays),
  };
  for (const s of settings.services) {
    values[serviceField(s.id, "fr")] = s.label.fr;
    values[serviceField(s.id, "en")] = s.label.en;
    values[serviceField(s.id, "active")] = s.active;
  }
  for (const c of settings.staffContacts) {
    values[staffField(c.oid, "email")] = c.email ?? "";
    values[staffField(c.oid, "phone")] = c.phone ?? "";
  }
  return values;
}

const text = (value: string | boolean | undefined) => (typeof value === "string" ? value : "");
const flag = (value: string | boolean | undefined) => value === true;

/** `""` = unlimited; otherwise a whole number ≥ 0, or `undefined` when it is not one. */
export function parseMaxDossiers(value: string): number | null | undefined {
  const trimmed = value.trim();
  if (trimmed === "") return null;
  return /^\d{1,9}$/.test(trimmed) ? Number(trimmed) : undefined;
}

/** A whole number of days within the RGPD bounds, or `undefined` when it is not one. */
export function parseRetentionDays(value: string): number | undefined {
  const trimmed = value.trim();
  if (!/^\d{1,5}$/.test(trimmed)) return undefined;
  const days = Number(trimmed);
  return days >= RETENTION_MIN_DAYS && days <= RETENTION_MAX_DAYS ? days : undefined;
}

/** The details typed for each collaborateur; one with neither e-mail nor phone is left out. */
export function staffContacts(people: readonly Actor[], values: SettingsValues): StaffContact[] {
  return people.flatMap((p) => {
    const email = text(values[staffField(p.oid, "email")]).trim() || null;
    const phone = text(values[staffField(p.oid, "phone")]).trim() || null;
    return email === null && phone === null ? [] : [{ oid: p.oid, name: p.name, email, phone }];
  });
}

/**
 * The `PUT /settings` body: the stored settings with the form's values on top. `people` are the
 * collaborateurs the form shows (`collaborateursOf`); by default, those the settings already hold.
 */
export function settingsBody(
  base: FirmSettings,
  values: SettingsValues,
  people: readonly Actor[] = collaborateursOf(base, []),
): FirmSettingsUpdateInput | null {
  const maxDossiers = parseMaxDossiers(text(values.maxDossiers));
  if (maxDossiers === undefined) return null;
  const logRetentionDays = parseRetentionDays(text(values.logRetentionDays));
  if (logRetentionDays === undefined) return null;
  return {
    name: text(values.name),
    subscriptions: {
      consultation: { active: flag(values.active), maxDossiers, until: text(values.until) || null },
    },
    services: base.services.map((s) => ({
      ...s,
      label: { fr: text(values[serviceField(s.id, "fr")]), en: text(values[serviceField(s.id, "en")]) },
      active: flag(values[serviceField(s.id, "active")]),
    })),
    staffContacts: staffContacts(people, values),
    logRetentionDays,
  };
}
