import {
  organisationalRoleSchema,
  roleCreateInputSchema,
  roleListSchema,
  roleUpdateInputSchema,
} from "@comptoir/shared";
import { defineRoute, type AnyRoute } from "../http/route";
import { ctxFor, type ServiceDeps } from "../../core/services/context";
import { addRole, deleteRole, listRoles, updateRole } from "../../core/services/roles";

const STAFF = ["staff"] as const;
const tag = "roles";

export function roleRoutes(deps: ServiceDeps): AnyRoute[] {
  return [
    defineRoute({
      method: "get",
      path: "/roles",
      allow: STAFF,
      tag,
      summary: "Rôles organisationnels, with how many contacts use each",
      response: roleListSchema,
      handler: async ({ principal }) => ({ body: { items: await listRoles(deps, principal.tenantId) } }),
    }),
    defineRoute({
      method: "post",
      path: "/roles",
      allow: STAFF,
      tag,
      summary: "Create a role (label unique, case-insensitive)",
      body: roleCreateInputSchema,
      response: organisationalRoleSchema,
      handler: async ({ principal, body }) => {
        const { value, etag } = await addRole(deps, ctxFor(principal, deps), body);
        return { status: 201, body: value, etag };
      },
    }),
    defineRoute({
      ifMatch: "required",
      method: "patch",
      path: "/roles/:id",
      allow: STAFF,
      tag,
      summary: "Rename or describe a role (If-Match)",
      body: roleUpdateInputSchema,
      response: organisationalRoleSchema,
      handler: async ({ principal, params, body, ifMatch }) => {
        const { value, etag } = await updateRole(deps, ctxFor(principal, deps), params.id, body, ifMatch);
        return { body: value, etag };
      },
    }),
    defineRoute({
      ifMatch: "required",
      method: "delete",
      path: "/roles/:id",
      allow: STAFF,
      tag,
      summary: "Delete a role no contact uses (If-Match)",
      handler: async ({ principal, params, ifMatch }) => {
        await deleteRole(deps, ctxFor(principal, deps), params.id, ifMatch);
        return {};
      },
    }),
  ];
}
