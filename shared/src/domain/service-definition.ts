import { z } from "zod";
import type { Locale } from "../i18n/locale";
import { slugSchema, textSchema } from "./common";
import { offerIdSchema } from "./offer";

/** A collaborative service the firm can propose to a contact on a dossier. The catalogue is data. */
export const serviceDefinitionSchema = z.object({
  id: slugSchema,
  label: z.object({ fr: textSchema(120), en: textSchema(120) }),
  requiresOffer: offerIdSchema,
  /** An inactive service stays in the catalogue (old subscriptions refer to it) but cannot be proposed. */
  active: z.boolean(),
});
export type ServiceDefinition = z.infer<typeof serviceDefinitionSchema>;

export const DEFAULT_SERVICE_CATALOGUE: readonly ServiceDefinition[] = [
  {
    id: "consultation",
    label: { fr: "Offre Consultation (Start)", en: "Consultation offer (Start)" },
    requiresOffer: "consultation",
    active: true,
  },
  {
    id: "consultation-tpe",
    label: { fr: "Collaboratif TPE – Offre Consultation", en: "Collaborative TPE – Consultation offer" },
    requiresOffer: "consultation",
    active: true,
  },
];

export function findService(catalogue: readonly ServiceDefinition[], serviceId: string): ServiceDefinition | undefined {
  return catalogue.find((s) => s.id === serviceId);
}

export function serviceLabel(service: ServiceDefinition, locale: Locale): string {
  return service.label[locale];
}
