import { z } from "zod";
import { AppError } from "../errors";
import { localeSchema } from "../i18n/locale";
import { definedEntries, idSchema, isoTimestampSchema, textSchema, type Actor } from "./common";
import { normalizeEmail } from "./identifiers";
import { toE164Phone } from "./phone";
import { assertRoleExists } from "./organisational-role";
import { revokeSubscriptions, type ServiceSubscription } from "./service-subscription";
import { issueKey } from "./validation";

/** E-mail as typed; stored trimmed and lower-case (it is the contact's uniqueness key). */
export const emailSchema = z
  .string()
  .transform(normalizeEmail)
  .pipe(z.email({ error: issueKey("validation.invalidEmail") }).max(254));

/** Optional phone, French by default, stored as E.164 (`+33123456789`); blank or `null` = none. */
export const optionalPhoneSchema = z
  .string()
  .trim()
  .transform((s, ctx) => {
    if (s === "") return null;
    const e164 = toE164Phone(s);
    if (e164 === null) {
      ctx.addIssue({ code: "custom", message: issueKey("validation.invalidPhone") });
      return z.NEVER;
    }
    return e164;
  })
  .nullable();

/**
 * The Microsoft Entra guest account of the contact in the firm's tenant, filled when the invitation
 * is sent. Client access binds on (tenantId, objectId), never on the e-mail alone.
 */
export const guestAccountSchema = z.object({
  tenantId: z.string().min(1),
  objectId: z.string().min(1),
  invitedAt: isoTimestampSchema,
  redeemUrl: z.url({ error: issueKey("validation.invalidUrl") }).optional(),
});
export type GuestAccount = z.infer<typeof guestAccountSchema>;

const contactFields = {
  nom: textSchema(80),
  prenom: textSchema(80),
  email: emailSchema,
  phone: optionalPhoneSchema.default(null),
  mobile: optionalPhoneSchema.default(null),
  roleId: idSchema,
  preferredLocale: localeSchema.default("fr"),
};

/** `POST /contacts` body (the "Général" tab: Nom, Prénom, E-mail, téléphones, rôle organisationnel). */
export const contactCreateInputSchema = z.object(contactFields);
export type ContactCreateInput = z.input<typeof contactCreateInputSchema>;
export type ContactCreateData = z.output<typeof contactCreateInputSchema>;

/** PATCH body: only the keys present change; `phone: null` clears the number. */
export const contactUpdateInputSchema = z.object({
  nom: textSchema(80).optional(),
  prenom: textSchema(80).optional(),
  email: emailSchema.optional(),
  phone: optionalPhoneSchema.optional(),
  mobile: optionalPhoneSchema.optional(),
  roleId: idSchema.optional(),
  preferredLocale: localeSchema.optional(),
});
export type ContactUpdateInput = z.input<typeof contactUpdateInputSchema>;
export type ContactUpdateData = z.output<typeof contactUpdateInputSchema>;

/** The stored contact (interlocuteur). */
export const contactSchema = z.object({
  id: idSchema,
  ...contactFields,
  guest: guestAccountSchema.nullable().default(null),
  lastSignInAt: isoTimestampSchema.nullable().default(null),
  createdAt: isoTimestampSchema,
  updatedAt: isoTimestampSchema,
});
export type Contact = z.infer<typeof contactSchema>;

type EmailRef = Pick<Contact, "id" | "email">;

/**
 * `CONTACT_EMAIL_TAKEN` when another contact (not `selfId`) has this address. `existing` may be
 * every contact or just the storage's lookup by `normalizeEmail(email)`.
 */
export function assertContactEmailAvailable(email: string, existing: Iterable<EmailRef>, selfId?: string): void {
  const key = normalizeEmail(email);
  for (const c of existing) {
    if (c.id !== selfId && normalizeEmail(c.email) === key) throw new AppError("CONTACT_EMAIL_TAKEN", { email: key });
  }
}

/** Checks the role exists (`ROLE_NOT_FOUND`) and the e-mail is free (`CONTACT_EMAIL_TAKEN`). */
export function createContact(
  data: ContactCreateData,
  ctx: { id: string; now: Date; roleIds: ReadonlySet<string> | readonly string[]; existing: Iterable<EmailRef> },
): Contact {
  assertRoleExists(data.roleId, ctx.roleIds);
  assertContactEmailAvailable(data.email, ctx.existing);
  const at = ctx.now.toISOString();
  return { id: ctx.id, ...data, guest: null, lastSignInAt: null, createdAt: at, updatedAt: at };
}

/**
 * Same checks as `createContact`, for the keys the patch changes. A new e-mail address unbinds the guest
 * account invited at the old one (and forgets its sign-in): access binds on that account, and whoever now
 * reads the address must be invited, not inherit it.
 */
export function applyContactUpdate(
  contact: Contact,
  patch: ContactUpdateData,
  ctx: { now: Date; roleIds: ReadonlySet<string> | readonly string[]; existing: Iterable<EmailRef> },
): Contact {
  if (patch.roleId !== undefined) assertRoleExists(patch.roleId, ctx.roleIds);
  if (patch.email !== undefined) assertContactEmailAvailable(patch.email, ctx.existing, contact.id);
  const next = { ...contact, ...definedEntries(patch), updatedAt: ctx.now.toISOString() };
  return emailChanged(contact, next) ? { ...next, guest: null, lastSignInAt: null } : next;
}

function emailChanged(before: Pick<Contact, "email">, after: Pick<Contact, "email">): boolean {
  return normalizeEmail(before.email) !== normalizeEmail(after.email);
}

/** The guest account an update let go of, if any (to audit the unbinding). */
export function unboundGuest(before: Pick<Contact, "guest">, after: Pick<Contact, "guest">): GuestAccount | null {
  return before.guest && before.guest.objectId !== after.guest?.objectId ? before.guest : null;
}

/**
 * Entra's `userType` of a directory user (`Guest`, `Member`, or unset on old accounts): a contact binds only
 * to a guest of the firm's tenant, never to one of its own members.
 */
export function isGuestUserType(userType: string | null | undefined): boolean {
  return userType === "Guest";
}

/** "Client Collaboratif". */
export function contactDisplayName(contact: Pick<Contact, "nom" | "prenom">): string {
  return `${contact.prenom} ${contact.nom}`;
}

/**
 * Deleting a contact revokes all of their services; returns the revoked subscriptions to store.
 * (The contact's links go with it: that is the storage's cascade.)
 */
export function revokeContactServices(
  contactId: string,
  subscriptions: readonly ServiceSubscription[],
  actor: Actor,
  now: Date,
): ServiceSubscription[] {
  return revokeSubscriptions(subscriptions, (s) => s.contactId === contactId, actor, now);
}
