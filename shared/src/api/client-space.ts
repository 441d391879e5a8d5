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
export const clientSocietesSchema = z.object({
  items: z.array(clientSocieteSchema),
  total: z.number().int().nonnegative(),
  bound: z.boolean(),
  firmName: z.string(),
});
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
