import { appRoleSchema, type AppRole, type Principal } from "@comptoir/shared";
import type { ServiceDeps } from "../core/services/context";
import { CachedDirectory, type DirectoryCacheOptions, type PersonDirectory } from "./directory-cache";

/**
 * Who is writing to the bot, from what an authenticated activity says (tenant, Entra object id) and what the
 * firm's directory says of that person (Microsoft Graph: `userType` and Comptoir's app role assignments):
 * - **staff**: a *member* of the firm's tenant holding Firm.Staff or Firm.Admin — the same roles the REST API
 *   reads from the token's `roles`;
 * - **member**: a member of the tenant without either role (gets the card saying what the admin must do);
 * - **client**: the guest account bound to one of the firm's contacts (the binding the tab's access rule uses:
 *   tenant + object id, never the e-mail);
 * - **guest**: a guest of the tenant bound to no contact (no access);
 * - **stranger**: anyone else, including whoever the directory does not know or could not be asked about.
 * Member vs guest is Graph's `userType`, not Teams' `userRole`: it comes from the same directory read as the
 * roles, in every kind of activity (invokes included), and in local mode from the same code path against the
 * local Graph server. Anything but "Member" or "Guest", and any failed lookup, makes a stranger (fail closed).
 */
export type Caller =
  | { kind: "staff"; tenantId: string; oid: string; name: string; roles: AppRole[] }
  | { kind: "member"; tenantId: string; oid: string; name: string }
  | { kind: "client"; tenantId: string; oid: string; name: string; contactId: string; principal: Principal }
  | { kind: "guest"; tenantId: string; oid: string; name: string }
  | { kind: "stranger"; tenantId: string | null; oid: string | null };

export interface ActivityIdentity {
  tenantId: string | null;
  oid: string | null;
  name: string;
}

/** Teams sets both `channelData.tenant.id` and `conversation.tenantId`; they must agree when both are there. */
export function identityOf(activity: {
  from?: { aadObjectId?: string | undefined; name?: string | undefined } | undefined;
  conversation?: { tenantId?: string | undefined } | undefined;
  channelData?: unknown;
}): ActivityIdentity {
  const fromChannel = tenantOfChannelData(activity.channelData);
  const fromConversation = activity.conversation?.tenantId || null;
  const tenantId =
    fromChannel && fromConversation && fromChannel !== fromConversation ? null : (fromChannel ?? fromConversation);
  return { tenantId, oid: activity.from?.aadObjectId || null, name: activity.from?.name ?? "" };
}

function tenantOfChannelData(channelData: unknown): string | null {
  if (typeof channelData !== "object" || channelData === null) return null;
  const tenant = (channelData as { tenant?: unknown }).tenant;
  if (typeof tenant !== "object" || tenant === null) return null;
  const id = (tenant as { id?: unknown }).id;
  return typeof id === "string" && id !== "" ? id : null;
}

export interface IdentityOptions {
  deps: Pick<ServiceDeps, "repos">;
  firmTenantId: string;
}

/** Comptoir's roles among a person's app roles (other values of the app, if any, grant nothing). */
function comptoirRoles(values: readonly string[]): AppRole[] {
  return values.flatMap((v) => {
    const role = appRoleSchema.safeParse(v);
    return role.success ? [role.data] : [];
  });
}

/** Resolves callers; the directory's answers are cached (`CachedDirectory`: at most 5 minutes, failures briefly). */
export class CallerResolver {
  private readonly directory: PersonDirectory;

  constructor(directory: PersonDirectory, cache: DirectoryCacheOptions = {}) {
    this.directory = new CachedDirectory(directory, cache);
  }

  async resolve(identity: ActivityIdentity, opts: IdentityOptions): Promise<Caller> {
    const { tenantId, oid, name } = identity;
    if (!tenantId || !oid || tenantId !== opts.firmTenantId) return { kind: "stranger", tenantId, oid };
    const contactId = await opts.deps.repos.contacts.findIdByGuest(tenantId, oid);
    if (contactId) {
      const principal: Principal = { tenantId, oid, name, username: "", roles: [], kind: "client" };
      return { kind: "client", tenantId, oid, name, contactId, principal };
    }
    const person = await this.directory.person(oid);
    if (person?.userType === "Member") {
      const roles = comptoirRoles(person.appRoles);
      return roles.length > 0 ? { kind: "staff", tenantId, oid, name, roles } : { kind: "member", tenantId, oid, name };
    }
    if (person?.userType === "Guest") return { kind: "guest", tenantId, oid, name };
    return { kind: "stranger", tenantId, oid };
  }
}
