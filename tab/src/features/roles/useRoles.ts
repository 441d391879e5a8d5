import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import { roleListSchema } from "@comptoir/shared/api/back-office";
import {
  organisationalRoleSchema,
  type RoleCreateInput,
  type RoleUpdateInput,
} from "@comptoir/shared/domain/organisational-role";
import { apiFetch } from "../../api/client";
import { apiPath, queryKeys } from "../query-keys";

/**
 * `GET /roles` names no version per role, yet PATCH and DELETE need `If-Match`. We use, in order: the
 * item's `etag` when the server sends one, the ETag this tab got from its own last write of the role,
 * else `*` ("whatever the current version is").
 */
const roleListWithEtagsSchema = z.object({
  items: z.array(roleListSchema.shape.items.element.extend({ etag: z.string().optional() })),
});
export type RoleRow = z.infer<typeof roleListWithEtagsSchema>["items"][number];

const ANY_VERSION = "*";
const writtenEtags = new Map<string, string>();

export function roleEtag(role: RoleRow): string {
  return role.etag ?? writtenEtags.get(role.id) ?? ANY_VERSION;
}

function remember(id: string, etag: string | null) {
  if (etag) writtenEtags.set(id, etag);
}

/** `GET /roles`, each with how many interlocuteurs use it. */
export function useRoles() {
  return useQuery({
    queryKey: queryKeys.roles,
    queryFn: async ({ signal }) =>
      (await apiFetch(apiPath("roles"), { schema: roleListWithEtagsSchema, signal })).data.items,
  });
}

export function useCreateRole() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: RoleCreateInput) =>
      apiFetch(apiPath("roles"), { method: "POST", body: input, schema: organisationalRoleSchema }),
    onSuccess: (result) => {
      remember(result.data.id, result.etag);
      void client.invalidateQueries({ queryKey: queryKeys.roles });
    },
  });
}

export function useUpdateRole() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ role, patch }: { role: RoleRow; patch: RoleUpdateInput }) =>
      apiFetch(apiPath("roles", role.id), {
        method: "PATCH",
        body: patch,
        etag: roleEtag(role),
        schema: organisationalRoleSchema,
      }),
    onSuccess: (result) => {
      remember(result.data.id, result.etag);
      void client.invalidateQueries({ queryKey: queryKeys.roles });
    },
  });
}

export function useDeleteRole() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (role: RoleRow) =>
      apiFetch(apiPath("roles", role.id), { method: "DELETE", etag: roleEtag(role), schema: z.undefined() }),
    onSuccess: (_, role) => {
      writtenEtags.delete(role.id);
      void client.invalidateQueries({ queryKey: queryKeys.roles });
    },
  });
}
