import type { MeResponse, MessageKey } from "@comptoir/shared";

export type RouteId = "portfolio" | "contacts" | "roles" | "settings" | "clientHome";
type Audience = "staff" | "admin" | "client";

export interface AppRoute {
  id: RouteId;
  /** Hash route, e.g. `#/portefeuille`. */
  path: string;
  labelKey: MessageKey;
  audience: Audience;
}

/** Navigation order; the first route an audience can see is its home page. */
export const APP_ROUTES: readonly AppRoute[] = [
  { id: "portfolio", path: "/portefeuille", labelKey: "shell.nav.portfolio", audience: "staff" },
  { id: "contacts", path: "/interlocuteurs", labelKey: "shell.nav.contacts", audience: "staff" },
  { id: "roles", path: "/roles", labelKey: "shell.nav.roles", audience: "staff" },
  { id: "settings", path: "/parametres", labelKey: "shell.nav.settings", audience: "admin" },
  { id: "clientHome", path: "/ma-societe", labelKey: "shell.nav.clientHome", audience: "client" },
];

export type Viewer = Pick<MeResponse, "kind" | "roles">;

export function canSee(route: AppRoute, viewer: Viewer): boolean {
  switch (route.audience) {
    case "client":
      return viewer.kind === "client";
    case "staff":
      return viewer.kind === "staff";
    case "admin":
      return viewer.kind === "staff" && viewer.roles.includes("Firm.Admin");
  }
}

export function navRoutes(viewer: Viewer): AppRoute[] {
  return APP_ROUTES.filter((route) => canSee(route, viewer));
}

export function homePath(viewer: Viewer): string {
  return viewer.kind === "staff" ? "/portefeuille" : "/ma-societe";
}
