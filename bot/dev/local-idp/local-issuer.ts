import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { SignJWT, createLocalJWKSet, exportJWK, generateKeyPair, importJWK, type JWK, type CryptoKey } from "jose";
import type { DemoPerson } from "../demo-persons";
import type { VerifierOptions } from "../../src/auth/verify";

export interface LocalIssuer {
  issuer: string;
  audience: string;
  tenantId: string;
  jwks: { keys: JWK[] };
  verifierOptions(): VerifierOptions;
  issue(person: Pick<DemoPerson, "oid" | "name" | "username" | "roles">, ttlSeconds?: number): Promise<string>;
}

const KID = "comptoir-local-1";

/** Entra's issuer shape on a host that cannot exist, so a local token is never mistaken for a real one. */
export function localIssuerUrl(tenantId: string): string {
  return `https://login.comptoir.invalid/${tenantId}/v2.0`;
}

/**
 * A signing key kept under the data folder, so tokens survive a restart of `npm start`.
 * Only ever created in local mode.
 */
export async function createLocalIssuer(keyFile: string, tenantId: string, audience: string): Promise<LocalIssuer> {
  const { privateKey, publicJwk } = await loadOrCreateKey(keyFile);
  const issuer = localIssuerUrl(tenantId);
  const jwks = { keys: [{ ...publicJwk, kid: KID, alg: "RS256", use: "sig" }] };
  return {
    issuer,
    audience,
    tenantId,
    jwks,
    verifierOptions: () => ({ issuers: [issuer], audiences: [audience], tenantId, keys: createLocalJWKSet(jwks) }),
    issue: (person, ttlSeconds = 3600) =>
      new SignJWT({
        tid: tenantId,
        oid: person.oid,
        name: person.name,
        preferred_username: person.username,
        roles: person.roles,
        scp: "access_as_user",
        idtyp: "user",
        ver: "2.0",
      })
        .setProtectedHeader({ alg: "RS256", kid: KID, typ: "JWT" })
        .setIssuer(issuer)
        .setAudience(audience)
        .setSubject(person.oid)
        .setIssuedAt()
        .setNotBefore("0s")
        .setExpirationTime(`${ttlSeconds}s`)
        .sign(privateKey),
  };
}

async function loadOrCreateKey(keyFile: string): Promise<{ privateKey: CryptoKey; publicJwk: JWK }> {
  if (existsSync(keyFile)) {
    const jwk = JSON.parse(readFileSync(keyFile, "utf8")) as JWK;
    const privateKey = (await importJWK(jwk, "RS256")) as CryptoKey;
    const { d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, ...publicJwk } = jwk;
    return { privateKey, publicJwk };
  }
  const { privateKey, publicKey } = await generateKeyPair("RS256", { extractable: true });
  const jwk = await exportJWK(privateKey);
  mkdirSync(dirname(keyFile), { recursive: true });
  writeFileSync(keyFile, JSON.stringify(jwk), { mode: 0o600 });
  return { privateKey, publicJwk: await exportJWK(publicKey) };
}
