import { z } from "zod";

/**
 * `GET /auth-config.json` (public): tells the tab how to sign people in.
 * "local" is the demo identity provider served by the bot; "teams" is Microsoft Entra ID.
 */
export const authModeSchema = z.enum(["local", "teams"]);
export type AuthMode = z.infer<typeof authModeSchema>;

export const authConfigSchema = z.object({
  mode: authModeSchema,
  clientId: z.string().min(1).optional(),
  tenantId: z.string().min(1).optional(),
  authority: z.url().optional(),
  /** The delegated scope the tab asks for, e.g. `api://<host>/<clientId>/access_as_user`. */
  apiScope: z.string().min(1).optional(),
  /** Absolute or root-relative URL of the local sign-in page. */
  localAuthorizeUrl: z.string().min(1).optional(),
});
export type AuthConfig = z.infer<typeof authConfigSchema>;
