import { checkTokenFragment } from "./token-fragment";

/** The part of Web Storage we use, so tests can pass a Map-backed fake. */
export type KeyValueStore = Pick<Storage, "getItem" | "setItem" | "removeItem">;

const KEYS = {
  token: "comptoir.auth.token",
  state: "comptoir.auth.state",
  returnTo: "comptoir.auth.returnTo",
  reauth: "comptoir.auth.reauth",
} as const;

interface StoredToken {
  accessToken: string;
  expiresAt: number;
}

function isStoredToken(value: unknown): value is StoredToken {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.accessToken === "string" && typeof v.expiresAt === "number";
}

/** The token, unless it is missing, unreadable or expired (an expired one is dropped). */
export function readStoredToken(store: KeyValueStore, now: number): string | null {
  const raw = store.getItem(KEYS.token);
  if (!raw) return null;
  try {
    const parsed: unknown = JSON.parse(raw);
    if (isStoredToken(parsed) && parsed.expiresAt > now) return parsed.accessToken;
  } catch {
    // Unreadable: treat as signed out.
  }
  store.removeItem(KEYS.token);
  return null;
}

export function storeToken(store: KeyValueStore, accessToken: string, expiresInSeconds: number, now: number): void {
  const value: StoredToken = { accessToken, expiresAt: now + expiresInSeconds * 1000 };
  store.setItem(KEYS.token, JSON.stringify(value));
}

export function clearToken(store: KeyValueStore): void {
  store.removeItem(KEYS.token);
}

/** `state` is an unguessable nonce; the response must echo it back. */
export function newState(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

export function buildAuthorizeUrl(authorizeUrl: string, redirectUri: string, state: string): string {
  const separator = authorizeUrl.includes("?") ? "&" : "?";
  return `${authorizeUrl}${separator}redirect_uri=${encodeURIComponent(redirectUri)}&state=${encodeURIComponent(state)}`;
}

/**
 * Sends the page to the local sign-in page. `returnTo` (search + hash) is where the person
 * lands afterwards; the local page only knows `redirect_uri`, which carries no route.
 */
export function beginLocalSignIn(win: Window, store: KeyValueStore, authorizeUrl: string, returnTo: string): void {
  const state = newState();
  store.setItem(KEYS.state, state);
  store.setItem(KEYS.returnTo, returnTo);
  win.location.assign(buildAuthorizeUrl(authorizeUrl, win.location.origin + win.location.pathname, state));
}

export type RedirectOutcome = "none" | "signed-in" | "rejected";

/**
 * Runs once at start-up, before the hash router reads the URL: takes the token out of the
 * fragment, checks `state`, and puts back the route the person wanted.
 */
export function consumeLocalRedirect(win: Window, store: KeyValueStore, now: number): RedirectOutcome {
  const check = checkTokenFragment(win.location.hash, store.getItem(KEYS.state));
  if (check.kind === "none") return "none";
  store.removeItem(KEYS.state);
  const returnTo = store.getItem(KEYS.returnTo) ?? "";
  store.removeItem(KEYS.returnTo);
  // The token must leave the address bar (and history) whatever the outcome.
  win.history.replaceState(null, "", win.location.pathname + returnTo);
  if (check.kind !== "ok") return "rejected";
  storeToken(store, check.token.accessToken, check.token.expiresInSeconds, now);
  return "signed-in";
}

/** One automatic new sign-in after a 401; a second 401 in a row shows an error instead of looping. */
export function tryReauthAttempt(store: KeyValueStore): boolean {
  if (store.getItem(KEYS.reauth)) return false;
  store.setItem(KEYS.reauth, "1");
  return true;
}

export function clearReauthAttempt(store: KeyValueStore): void {
  store.removeItem(KEYS.reauth);
}
