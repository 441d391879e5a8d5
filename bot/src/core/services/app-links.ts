import { teamsTabDeepLink } from "@comptoir/shared";

/** Where the cards' "open" buttons lead: the app's tabs in Teams, or the web app when there is no Teams app. */
export interface AppLinks {
  /**
   * Public base URL of the web app (the tab's content URL without its hash route). A function when it is
   * known only once the server listens (local mode on a free port).
   */
  webUrl: string | (() => string);
  /** The Teams app (manifest) id; without it (local mode) links open the web app directly. */
  teamsAppId?: string;
}

/** Static tab `entityId`s of appPackage/manifest.template.json. */
const TABS = { staff: "staff", client: "client" } as const;

function webRoute(links: AppLinks, route: string): string {
  const base = typeof links.webUrl === "function" ? links.webUrl() : links.webUrl;
  return `${base.replace(/\/+$/, "")}/#${route}`;
}

function link(links: AppLinks, tab: keyof typeof TABS, route: string, subEntityId?: string): string {
  const webUrl = webRoute(links, route);
  if (!links.teamsAppId) return webUrl;
  return teamsTabDeepLink({
    appId: links.teamsAppId,
    entityId: TABS[tab],
    webUrl,
    ...(subEntityId ? { subEntityId } : {}),
  });
}

/** The client's space (*Ma société*). */
export function clientSpaceLink(links: AppLinks): string {
  return link(links, "client", "/ma-societe");
}

/** A dossier in the staff workspace. */
export function staffDossierLink(links: AppLinks, dossierId: string): string {
  return link(links, "staff", `/dossiers/${encodeURIComponent(dossierId)}`, `dossiers/${dossierId}`);
}

/** A société in the client's space: its fiche opens on the synthèse of its latest exercice. */
export function clientSocieteLink(links: AppLinks, dossierId: string): string {
  return link(links, "client", `/ma-societe/${encodeURIComponent(dossierId)}`, `ma-societe/${dossierId}`);
}

/** The public base URL of the web app, as configured (TAB_ENDPOINT), e.g. to recognise our own links. */
export function webBaseUrl(links: AppLinks): string {
  return typeof links.webUrl === "function" ? links.webUrl() : links.webUrl;
}

/** A dossier in the staff workspace as a plain web URL (browser, Outlook), never a Teams deep link. */
export function staffDossierWebUrl(links: AppLinks, dossierId: string): string {
  return webRoute(links, `/dossiers/${encodeURIComponent(dossierId)}`);
}

/** A société in the client's space as a plain web URL. */
export function clientSocieteWebUrl(links: AppLinks, dossierId: string): string {
  return webRoute(links, `/ma-societe/${encodeURIComponent(dossierId)}`);
}
