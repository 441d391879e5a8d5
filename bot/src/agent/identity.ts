import type { Principal } from "@comptoir/shared";
import type { ServiceDeps } from "../core/services/context";

/**
 * Who is writing to the bot. A Teams activity carries no app roles, so the bot decides from what it can
 * trust in an authenticated activity (Bot Connector JWT in `teams` mode):
 * - a **client** is a user whose Entra object id is the guest account bound to one of the firm's contacts
 *   (the same binding the tab's access rule uses: tenant + object id, never the e-mail);
 * - **staff** is an unbound user of the firm's own tenant who is a *member* of it, not a guest: Teams says so in
 *   `userRole` ("user", "guest", "anonymous") of the conversation member, read from the Bot Connector. Without
 *   that answer nobody is staff (fail closed). In local mode and tests, the demo staff's object ids are staff;
 * - anyone else is a **stranger** and gets no data.
 * Limit: every member of the firm's tenant who is not a client counts as staff, roles or not (the bot cannot
 * read app role assignments from an activity); the REST API alone enforces Firm.Staff / Firm.Admin.
 */
export type Caller =
  | { kind: "staff"; tenantId: string; oid: string; name: string }
  | { kind: "client"; tenantId: string; oid: string; name: string; contactId: string; principal: Principal }
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
  /** Local mode only: object ids treated as staff without asking the connector (the demo staff). */
  localStaffOids: ReadonlySet<string>;
  /** The member's Teams `userRole` in this conversation, `null` when the connector cannot tell. */
  memberRole: () => Promise<string | null>;
}

const ROLE_CACHE_MS = 10 * 60_000;

/** Resolves callers, remembering Teams' member answers for a while (one connector call per person, not per message). */
export class CallerResolver {
  private readonly roles = new Map<string, { role: string | null; until: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  async resolve(identity: ActivityIdentity, opts: IdentityOptions): Promise<Caller> {
    const { tenantId, oid, name } = identity;
    if (!tenantId || !oid || tenantId !== opts.firmTenantId) return { kind: "stranger", tenantId, oid };
    const contactId = await opts.deps.repos.contacts.findIdByGuest(tenantId, oid);
    if (contactId) {
      const principal: Principal = { tenantId, oid, name, username: "", roles: [], kind: "client" };
      return { kind: "client", tenantId, oid, name, contactId, principal };
    }
    if (opts.localStaffOids.has(oid)) return { kind: "staff", tenantId, oid, name };
    const role = await this.memberRole(`${tenantId}|${oid}`, opts.memberRole);
    return role === "user" ? { kind: "staff", tenantId, oid, name } : { kind: "stranger", tenantId, oid };
  }

  private async memberRole(cacheKey: string, lookup: () => Promise<string | null>): Promise<string | null> {
    const cached = this.roles.get(cacheKey);
    const t = this.now();
    if (cached && cached.until > t) return cached.role;
    const role = await lookup().catch(() => null);
    // A failed lookup is not remembered for long: the next message asks again.
    this.roles.set(cacheKey, { role, until: t + (role === null ? 30_000 : ROLE_CACHE_MS) });
    if (this.roles.size > 10_000) this.roles.delete(this.roles.keys().next().value ?? "");
    return role;
  }
}
