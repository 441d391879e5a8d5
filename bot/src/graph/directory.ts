import type { DirectoryCalls } from "./directory-calls";
import type { ServicePrincipal } from "./schemas";

/** What the directory says of a person: their user type and their app roles in one app. */
export interface DirectoryPerson {
  /** Graph's `userType`: "Member" or "Guest"; null when unset. */
  userType: string | null;
  /** The values of the app's enabled roles assigned to the person, directly or through a group they are a direct member of. */
  appRoles: string[];
}

/** Who someone is in the firm's directory; null when the directory does not know them. Throws when it cannot tell. */
export interface PersonDirectory {
  person(oid: string): Promise<DirectoryPerson | null>;
}

/** The app's roles change rarely; the service principal is read again after this long. */
const SERVICE_PRINCIPAL_TTL_MS = 5 * 60_000;

/**
 * The person directory of one app (Comptoir's Entra app, `appId` = AAD_APP_CLIENT_ID) over Microsoft Graph:
 * its service principal gives the resource id and the role ids' values; the user's type and app role
 * assignments to that resource give the rest. No caching per person here: the bot's resolver does it.
 */
export function graphPersonDirectory(
  graph: DirectoryCalls,
  appId: string,
  now: () => number = Date.now,
): PersonDirectory {
  let principal: { value: Promise<ServicePrincipal>; until: number } | null = null;
  const servicePrincipal = (): Promise<ServicePrincipal> => {
    const t = now();
    if (principal && principal.until > t) return principal.value;
    const entry = { value: graph.getServicePrincipal(appId), until: t + SERVICE_PRINCIPAL_TTL_MS };
    // Only a success is remembered: a failed read is tried again on the next question.
    entry.value.catch(() => {
      if (principal === entry) principal = null;
    });
    principal = entry;
    return entry.value;
  };

  return {
    async person(oid) {
      const sp = await servicePrincipal();
      const user = await graph.findDirectoryUser(oid);
      if (!user) return null;
      const assignments = await graph.listAppRoleAssignments(oid, sp.id);
      const values = new Map(sp.appRoles.filter((r) => r.isEnabled && r.value).map((r) => [r.id, r.value ?? ""]));
      const appRoles = assignments
        .filter((a) => a.resourceId === sp.id)
        .flatMap((a) => {
          const value = values.get(a.appRoleId);
          return value ? [value] : [];
        });
      return { userType: user.userType, appRoles: [...new Set(appRoles)] };
    },
  };
}
