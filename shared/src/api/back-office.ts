import { z } from "zod";
import { actorSchema, idSchema } from "../domain/common";
import { contactSchema } from "../domain/contact";
import { dossierSchema } from "../domain/dossier";
import { dossierLinkSchema } from "../domain/dossier-link";
import { organisationalRoleSchema } from "../domain/organisational-role";
import { serviceDefinitionSchema } from "../domain/service-definition";
import { serviceSubscriptionSchema, subscriptionStatusSchema } from "../domain/service-subscription";
import { auditEventSchema } from "../domain/audit-event";

/**
 * The REST contract of the firm back office (`/api/v1`), shared by the backend (which parses requests and
 * documents them in OpenAPI) and the tab (which parses responses). Updates send the ETag they read in `If-Match`.
 */

/** Explicit limits: a page never holds more than this. */
export const MAX_PAGE_SIZE = 200;
export const DEFAULT_PAGE_SIZE = 50;

const pageSize = z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE);
/** Opaque continuation token from the previous page's `cursor`. */
const cursor = z.string().max(500).optional();

export function pageSchema<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), cursor: z.string().nullable() });
}

// ---- Dossiers (Portefeuille) ----

export const DOSSIER_SORTS = ["code", "name", "siren", "responsible"] as const;
export const dossierListQuerySchema = z.object({
  /** Matches a code prefix, a SIREN prefix or words of the name (accents and case ignored). */
  q: z.string().trim().max(100).optional(),
  sort: z.enum(DOSSIER_SORTS).default("code"),
  dir: z.enum(["asc", "desc"]).default("asc"),
  offer: z.enum(["all", "on", "off"]).default("all"),
  limit: pageSize,
  cursor,
});
export type DossierListQuery = z.input<typeof dossierListQuerySchema>;

/** Where the dossier stands in the collaborative journey, for the Portefeuille column. */
export const collaborativeStatusSchema = z.enum(["none", "proposed", "invited", "accepted", "active"]);
export type CollaborativeStatus = z.infer<typeof collaborativeStatusSchema>;

export const dossierSummarySchema = z.object({
  id: idSchema,
  code: z.string(),
  name: z.string(),
  siren: z.string().nullable(),
  responsible: actorSchema.nullable(),
  consultationActive: z.boolean(),
  extensionActive: z.boolean(),
  /** The most advanced live service status on the dossier. */
  collaborativeStatus: collaborativeStatusSchema,
  liveServices: z.number().int().nonnegative(),
});
export type DossierSummary = z.infer<typeof dossierSummarySchema>;
export const dossierPageSchema = pageSchema(dossierSummarySchema).extend({ total: z.number().int().nonnegative() });
export type DossierPage = z.infer<typeof dossierPageSchema>;

export const contactSummarySchema = contactSchema.pick({
  id: true,
  nom: true,
  prenom: true,
  email: true,
  phone: true,
  mobile: true,
  roleId: true,
  lastSignInAt: true,
});
export type ContactSummary = z.infer<typeof contactSummarySchema>;

/** `GET /dossiers/:id`: the dossier with its offers, établissements, contacts and their services. ETag = the dossier's. */
export const dossierDetailSchema = z.object({
  dossier: dossierSchema,
  contacts: z.array(
    z.object({
      contact: contactSummarySchema,
      link: dossierLinkSchema,
      subscriptions: z.array(serviceSubscriptionSchema),
    }),
  ),
});
export type DossierDetail = z.infer<typeof dossierDetailSchema>;

/** `PUT /dossiers/:id/offers/consultation` (If-Match). */
export const offerToggleInputSchema = z.object({ active: z.boolean() });
/** `PUT /dossiers/:id/widget` (If-Match): *Initialiser* with *Activation de l'extension*. */
export const widgetInputSchema = z.object({ extensionActive: z.boolean() });

/** `POST /dossiers/:id/contacts` takes `dossierContactLinkInputSchema` (domain/dossier-link): pick a contact, then *Valider*. */

export const auditPageSchema = pageSchema(auditEventSchema);
export const auditQuerySchema = z.object({ limit: pageSize, cursor });

// ---- Roles ----
export const roleListSchema = z.object({
  items: z.array(
    organisationalRoleSchema.extend({
      usage: z.number().int().nonnegative(),
      /** The role's version, for `If-Match` on PATCH and DELETE. */
      etag: z.string(),
    }),
  ),
});
export type RoleList = z.infer<typeof roleListSchema>;

// ---- Contacts (Interlocuteurs) ----
export const contactListQuerySchema = z.object({
  q: z.string().trim().max(100).optional(),
  limit: pageSize,
  cursor,
});
export const contactPageSchema = pageSchema(contactSummarySchema).extend({ total: z.number().int().nonnegative() });
export type ContactPage = z.infer<typeof contactPageSchema>;

/** `GET /contacts/:id`: the contact and its *Dossiers client*. ETag = the contact's. */
export const contactDetailSchema = z.object({
  contact: contactSchema,
  dossiers: z.array(
    z.object({
      link: dossierLinkSchema,
      /** ETag of the link, for `PATCH`/`DELETE` of that row. */
      linkEtag: z.string(),
      dossier: dossierSummarySchema,
      subscriptions: z.array(serviceSubscriptionSchema),
    }),
  ),
});
export type ContactDetail = z.infer<typeof contactDetailSchema>;

/** `PATCH /contacts/:id/dossiers/:dossierId` takes `dossierLinkUpdateInputSchema` (domain/dossier-link), If-Match: the link's ETag. */

// ---- Services ----
/** `POST /contacts/:contactId/dossiers/:dossierId/services`: *Proposer un service collaboratif pour ce dossier*. */
export const proposeServiceInputSchema = z.object({ serviceId: z.string().min(1).max(40) });
/** 201 when created, 200 when the same live proposal already existed (idempotent). */
export const proposeServiceResultSchema = z.object({ subscription: serviceSubscriptionSchema, created: z.boolean() });
/** `GET /services`, with the firm's name for the invitation card's preview. */
export const serviceCatalogueSchema = z.object({ items: z.array(serviceDefinitionSchema), firmName: z.string() });

export { subscriptionStatusSchema };
