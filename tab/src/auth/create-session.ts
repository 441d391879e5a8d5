import type { AuthConfig } from "@comptoir/shared/auth-config";
import { createLocalSession } from "./local-auth";
import type { RedirectOutcome } from "./local-session";
import { createMsalSession } from "./msal-auth";
import type { AuthSession } from "./session";
import { createTeamsSession } from "./teams-auth";
import type { HostInfo } from "./teams-host";

/** Local mode uses the demo page everywhere (even framed); Entra uses SSO in a host, MSAL in a browser. */
export function createSession(config: AuthConfig, host: HostInfo, win: Window, outcome: RedirectOutcome): AuthSession {
  if (config.mode === "local") return createLocalSession(config, win, outcome);
  if (host.teams) return createTeamsSession(host.teams.authentication, win.location.origin);
  return createMsalSession(config, win);
}
