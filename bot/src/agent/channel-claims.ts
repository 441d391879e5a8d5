import type { ErrorCode } from "@comptoir/shared";
import { isAllowedServiceUrl } from "../jobs/proactive/service-urls";

/**
 * The rules of "Authentication with the Bot Connector API" (Bot Framework documentation, "Authenticate requests
 * from the Bot Connector service to your bot", step 4) that bear on a token's claims and on the activity it
 * comes with, as pure functions. The signature (RS256, a key of the Bot Framework's JWKS) is checked before.
 * https://learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-connector-authentication
 */

/** What the Bot Connector service writes in `iss` (step 4, requirement 3). */
export const BOT_FRAMEWORK_ISSUER = "https://api.botframework.com";

/** "Industry-standard clock-skew is 5 minutes" (step 4, requirement 5). */
export const CLOCK_SKEW_SECONDS = 300;

/** Why a request is refused: a stable code of the error catalogue, and what the log line says. */
export interface Refusal {
  code: ErrorCode;
  reason: string;
}

/** Issuer, audience (the bot's app id) and validity period, with the documented skew on both ends. */
export function refuseTokenClaims(
  claims: Readonly<Record<string, unknown>>,
  expected: { botId: string; nowSeconds: number },
): Refusal | null {
  if (claims.iss !== BOT_FRAMEWORK_ISSUER)
    return { code: "AUTH_INVALID_ISSUER", reason: "issuer is not the Bot Framework" };
  if (!audiences(claims.aud).includes(expected.botId))
    return { code: "AUTH_INVALID_AUDIENCE", reason: "audience is not the bot's app id" };
  const { exp, nbf } = claims;
  if (typeof exp !== "number") return { code: "AUTH_INVALID_TOKEN", reason: "token has no expiry" };
  if (expected.nowSeconds >= exp + CLOCK_SKEW_SECONDS) return { code: "AUTH_TOKEN_EXPIRED", reason: "token expired" };
  if (nbf !== undefined && (typeof nbf !== "number" || expected.nowSeconds < nbf - CLOCK_SKEW_SECONDS))
    return { code: "AUTH_INVALID_TOKEN", reason: "token not valid yet" };
  return null;
}

/** The parts of an incoming activity the token must vouch for. */
export interface ActivityOrigin {
  channelId: unknown;
  serviceUrl: unknown;
}

/**
 * The token speaks for this activity: the signing key is endorsed for the activity's channel (step 3), the
 * `serviceurl` claim is the activity's `serviceUrl` (step 4, requirement 7), and that URL is a Connector host
 * of the allow-list, since the bot will send its own token there.
 */
export function refuseActivity(args: {
  claims: Readonly<Record<string, unknown>>;
  endorsements: readonly string[];
  activity: ActivityOrigin;
  allowedHosts: readonly string[];
}): Refusal | null {
  const { channelId, serviceUrl } = args.activity;
  if (typeof channelId !== "string" || channelId === "" || !args.endorsements.includes(channelId))
    return { code: "AUTH_INVALID_TOKEN", reason: "signing key not endorsed for the activity's channel" };
  if (typeof serviceUrl !== "string" || args.claims.serviceurl !== serviceUrl)
    return { code: "AUTH_INVALID_TOKEN", reason: "serviceurl claim differs from the activity's serviceUrl" };
  if (!isAllowedServiceUrl(serviceUrl, args.allowedHosts))
    return { code: "AUTH_INVALID_TOKEN", reason: "serviceUrl host not in BOT_SERVICE_URL_HOSTS" };
  return null;
}

function audiences(aud: unknown): string[] {
  if (typeof aud === "string") return [aud];
  return Array.isArray(aud) ? aud.filter((a): a is string => typeof a === "string") : [];
}
