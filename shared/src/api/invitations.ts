import { z } from "zod";
import { idSchema } from "../domain/common";

/** Where a subscription's invitation stands, for staff ("e-mail en file d'attente", errors, *Renvoyer*). */
export const invitationStatusSchema = z.object({
  subscriptionId: idSchema,
  /** The guest account exists in the firm's tenant. */
  guestInvited: z.boolean(),
  mail: z.enum(["pending", "queued", "sent"]),
  mailSentAt: z.string().nullable(),
  appInstalled: z.boolean(),
  error: z.object({ code: z.string(), message: z.string(), at: z.string() }).nullable(),
});
export type InvitationStatus = z.infer<typeof invitationStatusSchema>;

/** `GET /dossiers/:id/invitations` */
export const invitationStatusListSchema = z.object({ items: z.array(invitationStatusSchema) });
