import type { FirmSettings, FirmSettingsUpdateInput } from "@comptoir/shared/domain/firm-settings";

/** The settings form, flattened so each input is one field of a draft (see `components/draft`). */
export type SettingsValues = Record<string, string | boolean>;

export const serviceField = (id: string, part: "fr" | "en" | "active") => `service.${id}.${part}`;

export function settingsValues(settings: FirmSettings): SettingsValues {
  const sub = settings.subscriptions.consultation;
  const values: SettingsValues = {
    name: settings.name,
    active: sub.active,
    maxDossiers: sub.maxDossiers === null ? "" : String(sub.maxDossiers),
    until: sub.until ?? "",
  };
  for (const s of settings.services) {
    values[serviceField(s.id, "fr")] = s.label.fr;
    values[serviceField(s.id, "en")] = s.label.en;
    values[serviceField(s.id, "active")] = s.active;
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

/** The `PUT /settings` body: the stored settings with the form's values on top. */
export function settingsBody(base: FirmSettings, values: SettingsValues): FirmSettingsUpdateInput | null {
  const maxDossiers = parseMaxDossiers(text(values.maxDossiers));
  if (maxDossiers === undefined) return null;
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
  };
}
