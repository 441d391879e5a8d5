import type { AuthConfig } from "@comptoir/shared/auth-config";
import {
  beginLocalSignIn,
  clearReauthAttempt,
  clearToken,
  readStoredToken,
  tryReauthAttempt,
  type RedirectOutcome,
} from "./local-session";
import { missingSetting, type AuthSession, type SessionState } from "./session";

/** Demo sign-in: the bot's local page picks a person and hands back a token in the fragment. */
export function createLocalSession(config: AuthConfig, win: Window, outcome: RedirectOutcome): AuthSession {
  const store = win.sessionStorage;
  const authorizeUrl = config.localAuthorizeUrl;
  // Several queries can fail with 401 at once: the first one starts the sign-in, the others follow it.
  let leaving = false;

  const redirect = (returnTo: string): SessionState => {
    if (!authorizeUrl) return missingSetting("localAuthorizeUrl");
    leaving = true;
    beginLocalSignIn(win, store, authorizeUrl, returnTo);
    return { kind: "redirecting" };
  };
  const currentRoute = () => win.location.search + win.location.hash;

  return {
    start(attempt) {
      if (attempt === "first" && outcome === "rejected")
        return Promise.resolve({ kind: "error", problem: { key: "shell.auth.stateMismatch" }, signInAgain: true });
      if (readStoredToken(store, Date.now())) return Promise.resolve({ kind: "ready", canSignOut: true });
      return Promise.resolve(redirect(currentRoute()));
    },
    token() {
      // No token left (expired): the server answers 401 and `rejected` signs in again.
      return Promise.resolve(readStoredToken(store, Date.now()) ?? "");
    },
    rejected(serverMessage) {
      if (leaving) return { kind: "redirecting" };
      clearToken(store);
      if (!tryReauthAttempt(store)) return { kind: "error", problem: { text: serverMessage }, signInAgain: true };
      return redirect(currentRoute());
    },
    succeeded() {
      clearReauthAttempt(store);
    },
    signOut() {
      clearToken(store);
      clearReauthAttempt(store);
      // The next person starts from their own home page, not from the previous one's route.
      return Promise.resolve(redirect(win.location.search));
    },
  };
}
