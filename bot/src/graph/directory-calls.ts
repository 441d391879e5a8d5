import { AppError } from "@comptoir/shared";
import type { GraphHttp } from "./http";
import type { RetryPolicy } from "./retry";
import {
  appRoleAssignmentPageSchema,
  directoryUserSchema,
  servicePrincipalSchema,
  type AppRoleAssignment,
  type DirectoryUser,
  type ServicePrincipal,
} from "./schemas";

/** Someone waits in a chat for these answers: two short attempts, then the caller fails closed. */
const INTERACTIVE: { retry: Partial<RetryPolicy>; timeoutMs: number } = {
  retry: { maxAttempts: 2, baseDelayMs: 200, maxDelayMs: 1_000, maxTotalDelayMs: 1_000 },
  timeoutMs: 4_000,
};
/** A user's assignments to one app fit in one page; more pages than this is not a directory we understand. */
const MAX_PAGES = 10;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The directory reads behind "who is staff" (Microsoft Learn: servicePrincipal get, user get, user list appRoleAssignments). */
export interface DirectoryCalls {
  /**
   * GET /servicePrincipals(appId='{appId}')?$select=id,appRoles: the app's service principal in this tenant.
   * A service principal may read its own without any permission.
   */
  getServicePrincipal(appId: string): Promise<ServicePrincipal>;
  /** GET /users/{id}?$select=id,userType; null when the directory has no such user (404). */
  findDirectoryUser(userId: string): Promise<DirectoryUser | null>;
  /**
   * GET /users/{id}/appRoleAssignments?$filter=resourceId eq {resourceId}: the user's own assignments to that app
   * and those of the groups the user is a *direct* member of (Directory.Read.All, the least privileged
   * application permission). `$count=true` with `ConsistencyLevel: eventual`, as Microsoft Learn asks for
   * complete results when a user has many indirect assignments.
   */
  listAppRoleAssignments(userId: string, resourceId: string): Promise<AppRoleAssignment[]>;
}

export function directoryCalls(http: GraphHttp): DirectoryCalls {
  const seg = encodeURIComponent;
  return {
    async getServicePrincipal(appId) {
      const key = seg(appId.replace(/'/g, "''"));
      const { data } = await http.request({
        method: "GET",
        path: `/servicePrincipals(appId='${key}')?$select=id,appRoles`,
        schema: servicePrincipalSchema,
        ...INTERACTIVE,
      });
      return data;
    },

    async findDirectoryUser(userId) {
      const { status, data } = await http.request({
        method: "GET",
        path: `/users/${seg(userId)}?$select=id,userType`,
        schema: directoryUserSchema,
        okStatuses: [404],
        ...INTERACTIVE,
      });
      return status === 404 ? null : data;
    },

    async listAppRoleAssignments(userId, resourceId) {
      // Unquoted in the filter (a Guid literal, as in Microsoft Learn's example): anything else is refused here.
      if (!GUID.test(resourceId)) throw new AppError("GRAPH_BAD_RESPONSE", { resourceId });
      const filter = seg(`resourceId eq ${resourceId}`);
      let path: string | null = `/users/${seg(userId)}/appRoleAssignments?$filter=${filter}&$count=true`;
      const out: AppRoleAssignment[] = [];
      for (let page = 0; path; page++) {
        if (page >= MAX_PAGES) throw new AppError("GRAPH_BAD_RESPONSE", { path });
        const { data } = await http.request({
          method: "GET",
          path,
          schema: appRoleAssignmentPageSchema,
          headers: { ConsistencyLevel: "eventual" },
          ...INTERACTIVE,
        });
        out.push(...data.value);
        path = nextPath(http.baseUrl, data["@odata.nextLink"]);
      }
      return out;
    },
  };
}

/** `@odata.nextLink` is absolute; only a link under our own base URL is followed (the token goes with it). */
function nextPath(baseUrl: string, nextLink: string | undefined): string | null {
  if (!nextLink) return null;
  if (!nextLink.startsWith(`${baseUrl}/`))
    throw new AppError("GRAPH_BAD_RESPONSE", { nextLink: nextLink.slice(0, 200) });
  return nextLink.slice(baseUrl.length);
}
