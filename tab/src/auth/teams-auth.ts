import { CONSENT_POPUP, isConsentError } from "./teams-consent";
import type { TeamsSdk } from "./teams-host";
import type { AuthSession, SessionState } from "./session";

/** Single sign-on inside Teams, Outlook and the Microsoft 365 app. */
export function createTeamsSession(teams: TeamsSdk, win: Window): AuthSession {
  const start = async (): Promise<SessionState> => {
    try {
      await teams.authentication.getAuthToken();
      return { kind: "ready", canSignOut: false };
    } catch (e) {
      if (isConsentError(e)) return { kind: "consent", failed: false };
      return { kind: "error", problem: { key: "shell.auth.teamsFailed" } };
    }
  };

  return {
    start,
    // The host caches and renews the token itself; there is nothing more to force.
    token: () => teams.authentication.getAuthToken(),
    rejected: (serverMessage) => ({ kind: "error", problem: { text: serverMessage } }),
    succeeded: () => undefined,
    signOut: () => Promise.resolve({ kind: "ready", canSignOut: false }),
    async consent() {
      try {
        await teams.authentication.authenticate({
          url: win.location.origin + CONSENT_POPUP.path,
          width: CONSENT_POPUP.width,
          height: CONSENT_POPUP.height,
        });
      } catch {
        return { kind: "consent", failed: true };
      }
      const next = await start();
      return next.kind === "consent" ? { kind: "consent", failed: true } : next;
    },
  };
}
