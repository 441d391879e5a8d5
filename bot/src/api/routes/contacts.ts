import { z } from "zod";
import {
  contactCreateInputSchema,
  contactDetailSchema,
  contactDossierLinkInputSchema,
  contactListQuerySchema,
  contactPageSchema,
  contactSchema,
  contactUpdateInputSchema,
  dossierLinkSchema,
  dossierLinkUpdateInputSchema,
  proposeServiceInputSchema,
  proposeServiceResultSchema,
} from "@comptoir/shared";
import { defineRoute, type AnyRoute } from "../http/route";
import { addContact, contactDetail, deleteContact, listContacts, updateContact } from "../../core/services/contacts";
import { ctxFor, type ServiceDeps } from "../../core/services/context";
import { changeLimitedTo, link, unlink } from "../../core/services/links";
import { propose } from "../../core/services/subscriptions";

const STAFF = ["staff"] as const;
const tag = "contacts";

export function contactRoutes(deps: ServiceDeps): AnyRoute[] {
  return [
    defineRoute({
      method: "get",
      path: "/contacts",
      allow: STAFF,
      tag,
      summary: "Interlocuteurs: list and search, sorted by Nom then Prénom",
      query: contactListQuerySchema,
      response: contactPageSchema,
      handler: async ({ principal, query }) => ({ body: await listContacts(deps, principal.tenantId, query) }),
    }),
    defineRoute({
      method: "post",
      path: "/contacts",
      allow: STAFF,
      tag,
      summary: "Create a contact (Nom, Prénom, E-mail and rôle required)",
      body: contactCreateInputSchema,
      response: contactSchema,
      handler: async ({ principal, body }) => {
        const { value, etag } = await addContact(deps, ctxFor(principal, deps), body);
        return { status: 201, body: value, etag };
      },
    }),
    defineRoute({
      method: "get",
      path: "/contacts/:id",
      allow: STAFF,
      tag,
      summary: "A contact with its Dossiers client",
      response: contactDetailSchema,
      handler: async ({ principal, params }) => {
        const { value, etag } = await contactDetail(deps, principal.tenantId, params.id);
        return { body: value, etag };
      },
    }),
    defineRoute({
      ifMatch: "required",
      method: "patch",
      path: "/contacts/:id",
      allow: STAFF,
      tag,
      summary: "Update a contact (If-Match)",
      body: contactUpdateInputSchema,
      response: contactSchema,
      handler: async ({ principal, params, body, ifMatch }) => {
        const { value, etag } = await updateContact(deps, ctxFor(principal, deps), params.id, body, ifMatch);
        return { body: value, etag };
      },
    }),
    defineRoute({
      ifMatch: "required",
      method: "delete",
      path: "/contacts/:id",
      allow: STAFF,
      tag,
      summary: "Delete a contact, revoking their services (If-Match)",
      handler: async ({ principal, params, ifMatch }) => {
        await deleteContact(deps, ctxFor(principal, deps), params.id, ifMatch);
        return {};
      },
    }),
    defineRoute({
      method: "post",
      path: "/contacts/:id/dossiers",
      allow: STAFF,
      tag,
      summary: "Add a dossier to the contact's Dossiers client",
      body: contactDossierLinkInputSchema,
      response: z.object({ link: dossierLinkSchema }),
      handler: async ({ principal, params, body }) => {
        const result = await link(deps, ctxFor(principal, deps), params.id, body.dossierId, body.limitedTo);
        return { status: result.created ? 201 : 200, body: { link: result.link.value }, etag: result.link.etag };
      },
    }),
    defineRoute({
      ifMatch: "required",
      method: "patch",
      path: "/contacts/:id/dossiers/:dossierId",
      allow: STAFF,
      tag,
      summary: "Change Limité à (If-Match: the link's ETag)",
      body: dossierLinkUpdateInputSchema,
      response: z.object({ link: dossierLinkSchema }),
      handler: async ({ principal, params, body, ifMatch }) => {
        const { value, etag } = await changeLimitedTo(
          deps,
          ctxFor(principal, deps),
          params.id,
          params.dossierId,
          body.limitedTo,
          ifMatch,
        );
        return { body: { link: value }, etag };
      },
    }),
    defineRoute({
      ifMatch: "required",
      method: "delete",
      path: "/contacts/:id/dossiers/:dossierId",
      allow: STAFF,
      tag,
      summary: "Remove a dossier from the contact, revoking the services on it (If-Match)",
      handler: async ({ principal, params, ifMatch }) => {
        await unlink(deps, ctxFor(principal, deps), params.id, params.dossierId, ifMatch);
        return {};
      },
    }),
    defineRoute({
      method: "post",
      path: "/contacts/:id/dossiers/:dossierId/services",
      allow: STAFF,
      tag,
      summary: "Proposer un service collaboratif pour ce dossier (idempotent)",
      body: proposeServiceInputSchema,
      response: proposeServiceResultSchema,
      handler: async ({ principal, params, body }) => {
        const result = await propose(deps, ctxFor(principal, deps), params.id, params.dossierId, body.serviceId);
        return { status: result.created ? 201 : 200, body: result };
      },
    }),
  ];
}
