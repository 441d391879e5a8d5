import { importJWK, type CryptoKey } from "jose";
import { z } from "zod";

/** A signing key of the Bot Connector service, with the channels it may speak for. */
export interface ChannelKey {
  key: CryptoKey;
  endorsements: readonly string[];
}

export interface ChannelKeyStore {
  /** The published key with this `kid`, or `null` when the Bot Framework does not publish it. */
  find(kid: string): Promise<ChannelKey | null>;
}

const metadataSchema = z.object({ jwks_uri: z.url() });
const jwksSchema = z.object({
  keys: z.array(
    z.looseObject({
      kid: z.string().optional(),
      kty: z.string(),
      n: z.string().optional(),
      e: z.string().optional(),
      endorsements: z.array(z.string()).optional(),
    }),
  ),
});

export interface KeyStoreOptions {
  /** Keys are re-read after this long (the Bot Framework SDK keeps them 5 days; a day is enough). */
  maxAgeMs?: number;
  /** An unknown `kid` re-reads the keys (they rotate), at most this often, so forged `kid`s cost no fetch storm. */
  refreshCooldownMs?: number;
  now?: () => number;
}

/**
 * The keys of the Bot Framework's OpenID metadata (BOT_OPENID_METADATA_URL): its `jwks_uri` document, whose
 * keys carry `endorsements` (Bot Connector authentication, steps 2 and 3). Read on first use, then cached.
 */
export function botFrameworkKeys(metadataUrl: string, opts: KeyStoreOptions = {}): ChannelKeyStore {
  const maxAgeMs = opts.maxAgeMs ?? 24 * 3600_000;
  const cooldownMs = opts.refreshCooldownMs ?? 5 * 60_000;
  const now = opts.now ?? Date.now;
  let loaded: { keys: Map<string, ChannelKey>; at: number } | null = null;
  let inflight: Promise<Map<string, ChannelKey>> | null = null;

  const reload = () => {
    inflight ??= loadKeys(metadataUrl)
      .then((keys) => {
        loaded = { keys, at: now() };
        return keys;
      })
      .finally(() => {
        inflight = null;
      });
    return inflight;
  };

  return {
    async find(kid) {
      const current = loaded && now() - loaded.at < maxAgeMs ? loaded : null;
      const keys = current ? current.keys : await reload();
      const found = keys.get(kid);
      if (found) return found;
      if (current && now() - current.at >= cooldownMs) return (await reload()).get(kid) ?? null;
      return null;
    },
  };
}

async function loadKeys(metadataUrl: string): Promise<Map<string, ChannelKey>> {
  const { jwks_uri } = metadataSchema.parse(await getJson(metadataUrl));
  const { keys } = jwksSchema.parse(await getJson(jwks_uri));
  const out = new Map<string, ChannelKey>();
  for (const jwk of keys) {
    if (!jwk.kid || jwk.kty !== "RSA" || !jwk.n || !jwk.e) continue;
    // Only the public key's members: the document's other ones (x5c, endorsements…) are not WebCrypto's business.
    const key = await importJWK({ kty: "RSA", n: jwk.n, e: jwk.e }, "RS256");
    if (key instanceof Uint8Array) continue;
    out.set(jwk.kid, { key, endorsements: jwk.endorsements ?? [] });
  }
  return out;
}

async function getJson(url: string): Promise<unknown> {
  const res = await fetch(url, { signal: AbortSignal.timeout(10_000) });
  if (!res.ok) throw new Error(`Bot Framework keys: ${url} answered HTTP ${res.status}`);
  return res.json();
}
