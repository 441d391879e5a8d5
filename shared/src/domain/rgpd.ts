import { z } from "zod";
import { auditEventSchema, type AuditEvent } from "./audit-event";
import { contactSchema } from "./contact";
import { dossierLinkSchema } from "./dossier-link";
import { isoTimestampSchema } from "./common";
import { serviceSubscriptionSchema } from "./service-subscription";

/**
 * RGPD (GDPR) right of access and right to erasure, as pure data and rules: the export document of
 * one contact, the pseudonym that replaces an erased person in the audit, and the log retention bounds.
 */

/** Audit and mail log retention, in days: at least a year (proof of who did what), at most ten. */
export const RETENTION_MIN_DAYS = 365;
export const RETENTION_MAX_DAYS = 3650;
export const RETENTION_DEFAULT_DAYS = 1095;
export const retentionDaysSchema = z.number().int().min(RETENTION_MIN_DAYS).max(RETENTION_MAX_DAYS);

const PSEUDONYM_PREFIX = "personne-effacée-";

/** FNV-1a over UTF-16 code units, 32 bits, from a given basis: pure and identical in Node and browsers. */
function fnv1a(text: string, basis: number): string {
  let h = basis >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, "0");
}

/**
 * The stable pseudonym of an erased contact: the same contact id always gives the same pseudonym, so
 * the audit still shows that events concern one person. Contact ids are random, so it reveals nothing.
 */
export function pseudonymFor(contactId: string): string {
  return `${PSEUDONYM_PREFIX}${fnv1a(contactId, 0x811c9dc5)}${fnv1a(contactId, 0x050c5d1f)}`;
}

/** What identifies the erased person: every one of these strings is replaced wherever it appears. */
export interface ErasedPerson {
  contactId: string;
  /** Entra object id of their guest account, when bound (it is the actor of their own actions). */
  guestObjectId: string | null;
  email: string;
  /** Nom, prénom, "Prénom Nom" as actor names: replaced when a whole string equals one of them. */
  names: readonly string[];
  phones: readonly string[];
}

function replaceIn(value: unknown, person: ErasedPerson, pseudonym: string): unknown {
  if (typeof value === "string") return replaceString(value, person, pseudonym);
  if (Array.isArray(value)) return value.map((v) => replaceIn(v, person, pseudonym));
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = replaceIn(v, person, pseudonym);
    return out;
  }
  return value;
}

function replaceString(s: string, person: ErasedPerson, pseudonym: string): string {
  const whole = [...person.names, ...person.phones].filter((x) => x.trim() !== "");
  if (whole.includes(s)) return pseudonym;
  // Ids and the e-mail may sit inside a longer string (a link key `contactId|dossierId`, a message).
  let out = s;
  const parts = [person.contactId, person.guestObjectId, person.email].filter((x): x is string => !!x);
  for (const part of parts) out = out.split(part).join(pseudonym);
  if (out.toLowerCase().includes(person.email.toLowerCase())) {
    out = out.replace(new RegExp(escapeRegExp(person.email), "gi"), pseudonym);
  }
  return out;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * The audit event without the person: the event (action, time, dossier, other people) stays, every
 * trace of the person becomes their pseudonym. Idempotent: pseudonymising twice changes nothing more.
 */
export function pseudonymiseAuditEvent(event: AuditEvent, person: ErasedPerson): AuditEvent {
  const pseudonym = pseudonymFor(person.contactId);
  return auditEventSchema.parse({
    ...event,
    actor: replaceIn(event.actor, person, pseudonym),
    target: replaceIn(event.target, person, pseudonym),
    before: replaceIn(event.before, person, pseudonym),
    after: replaceIn(event.after, person, pseudonym),
  });
}

/** Whether the event mentions the person at all (only those are rewritten, and exported). */
export function auditEventConcerns(event: AuditEvent, person: ErasedPerson): boolean {
  return JSON.stringify(pseudonymiseAuditEvent(event, person)) !== JSON.stringify(event);
}

const conversationRefSchema = z.object({
  key: z.string().min(1),
  conversationId: z.string().min(1),
  updatedAt: isoTimestampSchema.nullable(),
});

const mailSentSchema = z.object({
  subscriptionId: z.string().min(1),
  to: z.string().min(1),
  sentAt: isoTimestampSchema,
});

const importNoticeSentSchema = z.object({
  dossierId: z.string().min(1),
  importId: z.string().min(1),
  at: isoTimestampSchema,
  outcome: z.string().min(1),
});

const earlyArrivalSentSchema = z.object({
  dossierId: z.string().min(1),
  reason: z.string().min(1),
  at: z.string().min(1),
});

const campaignItemHeldSchema = z.object({
  campaignId: z.string().min(1),
  dossierId: z.string().min(1),
  contactName: z.string(),
  email: z.string(),
  status: z.string().min(1),
  updatedAt: z.string(),
});

const invitationSchema = z.object({
  subscriptionId: z.string().min(1),
  state: z.record(z.string(), z.unknown()),
});

/** `GET /contacts/:id/rgpd/export.json`: everything Comptoir holds on one contact. */
export const rgpdExportSchema = z.object({
  format: z.literal("comptoir-rgpd-export/1"),
  generatedAt: isoTimestampSchema,
  firmTenantId: z.string().min(1),
  contact: contactSchema,
  links: z.array(dossierLinkSchema.extend({ dossierCode: z.string(), dossierName: z.string() })),
  subscriptions: z.array(serviceSubscriptionSchema),
  invitations: z.array(invitationSchema),
  mailsSent: z.array(mailSentSchema),
  conversationReferences: z.array(conversationRefSchema),
  importNotices: z.object({ turnedOff: z.boolean(), sent: z.array(importNoticeSentSchema) }),
  /** The dossiers the contact came to before their space was open (the firm was told). */
  earlyArrivals: z.array(earlyArrivalSentSchema).default([]),
  /** The bulk proposals ("campagnes") that named the contact, with the name and e-mail they kept. */
  campaignItems: z.array(campaignItemHeldSchema).default([]),
  auditEvents: z.array(auditEventSchema),
});
export type RgpdExport = z.infer<typeof rgpdExportSchema>;

/** `GET /contacts/:id/rgpd/erasure-preview`: what an erasure would remove, and what it would keep. */
export const rgpdErasurePreviewSchema = z.object({
  contactId: z.string().min(1),
  pseudonym: z.string().min(1),
  remove: z.object({
    links: z.number().int().nonnegative(),
    subscriptions: z.number().int().nonnegative(),
    invitations: z.number().int().nonnegative(),
    conversationReferences: z.number().int().nonnegative(),
    importNoticePreferences: z.number().int().nonnegative(),
    /** Rows recording which import cards the contact was sent. */
    importNoticesSent: z.number().int().nonnegative().default(0),
    earlyArrivals: z.number().int().nonnegative().default(0),
    campaignItems: z.number().int().nonnegative().default(0),
  }),
  pseudonymiseAuditEvents: z.number().int().nonnegative(),
  /** The guest account is deleted only when Comptoir invited it and no other contact uses it. */
  deleteGuest: z.boolean(),
  /** Why the guest account stays, when it does (`none`: the contact has no guest account). */
  keepGuestReason: z.enum(["none", "notInvitedByComptoir", "heldElsewhere", "notAGuest"]).nullable().default(null),
});
export type RgpdErasurePreview = z.infer<typeof rgpdErasurePreviewSchema>;
