import { createHash, randomUUID } from "node:crypto";
import { z } from "zod";

/** An app role as an Entra app registration declares it (`appRoles` of aad.manifest.json). */
export const appRoleDefinitionSchema = z.object({
  id: z.uuid(),
  value: z.string().min(1),
  displayName: z.string().default(""),
  isEnabled: z.boolean().default(true),
});
export type AppRoleDefinition = z.input<typeof appRoleDefinitionSchema>;

export interface DirectoryUser {
  id: string;
  displayName: string;
  mail: string;
  userType: "Member" | "Guest";
}

export interface LocalServicePrincipal {
  id: string;
  appId: string;
  displayName: string;
  appRoles: z.output<typeof appRoleDefinitionSchema>[];
}

export interface LocalAppRoleAssignment {
  id: string;
  appRoleId: string;
  principalId: string;
  principalType: "User" | "Group";
  principalDisplayName: string;
  resourceId: string;
  resourceDisplayName: string;
  createdDateTime: string;
}

/** The object id Entra would give an app's service principal here, stable for an app id. */
function servicePrincipalId(appId: string): string {
  const h = createHash("sha1").update(`service-principal:${appId}`).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/**
 * The local tenant's people and app roles, in memory (whoever starts the server registers them each time):
 * members and guests who were not created by an invitation, groups, the service principals of apps, and app
 * role assignments to users or groups. A user's assignments include those of the groups they are a direct
 * member of, as Microsoft Learn documents for GET /users/{id}/appRoleAssignments.
 */
export class LocalDirectory {
  private readonly users = new Map<string, DirectoryUser>();
  private readonly groups = new Map<string, { id: string; displayName: string; members: Set<string> }>();
  private readonly principals = new Map<string, LocalServicePrincipal>();
  private assignments: LocalAppRoleAssignment[] = [];

  constructor(private readonly now: () => Date = () => new Date()) {}

  addServicePrincipal(input: { appId: string; displayName: string; appRoles: readonly AppRoleDefinition[] }) {
    const sp: LocalServicePrincipal = {
      id: servicePrincipalId(input.appId),
      appId: input.appId,
      displayName: input.displayName,
      appRoles: input.appRoles.map((r) => appRoleDefinitionSchema.parse(r)),
    };
    this.principals.set(input.appId.toLowerCase(), sp);
    return sp;
  }

  addUser(user: DirectoryUser): void {
    this.users.set(user.id.toLowerCase(), user);
  }

  addGroup(group: { id: string; displayName: string; members: readonly string[] }): void {
    const members = new Set(group.members.map((m) => m.toLowerCase()));
    this.groups.set(group.id.toLowerCase(), { id: group.id, displayName: group.displayName, members });
  }

  /** Assigns the app role whose value is `role` to a user or a group of this directory. */
  assignAppRole(input: { principalId: string; appId: string; role: string }): LocalAppRoleAssignment {
    const sp = this.servicePrincipal(input.appId);
    const appRole = sp?.appRoles.find((r) => r.value === input.role);
    if (!sp || !appRole) throw new Error(`No app role ${input.role} on app ${input.appId}`);
    const user = this.user(input.principalId);
    const group = this.groups.get(input.principalId.toLowerCase());
    if (!user && !group) throw new Error(`No user or group ${input.principalId}`);
    const assignment: LocalAppRoleAssignment = {
      id: randomUUID(),
      appRoleId: appRole.id,
      principalId: input.principalId,
      principalType: user ? "User" : "Group",
      principalDisplayName: (user ?? group)?.displayName ?? "",
      resourceId: sp.id,
      resourceDisplayName: sp.displayName,
      createdDateTime: this.now().toISOString(),
    };
    this.assignments.push(assignment);
    return assignment;
  }

  /** Removes every assignment of this user or group (to any app). */
  removeAppRoleAssignments(principalId: string): void {
    const id = principalId.toLowerCase();
    this.assignments = this.assignments.filter((a) => a.principalId.toLowerCase() !== id);
  }

  servicePrincipal(appId: string): LocalServicePrincipal | null {
    return this.principals.get(appId.toLowerCase()) ?? null;
  }

  user(id: string): DirectoryUser | null {
    return this.users.get(id.toLowerCase()) ?? null;
  }

  /** The user's own assignments and those of the groups they are a direct member of. */
  assignmentsOf(userId: string): LocalAppRoleAssignment[] {
    const id = userId.toLowerCase();
    const groupIds = new Set([...this.groups.values()].filter((g) => g.members.has(id)).map((g) => g.id.toLowerCase()));
    return this.assignments.filter((a) => {
      const principal = a.principalId.toLowerCase();
      return principal === id || groupIds.has(principal);
    });
  }
}
