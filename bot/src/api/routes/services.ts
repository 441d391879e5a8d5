import {
  collaborateurListSchema,
  firmSettingsSchema,
  firmSettingsUpdateInputSchema,
  serviceCatalogueSchema,
  serviceSubscriptionSchema,
} from "@comptoir/shared";
import { defineRoute, type AnyRoute } from "../http/route";
import { ctxFor, type ServiceDeps } from "../../core/services/context";
import { getSettings, updateSettings } from "../../core/services/settings";
import { transition } from "../../core/services/subscriptions";

export function serviceRoutes(deps: ServiceDeps): AnyRoute[] {
  return [
    defineRoute({
      method: "get",
      path: "/services",
      allow: ["staff"],
      tag: "services",
      summary: "The active service catalogue",
      response: serviceCatalogueSchema,
      handler: async ({ principal }) => {
        const settings = await getSettings(deps, principal.tenantId);
        return { body: { items: settings.value.services.filter((s) => s.active), firmName: settings.value.name } };
      },
    }),
    defineRoute({
      method: "post",
      path: "/subscriptions/:id/revoke",
      ifMatch: "optional",
      allow: ["staff"],
      tag: "services",
      summary: "Revoke a service subscription",
      response: serviceSubscriptionSchema,
      handler: async ({ principal, params, ifMatch }) => {
        const { value, etag } = await transition(
          deps,
          ctxFor(principal, deps),
          params.id,
          "revoked",
          ifMatch || undefined,
        );
        return { body: value, etag };
      },
    }),
    defineRoute({
      method: "get",
      path: "/settings",
      allow: ["admin"],
      tag: "settings",
      summary: "Firm settings: name, subscription, service catalogue",
      response: firmSettingsSchema,
      handler: async ({ principal }) => {
        const { value, etag } = await getSettings(deps, principal.tenantId);
        return { body: value, etag };
      },
    }),
    defineRoute({
      method: "get",
      path: "/settings/collaborateurs",
      allow: ["admin"],
      tag: "settings",
      summary: "The collaborateurs responsible of some dossier (whose e-mail and phone clients may be shown)",
      response: collaborateurListSchema,
      handler: async ({ principal }) => ({
        body: { items: (await deps.projections.portfolio.get(principal.tenantId)).responsibles() },
      }),
    }),
    defineRoute({
      ifMatch: "required",
      method: "put",
      path: "/settings",
      allow: ["admin"],
      tag: "settings",
      summary: "Replace the firm settings (If-Match)",
      body: firmSettingsUpdateInputSchema,
      response: firmSettingsSchema,
      handler: async ({ principal, body, ifMatch }) => {
        const { value, etag } = await updateSettings(deps, ctxFor(principal, deps), body, ifMatch);
        return { body: value, etag };
      },
    }),
  ];
}
