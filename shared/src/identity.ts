import { z } from "zod";

/** Entra app roles. A signed-in person with neither is a client (a tenant guest). */
export const APP_ROLES = ["Firm.Admin", "Firm.Staff"] as const;
export const appRoleSchema = z.enum(APP_ROLES);
export type AppRole = z.infer<typeof appRoleSchema>;

export const audienceKindSchema = z.enum(["staff", "client"]);
export type AudienceKind = z.infer<typeof audienceKindSchema>;

/** The claims both modes put in a token; only the issuer and keys differ. */
export const tokenClaimsSchema = z.object({
  tid: z.string().min(1),
  oid: z.string().min(1),
  name: z.string().default(""),
  preferred_username: z.string().default(""),
  roles: z.array(z.string()).default([]),
});
export type TokenClaims = z.infer<typeof tokenClaimsSchema>;

export const principalSchema = z.object({
  tenantId: z.string(),
  oid: z.string(),
  name: z.string(),
  username: z.string(),
  roles: z.array(appRoleSchema),
  kind: audienceKindSchema,
});
export type Principal = z.infer<typeof principalSchema>;

export function principalFromClaims(claims: TokenClaims): Principal {
  const roles = claims.roles.filter((r): r is AppRole => (APP_ROLES as readonly string[]).includes(r));
  return {
    tenantId: claims.tid,
    oid: claims.oid,
    name: claims.name,
    username: claims.preferred_username,
    roles,
    kind: roles.length > 0 ? "staff" : "client",
  };
}

export const isAdmin = (p: Principal): boolean => p.roles.includes("Firm.Admin");
export const isStaff = (p: Principal): boolean => p.kind === "staff";

/** @alias `GET /api/v1/me` answers the principal its token names. */
export const meResponseSchema = principalSchema;
export type MeResponse = z.infer<typeof meResponseSchema>;
