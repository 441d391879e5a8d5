/** What the local sign-in page puts in the fragment of `redirect_uri`. */
export interface TokenFragment {
  accessToken: string;
  state: string;
  expiresInSeconds: number;
}

export type FragmentCheck =
  { kind: "none" } | { kind: "ok"; token: TokenFragment } | { kind: "state-mismatch" } | { kind: "invalid" };

const DEFAULT_EXPIRY_SECONDS = 3600;

/** Reads `#access_token=…&token_type=Bearer&expires_in=…&state=…`; null when the hash is not a sign-in response. */
export function parseTokenFragment(hash: string): TokenFragment | null {
  const raw = hash.startsWith("#") ? hash.slice(1) : hash;
  if (!raw.includes("access_token=")) return null;
  const params = new URLSearchParams(raw);
  const accessToken = params.get("access_token") ?? "";
  const state = params.get("state") ?? "";
  const tokenType = params.get("token_type");
  if (!accessToken || (tokenType !== null && tokenType.toLowerCase() !== "bearer")) return null;
  const expires = Number(params.get("expires_in"));
  return {
    accessToken,
    state,
    expiresInSeconds: Number.isFinite(expires) && expires > 0 ? expires : DEFAULT_EXPIRY_SECONDS,
  };
}

/** Accepts the response only when it answers the request we made (`state` guards against injected tokens). */
export function checkTokenFragment(hash: string, expectedState: string | null): FragmentCheck {
  if (!hash.replace(/^#/, "").includes("access_token")) return { kind: "none" };
  const token = parseTokenFragment(hash);
  if (!token) return { kind: "invalid" };
  if (!expectedState || token.state !== expectedState) return { kind: "state-mismatch" };
  return { kind: "ok", token };
}
