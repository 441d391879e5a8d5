import { z } from "zod";
import { isAdmin, type Principal } from "../identity";
import { actorSchema, calendarDate, isoDateSchema, textSchema } from "./common";
import { emailSchema, optionalPhoneSchema } from "./contact";
import { DEFAULT_SERVICE_CATALOGUE, serviceDefinitionSchema } from "./service-definition";
import { RETENTION_DEFAULT_DAYS, retentionDaysSchema } from "./rgpd";
import { issueKey } from "./validation";

/** The firm's paid Consultation ("Start") subscription: a switch, a dossier quota and an end date. */
export const consultationSubscriptionSchema = z.object({
  active: z.boolean(),
  /** How many dossiers may have the offer active at once; `null` = unlimited. */
  maxDossiers: z.number().int().min(0).nullable(),
  /** Last day (inclusive, Paris calendar) the subscription covers; `null` = open-ended. */
  until: isoDateSchema.nullable(),
});
export type ConsultationSubscription = z.infer<typeof consultationSubscriptionSchema>;

/**
 * How clients reach a collaborateur (a staff member, by Entra object id): shown on the fiche société of the
 * dossiers they are responsible for. Blank = not shown.
 */
export const staffContactSchema = z.object({
  oid: z.string().min(1).max(100),
  name: textSchema(200),
  email: emailSchema.nullable().default(null),
  phone: optionalPhoneSchema.default(null),
});
export type StaffContact = z.infer<typeof staffContactSchema>;

/** `GET /settings/collaborateurs`: the collaborateurs responsible of some dossier, whose details Paramètres asks for. */
export const collaborateurListSchema = z.object({ items: z.array(actorSchema) });

export const firmSettingsSchema = z.object({
  name: textSchema(120),
  subscriptions: z.object({ consultation: consultationSubscriptionSchema }),
  services: z
    .array(serviceDefinitionSchema)
    .max(50)
    .superRefine((services, ctx) => {
      const seen = new Set<string>();
      services.forEach((s, i) => {
        if (seen.has(s.id)) {
          ctx.addIssue({
            code: "custom",
            message: issueKey("validation.duplicateServiceId"),
            path: [i, "id"],
            params: { id: s.id },
          });
        }
        seen.add(s.id);
      });
    }),
  /** Stored settings from before the field have none. */
  staffContacts: z
    .array(staffContactSchema)
    .max(500)
    .default([])
    .refine((list) => new Set(list.map((c) => c.oid)).size === list.length, {
      message: issueKey("validation.duplicateStaffContact"),
    }),
  /** How long the audit and mail logs are kept, in days (RGPD); stored settings from before the field have none. */
  logRetentionDays: retentionDaysSchema.default(RETENTION_DEFAULT_DAYS),
});
export type FirmSettings = z.infer<typeof firmSettingsSchema>;

/** @alias Settings are replaced as a whole (the edge checks the version read with If-Match). */
export const firmSettingsUpdateInputSchema = firmSettingsSchema;
export type FirmSettingsUpdateInput = z.input<typeof firmSettingsUpdateInputSchema>;

/** What a new firm starts with: no paid subscription yet, the default catalogue. */
export function defaultFirmSettings(name: string): FirmSettings {
  return {
    name,
    subscriptions: { consultation: { active: false, maxDossiers: null, until: null } },
    services: DEFAULT_SERVICE_CATALOGUE.map((s) => ({ ...s, label: { ...s.label } })),
    staffContacts: [],
    logRetentionDays: RETENTION_DEFAULT_DAYS,
  };
}

/** Only a Firm.Admin may change the subscription and the service catalogue. */
export function canEditFirmSettings(principal: Principal): boolean {
  return principal.kind === "staff" && isAdmin(principal);
}

export type SubscriptionShortfall = "inactive" | "expired" | "quota";

/**
 * Why the firm's subscription does not allow one more dossier with the Consultation offer, or
 * `null` when it does. `activeOfferCount` counts the dossiers that have the offer active now.
 */
export function consultationSubscriptionShortfall(
  settings: FirmSettings,
  activeOfferCount: number,
  now: Date,
): SubscriptionShortfall | null {
  const sub = settings.subscriptions.consultation;
  if (!sub.active) return "inactive";
  if (sub.until !== null && sub.until < calendarDate(now)) return "expired";
  if (sub.maxDossiers !== null && activeOfferCount >= sub.maxDossiers) return "quota";
  return null;
}
