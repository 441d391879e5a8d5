import {
  applyRoleUpdate,
  assertRoleDeletable,
  createRole,
  type OrganisationalRole,
  type RoleCreateData,
  type RoleUpdateData,
} from "@comptoir/shared";
import type { Versioned } from "../repos";
import { audit } from "./audit";
import { found, type Ctx, type ServiceDeps } from "./context";

export async function listRoles(
  deps: ServiceDeps,
  tenantId: string,
): Promise<(OrganisationalRole & { usage: number; etag: string })[]> {
  const roles = await deps.repos.roles.list(tenantId);
  const usage = await Promise.all(roles.map((r) => deps.repos.contacts.countByRole(tenantId, r.value.id)));
  return roles
    .map((r, i) => ({ ...r.value, usage: usage[i] ?? 0, etag: r.etag }))
    .sort((a, b) => a.label.localeCompare(b.label, "fr", { sensitivity: "base" }));
}

/** The label check here gives a friendly early error; the label row in storage is what really enforces it. */
export async function addRole(
  deps: ServiceDeps,
  ctx: Ctx,
  data: RoleCreateData,
): Promise<Versioned<OrganisationalRole>> {
  const existing = (await deps.repos.roles.list(ctx.tenantId)).map((r) => r.value);
  const role = createRole(data, { id: deps.newId(), now: ctx.now, existing });
  const etag = await deps.repos.roles.create(ctx.tenantId, role);
  await audit(deps, ctx, "role.created", { type: "role", id: role.id }, { after: role });
  return { value: role, etag };
}

export async function updateRole(
  deps: ServiceDeps,
  ctx: Ctx,
  id: string,
  patch: RoleUpdateData,
  etag: string,
): Promise<Versioned<OrganisationalRole>> {
  const all = (await deps.repos.roles.list(ctx.tenantId)).map((r) => r.value);
  const current = found(
    all.find((r) => r.id === id),
    "NOT_FOUND",
  );
  const next = applyRoleUpdate(current, patch, { now: ctx.now, existing: all });
  const newEtag = await deps.repos.roles.update(ctx.tenantId, current, next, etag);
  await audit(deps, ctx, "role.updated", { type: "role", id }, { before: current, after: next });
  return { value: next, etag: newEtag };
}

/** Refused with ROLE_IN_USE while contacts carry the role. */
export async function deleteRole(deps: ServiceDeps, ctx: Ctx, id: string, etag: string): Promise<void> {
  const current = found(await deps.repos.roles.get(ctx.tenantId, id), "NOT_FOUND");
  assertRoleDeletable(await deps.repos.contacts.countByRole(ctx.tenantId, id));
  await deps.repos.roles.delete(ctx.tenantId, current.value, etag);
  await audit(deps, ctx, "role.deleted", { type: "role", id }, { before: current.value });
}
