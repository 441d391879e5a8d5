import { createServer, type Server } from "node:https";
import type { AddressInfo } from "node:net";
import express from "express";
import { exportJWK, generateKeyPair, SignJWT, UnsecuredJWT, type JWK } from "jose";
import type { StandInTls } from "./tls";

/** What the Bot Connector service writes in the tokens it sends to a bot (Bot Framework documentation). */
export const BOT_FRAMEWORK_ISSUER = "https://api.botframework.com";

export interface ChannelTokenInput {
  /** The bot's app id. */
  audience: string;
  /** The `serviceurl` claim: the Connector the activity came from. */
  serviceUrl?: string;
  issuer?: string;
  /** Seconds from now; negative for an expired token. */
  expiresIn?: number;
  notBefore?: number;
  /** Sign with a key the metadata does not publish (unknown `kid`, or a known `kid` with the wrong key). */
  foreignKey?: "unknown-kid" | "wrong-signature";
  /**
   * Forged tokens: `none` (unsigned), or `HS256` keyed with the published public key (the algorithm-confusion
   * attack), both with the real key's `kid`.
   */
  algorithm?: "none" | "HS256";
  extra?: Record<string, unknown>;
}

export interface BotFrameworkStandIn {
  /** What BOT_OPENID_METADATA_URL names: `<host>/v1/.well-known/openidconfiguration`. */
  openIdMetadataUrl: string;
  /** A token as the Bot Connector service sends it with an activity. */
  channelToken(input: ChannelTokenInput): Promise<string>;
  close(): Promise<void>;
}

const KID = "bot-framework-stand-in-1";

/**
 * The Bot Framework's token service for incoming activities, over HTTPS: the OpenID metadata document
 * and its JWKS, whose keys carry the channels that endorse them (`endorsements`), and tokens signed with them.
 */
export async function startBotFrameworkStandIn(opts: { tls: StandInTls }): Promise<BotFrameworkStandIn> {
  const { privateKey, publicKey } = await generateKeyPair("RS256", { extractable: true });
  const other = await generateKeyPair("RS256", { extractable: true });
  const publicJwk: JWK = { ...(await exportJWK(publicKey)), kid: KID, alg: "RS256", use: "sig" };
  const app = express();
  const server: Server = createServer({ key: opts.tls.key, cert: opts.tls.cert }, app);
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  const host = `https://localhost:${(server.address() as AddressInfo).port}`;

  app.get("/v1/.well-known/openidconfiguration", (_req, res) => {
    res.json({
      issuer: BOT_FRAMEWORK_ISSUER,
      authorization_endpoint: `${host}/v1/.well-known/authorize`,
      jwks_uri: `${host}/v1/.well-known/keys`,
      id_token_signing_alg_values_supported: ["RS256"],
      token_endpoint_auth_methods_supported: ["private_key_jwt"],
    });
  });
  app.get("/v1/.well-known/keys", (_req, res) => {
    res.json({ keys: [{ ...publicJwk, endorsements: ["msteams"] }] });
  });

  return {
    openIdMetadataUrl: `${host}/v1/.well-known/openidconfiguration`,
    channelToken(input) {
      const now = Math.floor(Date.now() / 1000);
      const kid = input.foreignKey === "unknown-kid" ? "not-published" : KID;
      const key = input.foreignKey ? other.privateKey : privateKey;
      const claims = {
        ...(input.serviceUrl !== undefined ? { serviceurl: input.serviceUrl } : {}),
        nbf: now + (input.notBefore ?? 0),
        iss: input.issuer ?? BOT_FRAMEWORK_ISSUER,
        aud: input.audience,
        iat: now,
        exp: now + (input.expiresIn ?? 3600),
        ...input.extra,
      };
      if (input.algorithm === "none") {
        const [, payload] = new UnsecuredJWT(claims).encode().split(".");
        const header = Buffer.from(JSON.stringify({ alg: "none", kid, typ: "JWT" })).toString("base64url");
        return Promise.resolve(`${header}.${payload}.`);
      }
      if (input.algorithm === "HS256")
        return new SignJWT(claims)
          .setProtectedHeader({ alg: "HS256", kid, typ: "JWT" })
          .sign(new TextEncoder().encode(JSON.stringify(publicJwk)));
      return new SignJWT(claims).setProtectedHeader({ alg: "RS256", kid, typ: "JWT" }).sign(key);
    },
    close: () =>
      new Promise<void>((ok) => {
        server.close(() => ok());
        server.closeAllConnections();
      }),
  };
}
