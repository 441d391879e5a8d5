import { ID_PATTERN } from "@comptoir/shared/domain/common";

/**
 * The tab route a Teams deep link asks for: the links the bot and the message extension build carry the page in
 * `subEntityId` (`dossiers/<id>`, `ma-societe/<id>`), which the host hands back as `page.subPageId`. Anything else
 * is ignored, so a crafted link cannot send the tab anywhere but those two pages.
 */
export function startRouteFor(subPageId: string | undefined): string | null {
  const match = /^(dossiers|ma-societe)\/(.+)$/.exec(subPageId ?? "");
  if (!match?.[1] || !match[2] || !ID_PATTERN.test(match[2])) return null;
  return `/${match[1]}/${match[2]}`;
}

/** What applyStartRoute uses of the window (a test passes a plain object). */
interface RoutableWindow {
  readonly location: { readonly hash: string };
  readonly history: { readonly state: unknown; replaceState(data: unknown, unused: string, url: string): void };
}

/** Opens the deep link's page unless the URL already names one (a reload keeps where the person was). */
export function applyStartRoute(route: string | null, win: RoutableWindow): void {
  const current = win.location.hash.replace(/^#/, "");
  if (!route || (current !== "" && current !== "/")) return;
  win.history.replaceState(win.history.state, "", `#${route}`);
}
