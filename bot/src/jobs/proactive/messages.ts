import { NOTIFICATION_KINDS } from "@comptoir/shared";
import { z } from "zod";

/** What to send: the card's kind and the data to build it from when it goes out (so it shows the current state). */
export const proactiveCardSchema = z.discriminatedUnion("kind", [
  /** The client's welcome card for one service subscription. */
  z.object({ kind: z.literal("welcome"), subscriptionId: z.string().min(1) }),
  /** A staff notification: a client accepted their service or signed in for the first time. */
  z.object({
    kind: z.literal("notification"),
    event: z.enum(NOTIFICATION_KINDS),
    contactName: z.string(),
    dossier: z.object({ id: z.string(), code: z.string(), name: z.string() }),
    serviceId: z.string().nullable(),
    at: z.string(),
  }),
  /** A file of a dossier's drop folder was refused: told to whoever chose the folder (issue 20). */
  z.object({
    kind: z.literal("intakeRejected"),
    dossier: z.object({ id: z.string(), code: z.string(), name: z.string() }),
    fileName: z.string(),
    at: z.string(),
  }),
  /** A client's import notice: the key figures of the exercice an import just switched (issue 17). */
  z.object({
    kind: z.literal("importNotice"),
    dossierId: z.string().min(1),
    importId: z.string().min(1),
    exercice: z.string().min(1),
    contactId: z.string().min(1),
  }),
]);
export type ProactiveCard = z.infer<typeof proactiveCardSchema>;
export type ImportNoticeCard = Extract<ProactiveCard, { kind: "importNotice" }>;

/** One queue message = one card to one conversation, named by its user or by its id. */
export const proactiveMessageSchema = z
  .object({
    tenantId: z.string().min(1),
    userOid: z.string().min(1).optional(),
    conversationId: z.string().min(1).optional(),
    card: proactiveCardSchema,
  })
  .refine((m) => m.userOid !== undefined || m.conversationId !== undefined, {
    message: "A proactive message needs userOid or conversationId",
  });
export type ProactiveMessage = z.infer<typeof proactiveMessageSchema>;
