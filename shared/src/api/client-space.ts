import { z } from "zod";
import { idSchema } from "../domain/common";
import { addressSchema, etablissementSchema, legalFormSchema } from "../domain/dossier";

/**
 * The client's read-only space (`/api/v1/client/...`). Every answer goes through the one access rule
 * (`canClientConsult`): a société appears only while the client may consult it.
 */

export const clientSocieteSchema = z.object({
  dossierId: idSchema,
  code: z.string(),
  name: z.string(),
  siren: z.string().nullable(),
  legalForm: legalFormSchema.nullable(),
  city: z.string().nullable(),
});
export type ClientSociete = z.infer<typeof clientSocieteSchema>;

export const clientSocieteQuerySchema = z.object({
  q: z.string().trim().max(100).optional(),
  dir: z.enum(["asc", "desc"]).default("asc"),
});

/** `GET /client/societes`: *Ma société*. `bound` is false for a guest no contact knows yet. */
/**
 * Why a société the client was given a service on cannot be consulted yet (issue 18): the firm has not turned
 * the Consultation offer on, or not initialised the collaborative widget ("Activation de l'extension").
 */
export const EARLY_ARRIVAL_REASONS = ["offer-inactive", "extension-inactive"] as const;
export const waitingSocieteSchema = z.object({
  dossierId: idSchema,
  name: z.string(),
  reason: z.enum(EARLY_ARRIVAL_REASONS),
});
export type WaitingSociete = z.infer<typeof waitingSocieteSchema>;

export const clientSocietesSchema = z.object({
  items: z.array(clientSocieteSchema),
  total: z.number().int().nonnegative(),
  bound: z.boolean(),
  firmName: z.string(),
  /** Sociétés whose service the client holds but whose space the firm has not opened yet; the firm was told. */
  waiting: z.array(waitingSocieteSchema),
});

/** `GET /dossiers/:id/early-arrivals` (staff): the contacts who came before the dossier's space was open. */
export const earlyArrivalSchema = z.object({
  dossierId: idSchema,
  contactId: idSchema,
  contactName: z.string(),
  reason: z.enum(EARLY_ARRIVAL_REASONS),
  at: z.string(),
});
export type EarlyArrival = z.infer<typeof earlyArrivalSchema>;
export const earlyArrivalListSchema = z.object({ items: z.array(earlyArrivalSchema) });
export type ClientSocietes = z.infer<typeof clientSocietesSchema>;

/** `GET /client/societes/:dossierId`: *Voir la fiche société*. */
export const clientFicheSchema = z.object({
  dossierId: idSchema,
  code: z.string(),
  name: z.string(),
  siren: z.string().nullable(),
  legalForm: legalFormSchema.nullable(),
  address: addressSchema.nullable(),
  nafCode: z.string().nullable(),
  fiscalYearEnd: z.string(),
  /** Only those *Limité à* lets the client see. */
  etablissements: z.array(etablissementSchema),
  /** The collaborateur responsible of the dossier, with the details the firm filled in (Paramètres). */
  firm: z.object({
    name: z.string(),
    contactName: z.string().nullable(),
    contactEmail: z.string().nullable(),
    contactPhone: z.string().nullable(),
  }),
});
export type ClientFiche = z.infer<typeof clientFicheSchema>;
