import { randomBytes } from "node:crypto";
import express, { type NextFunction, type Request, type Response, type Router } from "express";
import { jwtVerify, SignJWT, type JWTVerifyGetKey } from "jose";
import { sendGraphError } from "./graph-errors";

export const GRAPH_AUDIENCE = "https://graph.microsoft.com";
const GRAPH_DEFAULT_SCOPE = `${GRAPH_AUDIENCE}/.default`;
const TOKEN_TTL_SECONDS = 3599;

export interface LocalTokenService {
  /** POST /{tenant}/oauth2/v2.0/token: the client-credentials grant, as the Microsoft identity platform answers it. */
  router: Router;
  /** Guards /v1.0: only tokens this server issued, for this tenant, unexpired. */
  requireBearer: (req: Request, res: Response, next: NextFunction) => void;
}

/**
 * Tokens are JWTs signed with a key made at start-up (HS256: only this server verifies them).
 * With `credentials`, only that client id and secret get a token, so a wrong secret can be tested.
 */
export function createLocalTokenService(opts: {
  tenantId: string;
  credentials?: { clientId: string; clientSecret: string };
  /** Teams-mode tests: accept the RS256 app-only tokens of an Entra stand-in instead of this server's own. */
  identityProvider?: { issuer: string; keys: JWTVerifyGetKey };
}): LocalTokenService {
  const secret = randomBytes(32);
  const issuer = `https://sts.windows.net/${opts.tenantId}/`;
  const router = express.Router();

  const oauthError = (res: Response, status: number, error: string, description: string) =>
    void res.status(status).json({
      error,
      error_description: description,
      error_codes: [],
      timestamp: new Date().toISOString(),
    });

  router.post(
    "/:tenant/oauth2/v2.0/token",
    express.urlencoded({ extended: false, limit: "16kb" }),
    (req, res, next) => {
      const form = (req.body ?? {}) as Record<string, unknown>;
      if (req.params.tenant !== opts.tenantId)
        return oauthError(res, 400, "invalid_request", `AADSTS90002: Tenant '${req.params.tenant}' not found.`);
      if (form.grant_type !== "client_credentials")
        return oauthError(
          res,
          400,
          "unsupported_grant_type",
          "AADSTS70003: The app requested an unsupported grant type.",
        );
      const clientId = typeof form.client_id === "string" ? form.client_id : "";
      const hasSecret = typeof form.client_secret === "string" || typeof form.client_assertion === "string";
      if (!clientId || !hasSecret)
        return oauthError(
          res,
          401,
          "invalid_client",
          "AADSTS7000216: 'client_assertion' or 'client_secret' is required.",
        );
      if (
        opts.credentials &&
        (clientId !== opts.credentials.clientId || form.client_secret !== opts.credentials.clientSecret)
      )
        return oauthError(res, 401, "invalid_client", "AADSTS7000215: Invalid client secret provided.");
      const scopes = typeof form.scope === "string" ? form.scope.split(" ") : [];
      if (!scopes.includes(GRAPH_DEFAULT_SCOPE))
        return oauthError(res, 400, "invalid_scope", `AADSTS1002012: The provided value for scope is not valid.`);
      new SignJWT({ tid: opts.tenantId, appid: clientId, azp: clientId, roles: [] })
        .setProtectedHeader({ alg: "HS256", typ: "JWT" })
        .setIssuer(issuer)
        .setAudience(GRAPH_AUDIENCE)
        .setSubject(clientId)
        .setIssuedAt()
        .setExpirationTime(`${TOKEN_TTL_SECONDS}s`)
        .sign(secret)
        .then((accessToken) =>
          res.json({
            token_type: "Bearer",
            expires_in: TOKEN_TTL_SECONDS,
            ext_expires_in: TOKEN_TTL_SECONDS,
            access_token: accessToken,
          }),
        )
        .catch(next);
    },
  );

  const requireBearer: LocalTokenService["requireBearer"] = (req, res, next) => {
    const header = req.headers.authorization ?? "";
    const token = /^Bearer (\S+)$/i.exec(header)?.[1];
    const refuse = (message: string) => {
      res.setHeader(
        "WWW-Authenticate",
        `Bearer realm="", authorization_uri="", client_id="00000003-0000-0000-c000-000000000000"`,
      );
      sendGraphError(res, 401, { code: "InvalidAuthenticationToken", message });
    };
    if (!token) return refuse("Access token is empty.");
    const idp = opts.identityProvider;
    const verified = idp
      ? jwtVerify(token, idp.keys, { issuer: idp.issuer, audience: GRAPH_AUDIENCE, algorithms: ["RS256"] })
      : jwtVerify(token, secret, { issuer, audience: GRAPH_AUDIENCE, algorithms: ["HS256"] });
    verified
      .then(({ payload }) => (payload.tid === opts.tenantId ? next() : refuse("Access token is for another tenant.")))
      .catch(() => refuse("Access token validation failure. Invalid audience, signature or expiry."));
  };

  return { router, requireBearer };
}
