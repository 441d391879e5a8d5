import { z } from "zod";
import {
  auditPageSchema,
  auditQuerySchema,
  dossierContactLinkInputSchema,
  dossierCreateInputSchema,
  dossierDetailSchema,
  dossierListQuerySchema,
  dossierPageSchema,
  dossierSchema,
  dossierUpdateInputSchema,
  offerToggleInputSchema,
  widgetInputSchema,
  dossierLinkSchema,
  isAdmin,
} from "@comptoir/shared";
import { defineRoute, type AnyRoute } from "../http/route";
import { ctxFor, type ServiceDeps } from "../../core/services/context";
import {
  createNewDossier,
  deleteDossier,
  dossierAudit,
  dossierDetail,
  initializeWidget,
  listDossiers,
  setConsultationOffer,
  updateDossier,
} from "../../core/services/dossiers";
import { link } from "../../core/services/links";

const STAFF = ["staff"] as const;
const tag = "dossiers";

export function dossierRoutes(deps: ServiceDeps): AnyRoute[] {
  return [
    defineRoute({
      method: "get",
      path: "/dossiers",
      allow: STAFF,
      tag,
      summary: "Portefeuille: list, search, sort and page the firm's dossiers",
      query: dossierListQuerySchema,
      response: dossierPageSchema,
      handler: async ({ principal, query }) => ({ body: await listDossiers(deps, principal.tenantId, query) }),
    }),
    defineRoute({
      method: "post",
      path: "/dossiers",
      allow: STAFF,
      tag,
      summary: "Create a dossier",
      body: dossierCreateInputSchema,
      response: dossierSchema,
      handler: async ({ principal, body }) => {
        const { value, etag } = await createNewDossier(deps, ctxFor(principal, deps), body);
        return { status: 201, body: value, etag };
      },
    }),
    defineRoute({
      method: "get",
      path: "/dossiers/:id",
      allow: STAFF,
      tag,
      summary: "A dossier with its offers, établissements, contacts and services",
      response: dossierDetailSchema,
      handler: async ({ principal, params }) => {
        const { value, etag } = await dossierDetail(deps, principal.tenantId, params.id);
        return { body: value, etag };
      },
    }),
    defineRoute({
      ifMatch: "required",
      method: "patch",
      path: "/dossiers/:id",
      allow: STAFF,
      tag,
      summary: "Update a dossier (If-Match)",
      body: dossierUpdateInputSchema,
      response: dossierSchema,
      handler: async ({ principal, params, body, ifMatch }) => {
        const { value, etag } = await updateDossier(deps, ctxFor(principal, deps), params.id, body, ifMatch);
        return { body: value, etag };
      },
    }),
    defineRoute({
      ifMatch: "required",
      method: "delete",
      path: "/dossiers/:id",
      allow: STAFF,
      tag,
      summary: "Delete a dossier without live services (If-Match)",
      handler: async ({ principal, params, ifMatch }) => {
        await deleteDossier(deps, ctxFor(principal, deps), params.id, ifMatch);
        return {};
      },
    }),
    defineRoute({
      ifMatch: "required",
      method: "put",
      path: "/dossiers/:id/offers/consultation",
      allow: STAFF,
      tag,
      summary: "Activate or deactivate the Consultation offer (If-Match)",
      body: offerToggleInputSchema,
      response: dossierSchema,
      handler: async ({ principal, params, body, ifMatch }) => {
        const { value, etag } = await setConsultationOffer(
          deps,
          ctxFor(principal, deps),
          params.id,
          body.active,
          ifMatch,
          isAdmin(principal) ? "admin" : "staff",
        );
        return { body: value, etag };
      },
    }),
    defineRoute({
      ifMatch: "required",
      method: "put",
      path: "/dossiers/:id/widget",
      allow: STAFF,
      tag,
      summary: "Initialise the collaborative widget (If-Match)",
      body: widgetInputSchema,
      response: dossierSchema,
      handler: async ({ principal, params, body, ifMatch }) => {
        const { value, etag } = await initializeWidget(
          deps,
          ctxFor(principal, deps),
          params.id,
          body.extensionActive,
          ifMatch,
        );
        return { body: value, etag };
      },
    }),
    defineRoute({
      method: "post",
      path: "/dossiers/:id/contacts",
      allow: STAFF,
      tag,
      summary: "Attach an existing contact to the dossier",
      body: dossierContactLinkInputSchema,
      response: z.object({ link: dossierLinkSchema }),
      handler: async ({ principal, params, body }) => {
        const result = await link(deps, ctxFor(principal, deps), body.contactId, params.id, body.limitedTo);
        return { status: result.created ? 201 : 200, body: { link: result.link.value }, etag: result.link.etag };
      },
    }),
    defineRoute({
      method: "get",
      path: "/dossiers/:id/audit",
      allow: STAFF,
      tag,
      summary: "The dossier's audit events, newest first",
      query: auditQuerySchema,
      response: auditPageSchema,
      handler: async ({ principal, params, query }) => ({
        body: await dossierAudit(deps, principal.tenantId, params.id, query),
      }),
    }),
  ];
}
