import { lazy, type ComponentType, type LazyExoticComponent, type ReactNode } from "react";
import { createHashRouter, Navigate } from "react-router";
import { Layout } from "./Layout";
import { useCurrentUser } from "./me-context";
import { APP_ROUTES, canSee, homePath, type AppRoute, type RouteId } from "./routes";

// One chunk per page keeps the first download small.
const PAGES: Record<RouteId, LazyExoticComponent<ComponentType>> = {
  portfolio: lazy(() => import("../features/portfolio/PortfolioPage")),
  contacts: lazy(() => import("../features/contacts/ContactsPage")),
  roles: lazy(() => import("../features/roles/RolesPage")),
  settings: lazy(() => import("../features/settings/SettingsPage")),
  clientHome: lazy(() => import("../features/client-home/ClientHomePage")),
};

// Not in the navigation: opened from the Portefeuille, by staff only.
const DossierPage = lazy(() => import("../features/dossier/DossierPage"));
// Not in the navigation either: opened from Ma société, by clients only.
const ClientFichePage = lazy(() => import("../features/client-fiche/ClientFichePage"));

function GoHome() {
  return <Navigate to={homePath(useCurrentUser())} replace />;
}

/** Staff never land on client pages and vice versa: they go to their own home instead. */
function Guard({ route, children }: { route: AppRoute; children: ReactNode }) {
  const me = useCurrentUser();
  return canSee(route, me) ? children : <Navigate to={homePath(me)} replace />;
}

function StaffOnly({ page }: { page: ReactNode }) {
  const me = useCurrentUser();
  return me.kind === "staff" ? page : <Navigate to={homePath(me)} replace />;
}

function ClientOnly({ page }: { page: ReactNode }) {
  const me = useCurrentUser();
  return me.kind === "client" ? page : <Navigate to={homePath(me)} replace />;
}

function routeElement(route: AppRoute) {
  const Page = PAGES[route.id];
  return (
    <Guard route={route}>
      <Page />
    </Guard>
  );
}

/** Created after sign-in, once the sign-in response is out of the URL hash. */
export function createAppRouter() {
  return createHashRouter([
    {
      path: "/",
      element: <Layout />,
      children: [
        { index: true, element: <GoHome /> },
        ...APP_ROUTES.map((route) => ({ path: route.path.slice(1), element: routeElement(route) })),
        { path: "dossiers/:id", element: <StaffOnly page={<DossierPage />} /> },
        { path: "ma-societe/:dossierId", element: <ClientOnly page={<ClientFichePage />} /> },
        { path: "*", element: <GoHome /> },
      ],
    },
  ]);
}
