import { z } from "zod";
import { AppError } from "../errors";
import { actorSchema, idSchema, isoTimestampSchema, type Actor } from "./common";
import type { Contact } from "./contact";
import { etablissementCodeKey, etablissementCodeSchema, type Dossier } from "./dossier";
import { revokeSubscriptions, type ServiceSubscription } from "./service-subscription";
import { issueKey } from "./validation";

/** "Limité à" default: the whole dossier. */
export const WHOLE_DOSSIER = "-";

/** `"-"` (the whole dossier) or a non-empty list of the dossier's établissement codes. */
export const limitedToSchema = z.union(
  [
    z.literal(WHOLE_DOSSIER),
    z
      .array(etablissementCodeSchema)
      .min(1, issueKey("validation.limitedToEmpty"))
      .max(500)
      .superRefine((codes, ctx) => {
        const seen = new Set<string>();
        codes.forEach((code, i) => {
          const key = etablissementCodeKey(code);
          if (seen.has(key)) {
            ctx.addIssue({
              code: "custom",
              path: [i],
              message: issueKey("validation.duplicateCode"),
              params: { code },
            });
          }
          seen.add(key);
        });
      }),
  ],
  { error: issueKey("validation.invalidLimitedTo") },
);
export type LimitedTo = z.infer<typeof limitedToSchema>;

/**
 * A contact working on a dossier (the contact's "Dossiers client" tab). Keyed by the dossier's id,
 * not its code: codes can be edited, ids never change. At most one link per (contact, dossier).
 */
export const dossierLinkSchema = z.object({
  contactId: idSchema,
  dossierId: idSchema,
  limitedTo: limitedToSchema,
  createdAt: isoTimestampSchema,
  createdBy: actorSchema,
  updatedAt: isoTimestampSchema,
});
export type DossierLink = z.infer<typeof dossierLinkSchema>;

/** Body when adding a dossier from the contact's "Dossiers client" tab. */
export const contactDossierLinkInputSchema = z.object({
  dossierId: idSchema,
  limitedTo: limitedToSchema.default(WHOLE_DOSSIER),
});
export type ContactDossierLinkInput = z.input<typeof contactDossierLinkInputSchema>;

/** Body when picking an existing contact from the dossier (portfolio view). */
export const dossierContactLinkInputSchema = z.object({
  contactId: idSchema,
  limitedTo: limitedToSchema.default(WHOLE_DOSSIER),
});
export type DossierContactLinkInput = z.input<typeof dossierContactLinkInputSchema>;

/** Body when changing "Limité à" on an existing link. */
export const dossierLinkUpdateInputSchema = z.object({ limitedTo: limitedToSchema });
export type DossierLinkUpdateInput = z.input<typeof dossierLinkUpdateInputSchema>;

/** Storage key of a link (ids never contain `|`). */
export function linkKey(contactId: string, dossierId: string): string {
  return `${contactId}|${dossierId}`;
}

/** `ETABLISSEMENT_NOT_FOUND` (param `codes`, comma-separated) when a code is not one of the dossier's. */
export function validateLimitedTo(limitedTo: LimitedTo, dossier: Pick<Dossier, "etablissements">): void {
  if (limitedTo === WHOLE_DOSSIER) return;
  const known = new Set(dossier.etablissements.map((e) => etablissementCodeKey(e.code)));
  const missing = limitedTo.filter((code) => !known.has(etablissementCodeKey(code)));
  if (missing.length > 0) throw new AppError("ETABLISSEMENT_NOT_FOUND", { codes: missing.join(", ") });
}

function sameLimitedTo(a: LimitedTo, b: LimitedTo): boolean {
  if (a === WHOLE_DOSSIER || b === WHOLE_DOSSIER) return a === b;
  const keys = (l: readonly string[]) => [...new Set(l.map(etablissementCodeKey))].sort().join("\u0000");
  return keys(a) === keys(b);
}

/**
 * Links a contact to a dossier; the one rule behind both entry points (contact's "Dossiers client"
 * tab, or picking the contact from the dossier). `existing` is the current link of that pair, if any.
 * Idempotent: the same link again returns the existing one with `created: false`; a link with a
 * different "Limité à" is `LINK_EXISTS` (change it with `updateLinkLimitedTo`).
 */
export function linkContactToDossier(args: {
  contact: Pick<Contact, "id">;
  dossier: Pick<Dossier, "id" | "etablissements">;
  limitedTo?: LimitedTo;
  existing: DossierLink | null | undefined;
  actor: Actor;
  now: Date;
}): { link: DossierLink; created: boolean } {
  const limitedTo = args.limitedTo ?? WHOLE_DOSSIER;
  validateLimitedTo(limitedTo, args.dossier);
  const existing = args.existing;
  if (existing && existing.contactId === args.contact.id && existing.dossierId === args.dossier.id) {
    if (sameLimitedTo(existing.limitedTo, limitedTo)) return { link: existing, created: false };
    throw new AppError("LINK_EXISTS", {});
  }
  const at = args.now.toISOString();
  return {
    link: {
      contactId: args.contact.id,
      dossierId: args.dossier.id,
      limitedTo,
      createdAt: at,
      createdBy: args.actor,
      updatedAt: at,
    },
    created: true,
  };
}

export function updateLinkLimitedTo(
  link: DossierLink,
  limitedTo: LimitedTo,
  dossier: Pick<Dossier, "id" | "etablissements">,
  now: Date,
): DossierLink {
  validateLimitedTo(limitedTo, dossier);
  return { ...link, limitedTo, updatedAt: now.toISOString() };
}

/**
 * Removing a link revokes the contact's services on that dossier; returns them, ready to store.
 * Pass the subscriptions of the contact (or of the dossier): the others are left alone.
 */
export function unlinkContactFromDossier(
  link: Pick<DossierLink, "contactId" | "dossierId">,
  subscriptions: readonly ServiceSubscription[],
  actor: Actor,
  now: Date,
): ServiceSubscription[] {
  return revokeSubscriptions(
    subscriptions,
    (s) => s.contactId === link.contactId && s.dossierId === link.dossierId,
    actor,
    now,
  );
}
