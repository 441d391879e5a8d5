import type { RequestHandler, Response } from "express";
import { compactVerify, decodeProtectedHeader } from "jose";
import { AppError } from "@comptoir/shared";
import { refuseActivity, refuseTokenClaims, type Refusal } from "./channel-claims";
import { botFrameworkKeys, type ChannelKeyStore } from "./channel-keys";

export interface ChannelAuthOptions {
  /** The bot's app id (BOT_ID): the `aud` of the Bot Connector's tokens. */
  botId: string;
  /** BOT_OPENID_METADATA_URL. */
  openIdMetadataUrl: string;
  /** BOT_SERVICE_URL_HOSTS. */
  allowedHosts: readonly string[];
  keys?: ChannelKeyStore;
  now?: () => number;
}

/** A token the Bot Connector signed for this bot, before it is matched with its activity. */
export interface ChannelToken {
  claims: Record<string, unknown>;
  endorsements: readonly string[];
}

/** The only algorithm of the Bot Framework's metadata (`id_token_signing_alg_values_supported`). */
const ALGORITHM = "RS256";

/**
 * `/api/messages` in teams mode, in two steps around the body parser: `verifyToken` checks the bearer token
 * (signature by a published key, issuer, audience, validity) before the body is read, `verifyActivity` checks
 * that the token speaks for the activity it came with. A refusal answers 401 with a catalogue code, before the
 * SDK sees the activity: nothing is stored, nothing is sent. `verifiedClaims` is what the SDK expects on
 * `request.user` (it reads `aud` to call the Connector as the bot, and `serviceurl`).
 */
export function channelAuthentication(opts: ChannelAuthOptions): {
  verifyToken: RequestHandler;
  verifyActivity: RequestHandler;
} {
  const keys = opts.keys ?? botFrameworkKeys(opts.openIdMetadataUrl);
  const now = opts.now ?? Date.now;

  const verifyToken: RequestHandler = (req, res, next) => {
    const token = bearerToken(req.headers.authorization);
    if (!token) return next(refused({ code: "AUTH_MISSING_TOKEN", reason: "no bearer token" }));
    checkToken(token, keys, opts.botId, Math.floor(now() / 1000))
      .then((verified) => {
        if ("code" in verified) return next(refused(verified));
        res.locals[TOKEN_LOCAL] = verified;
        next();
      })
      .catch(next);
  };

  const verifyActivity: RequestHandler = (req, res, next) => {
    const token = tokenOf(res);
    if (!token) return next(refused({ code: "AUTH_MISSING_TOKEN", reason: "token not verified" }));
    const body: unknown = req.body;
    const activity = typeof body === "object" && body !== null ? (body as Record<string, unknown>) : {};
    const refusal = refuseActivity({
      claims: token.claims,
      endorsements: token.endorsements,
      activity: { channelId: activity.channelId, serviceUrl: activity.serviceUrl },
      allowedHosts: opts.allowedHosts,
    });
    next(refusal ? refused(refusal) : undefined);
  };

  return { verifyToken, verifyActivity };
}

/** The claims of the request's verified token (set by `verifyToken`). */
export function verifiedClaims(res: Response): Record<string, unknown> | undefined {
  return tokenOf(res)?.claims;
}

const TOKEN_LOCAL = "channelToken";

function tokenOf(res: Response): ChannelToken | undefined {
  return res.locals[TOKEN_LOCAL] as ChannelToken | undefined;
}

/** Signature first (RS256 only, a key the metadata publishes), then the claims. */
async function checkToken(
  token: string,
  keys: ChannelKeyStore,
  botId: string,
  nowSeconds: number,
): Promise<ChannelToken | Refusal> {
  let header;
  try {
    header = decodeProtectedHeader(token);
  } catch {
    return { code: "AUTH_INVALID_TOKEN", reason: "not a JWS" };
  }
  // `none`, HS256 (signed with the public key as a secret) and the rest never reach a key.
  if (header.alg !== ALGORITHM) return { code: "AUTH_UNSUPPORTED_ALGORITHM", reason: "algorithm is not RS256" };
  const found = header.kid ? await keys.find(header.kid) : null;
  if (!found) return { code: "AUTH_INVALID_SIGNATURE", reason: "signing key not published by the Bot Framework" };
  let payload: Uint8Array;
  try {
    ({ payload } = await compactVerify(token, found.key, { algorithms: [ALGORITHM] }));
  } catch {
    return { code: "AUTH_INVALID_SIGNATURE", reason: "bad signature" };
  }
  const claims = parseClaims(payload);
  if (!claims) return { code: "AUTH_INVALID_TOKEN", reason: "payload is not a JSON object" };
  return refuseTokenClaims(claims, { botId, nowSeconds }) ?? { claims, endorsements: found.endorsements };
}

function parseClaims(payload: Uint8Array): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(new TextDecoder().decode(payload));
    return typeof value === "object" && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

function bearerToken(header: string | undefined): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? "");
  return match?.[1] ?? null;
}

/** Logged with a fixed reason (never the token or attacker-chosen text), answered with the code. */
function refused(refusal: Refusal): AppError {
  console.warn(`[bot] refused a Bot Connector request: ${refusal.reason} (${refusal.code})`);
  return new AppError(refusal.code);
}
