import { z } from "zod";

/** Graph's error envelope (Microsoft Learn, "Microsoft Graph error responses and resource types"). */
export const graphErrorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string().optional().default(""),
    innerError: z.record(z.string(), z.unknown()).optional(),
  }),
});

/** The part of an invitation (POST /invitations, 201) we keep. */
export const invitationResponseSchema = z.object({
  id: z.string().min(1),
  inviteRedeemUrl: z.url(),
  invitedUserEmailAddress: z.string(),
  status: z.string(),
  invitedUser: z.object({ id: z.string().min(1) }),
});

/** `externalUserState` is PendingAcceptance or Accepted for invited guests, null for everyone else. */
export const externalUserStateSchema = z.enum(["PendingAcceptance", "Accepted"]).nullable();

export const graphUserSchema = z.object({
  id: z.string().min(1),
  displayName: z.string().nullable().optional().default(null),
  mail: z.string().nullable().optional().default(null),
  userType: z.string().nullable().optional().default(null),
  externalUserState: externalUserStateSchema.optional().default(null),
  externalUserStateChangeDateTime: z.string().nullable().optional().default(null),
});
export type GraphUser = z.infer<typeof graphUserSchema>;

export const teamsAppListSchema = z.object({
  value: z.array(
    z.object({
      id: z.string().min(1),
      externalId: z.string().nullable().optional(),
      displayName: z.string().nullable().optional(),
      distributionMethod: z.string().nullable().optional(),
    }),
  ),
});

/** The part of a servicePrincipal (GET /servicePrincipals(appId='…')) that maps assignments to role values. */
export const servicePrincipalSchema = z.object({
  id: z.string().min(1),
  appRoles: z
    .array(
      z.object({
        id: z.string().min(1),
        value: z.string().nullable().optional().default(null),
        isEnabled: z.boolean().optional().default(true),
      }),
    )
    .default([]),
});
export type ServicePrincipal = z.infer<typeof servicePrincipalSchema>;

/** A page of appRoleAssignment objects (GET /users/{id}/appRoleAssignments). */
export const appRoleAssignmentPageSchema = z.object({
  value: z.array(
    z.object({
      appRoleId: z.string().min(1),
      resourceId: z.string().min(1),
      principalId: z.string().nullable().optional().default(null),
      principalType: z.string().nullable().optional().default(null),
    }),
  ),
  "@odata.nextLink": z.string().optional(),
});
export type AppRoleAssignment = z.infer<typeof appRoleAssignmentPageSchema>["value"][number];

/** A directory user as the role lookup reads it; `userType` is "Member" or "Guest" (Microsoft Learn, user resource). */
export const directoryUserSchema = z.object({
  id: z.string().min(1),
  userType: z.string().nullable().optional().default(null),
});
export type DirectoryUser = z.infer<typeof directoryUserSchema>;
