import { z } from "zod";
import { AppError } from "../errors";
import { definedEntries, idSchema, isoTimestampSchema, optionalTextSchema, textSchema } from "./common";

/** A role a client's contact holds in their company (Dirigeant, Comptable interne…), defined by the firm. */
const roleFields = {
  label: textSchema(80),
  description: optionalTextSchema(500).default(null),
};

export const roleCreateInputSchema = z.object(roleFields);
export type RoleCreateInput = z.input<typeof roleCreateInputSchema>;
export type RoleCreateData = z.output<typeof roleCreateInputSchema>;

/** PATCH body: only the keys present change; `description: null` clears it. */
export const roleUpdateInputSchema = z.object({
  label: textSchema(80).optional(),
  description: optionalTextSchema(500).optional(),
});
export type RoleUpdateInput = z.input<typeof roleUpdateInputSchema>;
export type RoleUpdateData = z.output<typeof roleUpdateInputSchema>;

export const organisationalRoleSchema = z.object({
  id: idSchema,
  ...roleFields,
  createdAt: isoTimestampSchema,
  updatedAt: isoTimestampSchema,
});
export type OrganisationalRole = z.infer<typeof organisationalRoleSchema>;

/** Uniqueness key of a label: "Dirigeant", " dirigeant " and "DIRIGEANT" are the same role. */
export function normalizeRoleLabel(label: string): string {
  return label.normalize("NFKC").trim().replace(/\s+/g, " ").toLocaleLowerCase("fr");
}

type RoleRef = Pick<OrganisationalRole, "id" | "label">;

/** `ROLE_LABEL_TAKEN` when another role (not `selfId`) already has this label. */
export function assertRoleLabelAvailable(label: string, existing: Iterable<RoleRef>, selfId?: string): void {
  const key = normalizeRoleLabel(label);
  for (const role of existing) {
    if (role.id !== selfId && normalizeRoleLabel(role.label) === key) {
      throw new AppError("ROLE_LABEL_TAKEN", { label: label.trim() });
    }
  }
}

/** `ROLE_NOT_FOUND` unless `roleId` is one of the firm's roles. */
export function assertRoleExists(roleId: string, roleIds: ReadonlySet<string> | readonly string[]): void {
  const known = "has" in roleIds ? roleIds.has(roleId) : roleIds.includes(roleId);
  if (!known) throw new AppError("ROLE_NOT_FOUND", { roleId });
}

/** `ROLE_IN_USE` while contacts still hold the role (`usageCount` = how many). */
export function assertRoleDeletable(usageCount: number): void {
  if (usageCount > 0) throw new AppError("ROLE_IN_USE", { count: usageCount });
}

export function createRole(
  data: RoleCreateData,
  ctx: { id: string; now: Date; existing: Iterable<RoleRef> },
): OrganisationalRole {
  assertRoleLabelAvailable(data.label, ctx.existing);
  const at = ctx.now.toISOString();
  return { id: ctx.id, ...data, createdAt: at, updatedAt: at };
}

export function applyRoleUpdate(
  role: OrganisationalRole,
  patch: RoleUpdateData,
  ctx: { now: Date; existing: Iterable<RoleRef> },
): OrganisationalRole {
  if (patch.label !== undefined) assertRoleLabelAvailable(patch.label, ctx.existing, role.id);
  return { ...role, ...definedEntries(patch), updatedAt: ctx.now.toISOString() };
}
