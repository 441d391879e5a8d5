import { CONSENT_POPUP, isCancelledByUser, isConsentError } from "./teams-consent";
import type { AuthSession, SessionState } from "./session";

/**
 * The part of teams-js's `authentication` the tab uses (its real module satisfies it), so a test can stand in
 * for the Microsoft 365 host.
 */
export interface TeamsAuthentication {
  getAuthToken(): Promise<string>;
  authenticate(params: { url: string; width?: number; height?: number }): Promise<string>;
}

/** Single sign-on inside Teams, Outlook and the Microsoft 365 app; `origin` is the tab's, where the popup pages live. */
export function createTeamsSession(auth: TeamsAuthentication, origin: string): AuthSession {
  const start = async (): Promise<SessionState> => {
    try {
      await auth.getAuthToken();
      return { kind: "ready", canSignOut: false };
    } catch (e) {
      // The consent popup needs a click (hosts block popups otherwise): show the button first.
      if (isConsentError(e)) return { kind: "consent", failed: false };
      if (isCancelledByUser(e)) return { kind: "consent", failed: true };
      return { kind: "error", problem: { key: "shell.auth.teamsFailed" } };
    }
  };

  return {
    start,
    // The host caches and renews the token itself; there is nothing more to force.
    token: () => auth.getAuthToken(),
    rejected: (serverMessage) => ({ kind: "error", problem: { text: serverMessage } }),
    succeeded: () => undefined,
    signOut: () => Promise.resolve({ kind: "ready", canSignOut: false }),
    async consent() {
      try {
        await auth.authenticate({
          url: origin + CONSENT_POPUP.path,
          width: CONSENT_POPUP.width,
          height: CONSENT_POPUP.height,
        });
      } catch {
        return { kind: "consent", failed: true };
      }
      // Consent is recorded in Entra ID, not handed over: the host's token comes through getAuthToken again.
      const next = await start();
      return next.kind === "consent" ? { kind: "consent", failed: true } : next;
    },
  };
}
