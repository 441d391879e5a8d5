import { detectHost, isFramed, type HostWindow } from "./host";
import { startRouteFor } from "./start-route";
import type { TeamsAuthentication } from "./teams-auth";

/**
 * What the tab uses of teams-js (its module satisfies this), so a test can stand in for the Microsoft 365 host.
 */
export interface TeamsSdk {
  app: {
    initialize(): Promise<void>;
    getContext(): Promise<{ app: { locale: string; theme: string }; page?: { subPageId?: string } }>;
    notifySuccess(): Promise<unknown>;
    registerOnThemeChangeHandler(handler: (theme: string) => void): void;
  };
  authentication: TeamsAuthentication;
}

/** Where the tab runs, and what the Microsoft 365 host told us about the person's preferences. */
export interface HostInfo {
  kind: "teams" | "browser";
  /** Loaded only inside a Microsoft 365 host, so the browser build stays light. */
  teams: TeamsSdk | null;
  locale: string | null;
  theme: string | null;
  /** The page a Teams deep link opened the tab on (`/dossiers/<id>`…), if any. */
  startRoute: string | null;
}

const BROWSER: HostInfo = { kind: "browser", teams: null, locale: null, theme: null, startRoute: null };
export const INIT_TIMEOUT_MS = 8000;

function timeout(ms: number): Promise<never> {
  return new Promise((_, reject) => setTimeout(() => reject(new Error("host initialisation timed out")), ms));
}

const loadTeamsJs = (): Promise<TeamsSdk> => import("@microsoft/teams-js");

export async function initHost(win: HostWindow, loadSdk: () => Promise<TeamsSdk> = loadTeamsJs): Promise<HostInfo> {
  if (detectHost(win.location.href, isFramed(win)) === "browser") return BROWSER;
  try {
    const teams = await loadSdk();
    await Promise.race([teams.app.initialize(), timeout(INIT_TIMEOUT_MS)]);
    const context = await teams.app.getContext();
    // Hides the host's loading indicator when the manifest asks for one.
    teams.app.notifySuccess().catch(() => undefined);
    return {
      kind: "teams",
      teams,
      locale: context.app.locale,
      theme: context.app.theme,
      startRoute: startRouteFor(context.page?.subPageId),
    };
  } catch {
    // Framed by a page that is not a Microsoft 365 host (or the SDK failed): behave as a plain browser.
    return BROWSER;
  }
}
