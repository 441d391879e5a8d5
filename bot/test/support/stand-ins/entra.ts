import { createServer, type Server } from "node:https";
import type { AddressInfo } from "node:net";
import { randomUUID } from "node:crypto";
import express from "express";
import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT, type JWK, type JWTVerifyGetKey } from "jose";
import Provider, {
  errors as oidcErrors,
  type Configuration,
  type KoaContextWithOIDC,
  type OIDCContext,
} from "oidc-provider";
import { errorPage, mountSignInPages, signOutPage } from "./entra-sign-in";
import type { StandInTls } from "./tls";

/** An app registration that may use the client-credentials grant, with its granted application permissions. */
export interface EntraApp {
  clientId: string;
  clientSecret: string;
  /** Application permissions granted to the app (the `roles` of its app-only tokens). */
  roles?: readonly string[];
}

/** A person who can sign in through the browser flow (MSAL, authorization code + PKCE). */
export interface EntraUser {
  oid: string;
  name: string;
  username: string;
  /** App roles assigned to the person in Comptoir's enterprise app (`Firm.Admin`, `Firm.Staff`). */
  roles: readonly string[];
  guest?: boolean;
}

/** The single-page app of the browser flow: Comptoir's own Entra app, with the tab's redirect URIs. */
export interface EntraSpa {
  clientId: string;
  redirectUris: readonly string[];
  /** The delegated scope the tab asks for, e.g. `api://localhost:3978/<clientId>/access_as_user`. */
  apiScope: string;
}

export interface UserTokenInput {
  /** Entra issues v1.0 or v2.0 access tokens, depending on the API's `accessTokenAcceptedVersion`. */
  version: 1 | 2;
  audience: string;
  oid: string;
  name?: string;
  username?: string;
  roles?: readonly string[];
  /** Delegated scopes, space-separated (`access_as_user`); absent in an app-only token. */
  scp?: string;
  /** `user` for delegated tokens, `app` for app-only ones. */
  idtyp?: "user" | "app";
  /** 1 for a guest of the tenant, 0 for a member (an optional claim the app asks for). */
  acct?: 0 | 1;
  tenantId?: string;
  /** Seconds from now; negative for an expired token. */
  expiresIn?: number;
  /** Seconds from now before which the token is not valid. */
  notBefore?: number;
  /** Extra claims, or claims to override. */
  extra?: Record<string, unknown>;
}

export interface EntraStandIn {
  /** What AAD_APP_OAUTH_AUTHORITY_HOST names: `https://localhost:<port>`. */
  host: string;
  tenantId: string;
  /** Issuer of v2.0 tokens: `<host>/<tenant>/v2.0`. */
  issuerV2: string;
  /** Issuer of v1.0 tokens (Entra's own name, whatever the host). */
  issuerV1: string;
  /** An access token for a person, as Entra would issue it to Comptoir's API. */
  userToken(input: UserTokenInput): Promise<string>;
  /** Its signing keys, for stand-ins in the test process that verify its tokens (the Graph stand-in). */
  localKeys: JWTVerifyGetKey;
  /** App-only tokens issued by the client-credentials grant so far (client id and scope). */
  readonly issued: { clientId: string; scope: string }[];
  close(): Promise<void>;
}

const KID = "entra-stand-in-1";

/**
 * Microsoft Entra ID for one tenant, over HTTPS, on the documented endpoints of the v2.0 platform:
 * `/{tenant}/v2.0/.well-known/openid-configuration` (with its `jwks_uri`), the token endpoint for the
 * client-credentials grant (Graph and Bot Connector tokens for the server), and, through oidc-provider,
 * the authorization-code + PKCE flow that MSAL runs in a browser: the sign-in page (entra-sign-in.ts), the
 * token response with `client_info`, and the sign-out back to the tab. Everything is signed with one RS256 key.
 */
export async function startEntraStandIn(opts: {
  tls: StandInTls;
  tenantId: string;
  apps: readonly EntraApp[];
  spa?: EntraSpa;
  users?: readonly EntraUser[];
}): Promise<EntraStandIn> {
  const { privateKey, publicKey } = await generateKeyPair("RS256", { extractable: true });
  const publicJwk: JWK = { ...(await exportJWK(publicKey)), kid: KID, alg: "RS256", use: "sig" };
  const privateJwk: JWK = { ...(await exportJWK(privateKey)), kid: KID, alg: "RS256", use: "sig" };
  const app = express();
  const server: Server = createServer({ key: opts.tls.key, cert: opts.tls.cert }, app);
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  const host = `https://localhost:${(server.address() as AddressInfo).port}`;
  const base = `/${opts.tenantId}/v2.0`;
  const issuerV2 = `${host}${base}`;
  const issuerV1 = `https://sts.windows.net/${opts.tenantId}/`;
  const issued: { clientId: string; scope: string }[] = [];

  const sign = (claims: Record<string, unknown>, issuer: string, audience: string, ttl: number, nbf = 0) => {
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({ ...claims, nbf: now + nbf })
      .setProtectedHeader({ alg: "RS256", kid: KID, typ: "JWT" })
      .setIssuer(issuer)
      .setAudience(audience)
      .setIssuedAt(now)
      .setExpirationTime(now + ttl)
      .sign(privateKey);
  };

  // The client-credentials grant, as the identity platform answers it (the tokens are v1.0, like Graph's).
  app.post(`${base}/oauth2/v2.0/token`, express.urlencoded({ extended: false, limit: "16kb" }), (req, res, next) => {
    const form = (req.body ?? {}) as Record<string, string | undefined>;
    if (form.grant_type !== "client_credentials") return next();
    const client = opts.apps.find((a) => a.clientId === form.client_id);
    if (!client || client.clientSecret !== form.client_secret)
      return void res.status(401).json({
        error: "invalid_client",
        error_description: "AADSTS7000215: Invalid client secret provided.",
      });
    const scope = form.scope ?? "";
    if (!/^\S+\/\.default$/.test(scope))
      return void res.status(400).json({
        error: "invalid_scope",
        error_description: "AADSTS1002012: The provided value for scope is not valid.",
      });
    const audience = scope.slice(0, -"/.default".length);
    issued.push({ clientId: client.clientId, scope });
    const claims = {
      tid: opts.tenantId,
      appid: client.clientId,
      oid: randomUUID(),
      sub: client.clientId,
      idtyp: "app",
      ver: "1.0",
      roles: [...(client.roles ?? [])],
    };
    sign(claims, issuerV1, audience, 3599)
      .then((token) => res.json({ token_type: "Bearer", expires_in: 3599, ext_expires_in: 3599, access_token: token }))
      .catch(next);
  });

  const signInPath = `${base}/sign-in`;
  const provider = new Provider(issuerV2, providerConfiguration(opts, privateJwk, signInPath));
  provider.proxy = true;
  // A bug in the stand-in's configuration shows as "oops! something went wrong" in the browser: say why here.
  provider.on("server_error", (_ctx, error) => console.error("Entra stand-in:", error));
  provider.use(async (ctx: KoaContextWithOIDC, next) => {
    await next();
    // Entra answers MSAL's `client_info=1` with the account's home ids (`uid`.`utid`), which MSAL keys its cache on.
    const oidc = ctx.oidc as OIDCContext | undefined;
    const accountId = oidc?.account?.accountId;
    if (oidc?.route === "token" && accountId && typeof ctx.body === "object" && ctx.body !== null) {
      const clientInfo = Buffer.from(JSON.stringify({ uid: accountId, utid: opts.tenantId })).toString("base64url");
      ctx.body = { ...ctx.body, client_info: clientInfo };
    }
  });
  mountSignInPages(app, provider, signInPath, opts.users ?? []);
  // Entra honours a `post_logout_redirect_uri` registered for the app without an `id_token_hint` (MSAL sends
  // none); oidc-provider needs the client named to check the URI, so the SPA is named for it.
  app.get(`${base}/oauth2/v2.0/logout`, (req, _res, next) => {
    const url = new URL(req.originalUrl, host);
    const target = url.searchParams.get("post_logout_redirect_uri");
    if (opts.spa && target && opts.spa.redirectUris.includes(target) && !url.searchParams.has("client_id")) {
      url.searchParams.set("client_id", opts.spa.clientId);
      req.url = url.pathname + url.search;
    }
    next();
  });
  app.use(base, provider.callback());

  return {
    host,
    tenantId: opts.tenantId,
    issuerV2,
    issuerV1,
    issued,
    localKeys: createLocalJWKSet({ keys: [publicJwk] }),
    userToken(input) {
      const tenantId = input.tenantId ?? opts.tenantId;
      const v2 = input.version === 2;
      const claims: Record<string, unknown> = {
        tid: tenantId,
        oid: input.oid,
        sub: input.oid,
        name: input.name ?? "",
        ver: v2 ? "2.0" : "1.0",
        ...(v2 ? { preferred_username: input.username ?? "" } : { upn: input.username ?? "" }),
        ...(input.roles && input.roles.length > 0 ? { roles: [...input.roles] } : {}),
        ...(input.scp !== undefined ? { scp: input.scp } : {}),
        ...(input.idtyp !== undefined ? { idtyp: input.idtyp } : {}),
        ...(input.acct !== undefined ? { acct: input.acct } : {}),
        ...input.extra,
      };
      const issuer = v2 ? `${host}/${tenantId}/v2.0` : `https://sts.windows.net/${tenantId}/`;
      return sign(claims, issuer, input.audience, input.expiresIn ?? 3600, input.notBefore ?? 0);
    },
    close: () =>
      new Promise<void>((ok) => {
        server.close(() => ok());
        server.closeAllConnections();
      }),
  };
}

/** oidc-provider as Entra's authorization server for the SPA: Entra's routes, claims and access-token shape. */
function providerConfiguration(
  opts: { tenantId: string; spa?: EntraSpa; users?: readonly EntraUser[] },
  privateJwk: JWK,
  signInPath: string,
): Configuration {
  const spa = opts.spa;
  const apiResource = spa ? spa.apiScope.slice(0, spa.apiScope.lastIndexOf("/")) : "";
  // Accounts are keyed by object id, as the sign-in page records them.
  const userOf = (oid: string) => opts.users?.find((u) => u.oid === oid);
  return {
    jwks: { keys: [privateJwk] },
    routes: {
      authorization: "/oauth2/v2.0/authorize",
      token: "/oauth2/v2.0/token",
      jwks: "/discovery/v2.0/keys",
      end_session: "/oauth2/v2.0/logout",
      userinfo: "/oidc/userinfo",
    },
    clients: spa
      ? [
          {
            client_id: spa.clientId,
            application_type: "web",
            token_endpoint_auth_method: "none",
            redirect_uris: [...spa.redirectUris],
            post_logout_redirect_uris: [...spa.redirectUris],
            grant_types: ["authorization_code", "refresh_token"],
            response_types: ["code"],
          },
        ]
      : [],
    pkce: { required: () => true },
    scopes: ["openid", "profile", "offline_access", "email"],
    claims: { openid: ["sub"], profile: ["name", "preferred_username", "oid", "tid"], email: ["email"] },
    clientBasedCORS: () => true,
    // The tenant's own sign-in page (entra-sign-in.ts) rather than oidc-provider's development form.
    interactions: { url: (_ctx, interaction) => `${signInPath}/${interaction.uid}` },
    renderError: (ctx, out) => {
      ctx.type = "html";
      ctx.body = errorPage(out);
    },
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: (ctx, form) => {
          ctx.body = signOutPage(form);
        },
      },
      resourceIndicators: {
        enabled: true,
        // MSAL names the API by its scope only: the resource is the scope's URI without the scope name.
        defaultResource: (ctx) => {
          const requested = ctx.oidc.params?.scope;
          const scope = typeof requested === "string" ? requested : "";
          return scope.split(" ").some((s) => s.startsWith(`${apiResource}/`)) ? apiResource : undefined;
        },
        useGrantedResource: () => true,
        getResourceServerInfo: (_ctx, resource) => {
          if (!spa || resource !== apiResource) throw new oidcErrors.InvalidTarget();
          return {
            scope: spa.apiScope,
            audience: spa.clientId,
            accessTokenTTL: 3600,
            accessTokenFormat: "jwt",
            jwt: { sign: { alg: "RS256" } },
          };
        },
      },
    },
    // Entra's v2.0 access token for an API: who (oid, tid), what (scp, roles), which kind (idtyp, acct).
    extraTokenClaims: (_ctx, token) => {
      const user = "accountId" in token && typeof token.accountId === "string" ? userOf(token.accountId) : undefined;
      if (!user) return undefined;
      return {
        tid: opts.tenantId,
        oid: user.oid,
        name: user.name,
        preferred_username: user.username,
        scp: "access_as_user",
        ver: "2.0",
        idtyp: "user",
        acct: user.guest ? 1 : 0,
        ...(user.roles.length > 0 ? { roles: [...user.roles] } : {}),
      };
    },
    findAccount: (_ctx, sub) => {
      const user = userOf(sub);
      if (!user) return undefined;
      return {
        accountId: user.oid,
        claims: () => ({
          sub: user.oid,
          oid: user.oid,
          tid: opts.tenantId,
          name: user.name,
          preferred_username: user.username,
        }),
      };
    },
    // The tenant's admin consented for everyone (as Comptoir's deployment asks): no consent screen.
    loadExistingGrant: async (ctx) => {
      const client = ctx.oidc.client;
      const accountId = ctx.oidc.account?.accountId;
      if (!client || !accountId) return undefined;
      const grant = new ctx.oidc.provider.Grant({ clientId: client.clientId, accountId });
      grant.addOIDCScope("openid profile offline_access email");
      if (spa) grant.addResourceScope(apiResource, spa.apiScope);
      await grant.save();
      return grant;
    },
    ttl: {
      AccessToken: 3600,
      AuthorizationCode: 60,
      IdToken: 3600,
      RefreshToken: 86400,
      Grant: 86400,
      Session: 86400,
      Interaction: 600,
    },
  };
}
