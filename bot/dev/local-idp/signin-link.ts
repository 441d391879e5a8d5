import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/** The cookie the sign-in link sets (HttpOnly, SameSite=Strict, only under /local-idp). */
export const SIGNIN_COOKIE = "comptoir_local_signin";
/** Where the link printed by `npm start` points, with `?key=<secret>`. */
export const SIGNIN_ENTER_PATH = "/local-idp/enter";

/** A new secret at each start (LOCAL_SIGNIN_SECRET fixes it, for tests). */
export function newSignInSecret(): string {
  return randomBytes(32).toString("base64url");
}

export function signInLink(baseUrl: string, secret: string): string {
  return `${baseUrl}${SIGNIN_ENTER_PATH}?key=${encodeURIComponent(secret)}`;
}

/** Constant-time comparison, on digests so that the length leaks nothing either. */
export function sameSecret(given: string | undefined, secret: string): boolean {
  if (!given) return false;
  const digest = (s: string) => createHash("sha256").update(s).digest();
  return timingSafeEqual(digest(given), digest(secret));
}

/** The sign-in cookie's value in a `Cookie` header. */
export function signInCookieValue(cookieHeader: string | undefined): string | undefined {
  for (const pair of (cookieHeader ?? "").split(";")) {
    const at = pair.indexOf("=");
    if (at > 0 && pair.slice(0, at).trim() === SIGNIN_COOKIE) return decoded(pair.slice(at + 1).trim());
  }
  return undefined;
}

function decoded(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
