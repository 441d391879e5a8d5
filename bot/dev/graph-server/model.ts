import { z } from "zod";

/** The local stand-in's own records; shapes follow Graph's resources where they overlap. */

export const localUserSchema = z.object({
  id: z.uuid(),
  mail: z.string(),
  displayName: z.string().nullable(),
  /** `Guest` for invited users, `Member` for the tenant's own people (registered by tests or local mode). */
  userType: z.enum(["Guest", "Member"]),
  /** Null for members, as in Graph: only invited users have an invitation state. */
  externalUserState: z.enum(["PendingAcceptance", "Accepted"]).nullable(),
  externalUserStateChangeDateTime: z.string().nullable(),
  createdDateTime: z.string(),
});
export type LocalUser = z.infer<typeof localUserSchema>;

export const localInvitationSchema = z.object({
  id: z.uuid(),
  userId: z.uuid(),
  invitedUserEmailAddress: z.string(),
  invitedUserDisplayName: z.string().nullable(),
  inviteRedirectUrl: z.string(),
  sendInvitationMessage: z.boolean(),
  messageLanguage: z.string().nullable(),
  status: z.enum(["PendingAcceptance", "Completed"]),
  createdDateTime: z.string(),
});
export type LocalInvitation = z.infer<typeof localInvitationSchema>;

export const recipientSchema = z.object({ address: z.string(), name: z.string().optional() });

export const localMailSchema = z.object({
  id: z.uuid(),
  /** `sendMail`: sent by the app; `invitation`: the e-mail Microsoft sends when asked to by POST /invitations. */
  kind: z.enum(["sendMail", "invitation"]),
  from: z.string(),
  to: z.array(recipientSchema),
  subject: z.string(),
  contentType: z.enum(["HTML", "Text"]),
  body: z.string(),
  sentAt: z.string(),
});
export type LocalMail = z.infer<typeof localMailSchema>;

export const teamsAppSchema = z.object({
  id: z.string(),
  externalId: z.string(),
  displayName: z.string(),
  distributionMethod: z.enum(["organization", "store", "sideloaded"]),
});
export type TeamsApp = z.infer<typeof teamsAppSchema>;

// Request bodies the stand-in accepts, checked like Graph would (unknown properties are ignored).

export const invitationRequestSchema = z.object({
  invitedUserEmailAddress: z.string(),
  inviteRedirectUrl: z.url({ protocol: /^https?$/ }),
  invitedUserDisplayName: z.string().nullish(),
  sendInvitationMessage: z.boolean().nullish(),
  invitedUserType: z.enum(["Guest", "Member"]).nullish(),
  invitedUserMessageInfo: z.object({ messageLanguage: z.string().nullish() }).nullish(),
});

export const sendMailRequestSchema = z.object({
  message: z.object({
    subject: z.string(),
    body: z.object({
      contentType: z.string().transform((s, ctx) => {
        const t = s.toLowerCase();
        if (t === "html") return "HTML" as const;
        if (t === "text") return "Text" as const;
        ctx.addIssue({ code: "custom", message: "contentType must be Text or HTML" });
        return z.NEVER;
      }),
      content: z.string(),
    }),
    toRecipients: z
      .array(z.object({ emailAddress: z.object({ address: z.email(), name: z.string().optional() }) }))
      .min(1),
  }),
  saveToSentItems: z.union([z.boolean(), z.enum(["true", "false"])]).optional(),
});

export const installAppRequestSchema = z.object({ "teamsApp@odata.bind": z.string().min(1) });

/** A member of the firm's tenant to register (an id of one's choosing, e.g. the oid of a person's tokens). */
export const memberSchema = z.object({
  id: z.uuid().optional(),
  mail: z.email(),
  displayName: z.string().nullable().default(null),
});
export type MemberInput = z.input<typeof memberSchema>;

export const userTypePatchSchema = z.object({ userType: z.enum(["Guest", "Member"]) });
