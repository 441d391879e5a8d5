import type { MessageKey, Params } from "@comptoir/shared";

/** Something to tell the person: a catalogue message, or a message the server already localized. */
export type Problem = { key: MessageKey; params?: Params } | { text: string };

export type SessionState =
  | { kind: "starting" }
  | { kind: "ready"; canSignOut: boolean }
  | { kind: "redirecting" }
  | { kind: "consent"; failed: boolean }
  /** `signInAgain`: the way out is a new sign-in rather than a plain retry. */
  | { kind: "error"; problem: Problem; signInAgain?: boolean };

/** One way of signing in (local demo page, Teams SSO, or MSAL in a browser). */
export interface AuthSession {
  /** `retry` after an error the person acknowledged; `first` may run twice (React strict mode). */
  start(attempt: "first" | "retry"): Promise<SessionState>;
  token(refresh: boolean): Promise<string>;
  /** The server refused the token even after a refresh. */
  rejected(serverMessage: string): SessionState;
  /** An authenticated call went through. */
  succeeded(): void;
  signOut(): Promise<SessionState>;
  /** Teams only: asks for consent in a popup, then starts again. */
  consent?(): Promise<SessionState>;
}

export const missingSetting = (setting: string): SessionState => ({
  kind: "error",
  problem: { key: "shell.auth.misconfigured", params: { setting } },
});
