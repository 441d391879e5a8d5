import { randomUUID } from "node:crypto";
import { AppError } from "@comptoir/shared";
import { commit, create, remove, replace } from "../../src/core/storage/batch";
import { createStorage } from "../../src/core/storage/connection";
import { toDocument } from "../../src/core/storage/document";
import { statusOf } from "../../src/core/storage/errors";
import { key, odataString, prefixFilter } from "../../src/core/storage/keys";
import { collect, getDocument, getIndexValue, listDocuments } from "../../src/core/storage/reads";
import {
  localInvitationSchema,
  localMailSchema,
  localUserSchema,
  memberSchema,
  type LocalInvitation,
  type LocalMail,
  type LocalUser,
  type MemberInput,
} from "./model";

export const GRAPH_TABLES = {
  users: "graphUsers",
  invitations: "graphInvitations",
  mails: "graphMails",
  installedApps: "graphInstalledApps",
} as const;

/** Newest first under a plain RowKey range scan. */
const MAX_MS = 9_999_999_999_999;
const invertedTime = (ms: number) => String(MAX_MS - ms).padStart(13, "0");

export const normalizeEmail = (email: string) => email.trim().toLowerCase();

/**
 * The local Graph tenant, in Azurite (one partition: the tenant id), so it survives restarts of `npm start`:
 * - `graphUsers`: `u|<id>` guest or member user (`externalUserState` column, guests only), `email|<address>` →
 *   `userId`, created in one transaction so concurrent invitations of one address make one user;
 * - `graphInvitations`: `i|<id>`, one per POST /invitations;
 * - `graphMails`: `m|<inverted ms>|<id>`, newest first;
 * - `graphInstalledApps`: `<userId>|<teamsAppId>`, whose uniqueness gives Graph's 409.
 */
export class GraphStore {
  private readonly storage;
  private readonly pk: string;

  constructor(connectionString: string, tablePrefix: string, tenantId: string) {
    this.storage = createStorage(connectionString, tablePrefix);
    this.pk = key(tenantId);
  }

  private get users() {
    return this.storage.table(GRAPH_TABLES.users);
  }
  private get invitations() {
    return this.storage.table(GRAPH_TABLES.invitations);
  }
  private get mails() {
    return this.storage.table(GRAPH_TABLES.mails);
  }
  private get installed() {
    return this.storage.table(GRAPH_TABLES.installedApps);
  }

  async init(): Promise<void> {
    await this.storage.ensureTables(Object.values(GRAPH_TABLES));
  }

  private userRow(user: LocalUser) {
    const columns: Record<string, string> = user.externalUserState ? { externalUserState: user.externalUserState } : {};
    return toDocument(this.pk, key("u", user.id), user, columns);
  }

  async getUser(id: string): Promise<{ value: LocalUser; etag: string } | null> {
    return getDocument(this.users, localUserSchema, this.pk, key("u", id));
  }

  async findUserIdByEmail(email: string): Promise<string | null> {
    return getIndexValue(this.users, this.pk, key("email", normalizeEmail(email)), "userId");
  }

  /** The guest for this address, created on first invitation; a concurrent creation loses and reads the winner. */
  async ensureGuest(email: string, displayName: string | null, now: Date): Promise<LocalUser> {
    for (let attempt = 0; attempt < 3; attempt++) {
      const existingId = await this.findUserIdByEmail(email);
      if (existingId) {
        const existing = await this.getUser(existingId);
        if (existing) return existing.value;
      }
      const user: LocalUser = {
        id: randomUUID(),
        mail: email.trim(),
        displayName,
        userType: "Guest",
        externalUserState: "PendingAcceptance",
        externalUserStateChangeDateTime: null,
        createdDateTime: now.toISOString(),
      };
      const index = { partitionKey: this.pk, rowKey: key("email", normalizeEmail(email)), userId: user.id };
      try {
        await commit(this.users, [create(this.userRow(user)), create(index)]);
        return user;
      } catch (e) {
        if (!(e instanceof AppError && e.code === "CONFLICT")) throw e;
      }
    }
    throw new Error(`Could not create the guest for ${email}`);
  }

  /**
   * A member of the tenant, with its e-mail index (a later invitation of that address answers with the
   * member, as Graph does); registering an address again returns the user already there.
   */
  async addMember(input: MemberInput, now: Date): Promise<LocalUser> {
    const member = memberSchema.parse(input);
    const user: LocalUser = {
      id: member.id ?? randomUUID(),
      mail: member.mail,
      displayName: member.displayName,
      userType: "Member",
      externalUserState: null,
      externalUserStateChangeDateTime: null,
      createdDateTime: now.toISOString(),
    };
    const index = { partitionKey: this.pk, rowKey: key("email", normalizeEmail(user.mail)), userId: user.id };
    try {
      await commit(this.users, [create(this.userRow(user)), create(index)]);
      return user;
    } catch (e) {
      if (!(e instanceof AppError && e.code === "CONFLICT")) throw e;
      const existingId = await this.findUserIdByEmail(user.mail);
      const existing = existingId ? await this.getUser(existingId) : null;
      if (!existing) throw e;
      return existing.value;
    }
  }

  /** Changes a user's `userType`, as an admin converting a guest to a member would; null when absent. */
  async setUserType(userId: string, userType: LocalUser["userType"]): Promise<LocalUser | null> {
    const current = await this.getUser(userId);
    if (!current) return null;
    const next: LocalUser = { ...current.value, userType };
    await commit(this.users, [replace(this.userRow(next), "*")]);
    return next;
  }

  async markAccepted(userId: string, now: Date): Promise<LocalUser | null> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const current = await this.getUser(userId);
      if (!current) return null;
      // Members have no invitation to accept.
      if (current.value.externalUserState === "Accepted" || current.value.userType === "Member") return current.value;
      const accepted: LocalUser = {
        ...current.value,
        externalUserState: "Accepted",
        externalUserStateChangeDateTime: now.toISOString(),
      };
      try {
        await commit(this.users, [replace(this.userRow(accepted), current.etag)]);
        return accepted;
      } catch (e) {
        if (!(e instanceof AppError && e.code === "CONFLICT")) throw e;
      }
    }
    throw new Error(`Could not accept the invitation of ${userId}`);
  }

  /** Removes the user and its e-mail index together, then its app installations; false when absent. */
  async deleteUser(userId: string): Promise<boolean> {
    const current = await this.getUser(userId);
    if (!current) return false;
    const index = { partitionKey: this.pk, rowKey: key("email", normalizeEmail(current.value.mail)) };
    try {
      await commit(this.users, [remove(this.userRow(current.value)), remove(index)]);
    } catch (e) {
      if (e instanceof AppError && (e.code === "NOT_FOUND" || e.code === "CONFLICT")) return false;
      throw e;
    }
    const filter = `PartitionKey eq '${odataString(this.pk)}' and ${prefixFilter(key(userId) + "|")}`;
    for await (const row of this.installed.listEntities({ queryOptions: { filter, select: ["RowKey"] } })) {
      await this.installed.deleteEntity(this.pk, row.rowKey ?? "");
    }
    return true;
  }

  async acceptedUsers(): Promise<LocalUser[]> {
    const filter = `PartitionKey eq '${odataString(this.pk)}' and ${prefixFilter(key("u") + "|")} and externalUserState eq 'Accepted'`;
    const out: LocalUser[] = [];
    for await (const row of this.users.listEntities<Record<string, unknown>>({ queryOptions: { filter } })) {
      if (typeof row.doc === "string") out.push(localUserSchema.parse(JSON.parse(row.doc)));
    }
    return out;
  }

  async countUsers(): Promise<number> {
    const rows = await collect(listDocuments(this.users, localUserSchema, this.pk, key("u") + "|"));
    return rows.length;
  }

  async addInvitation(invitation: LocalInvitation): Promise<void> {
    await commit(this.invitations, [
      create(
        toDocument(this.pk, key("i", invitation.id), invitation, {
          email: normalizeEmail(invitation.invitedUserEmailAddress),
        }),
      ),
    ]);
  }

  async getInvitation(id: string): Promise<{ value: LocalInvitation; etag: string } | null> {
    return getDocument(this.invitations, localInvitationSchema, this.pk, key("i", id));
  }

  async completeInvitation(id: string): Promise<void> {
    const current = await this.getInvitation(id);
    if (!current || current.value.status === "Completed") return;
    const done: LocalInvitation = { ...current.value, status: "Completed" };
    const row = toDocument(this.pk, key("i", id), done, { email: normalizeEmail(done.invitedUserEmailAddress) });
    // Last writer wins: completing twice writes the same thing.
    await commit(this.invitations, [replace(row, "*")]);
  }

  async listInvitations(): Promise<LocalInvitation[]> {
    const rows = await collect(listDocuments(this.invitations, localInvitationSchema, this.pk, key("i") + "|"));
    return rows.map((r) => r.value);
  }

  async addMail(mail: LocalMail): Promise<void> {
    const rowKey = key("m", invertedTime(Date.parse(mail.sentAt)), mail.id);
    await commit(this.mails, [create(toDocument(this.pk, rowKey, mail))]);
  }

  /** Newest first. */
  async listMails(limit = Number.POSITIVE_INFINITY): Promise<LocalMail[]> {
    const out: LocalMail[] = [];
    for await (const row of listDocuments(this.mails, localMailSchema, this.pk, key("m") + "|")) {
      out.push(row.value);
      if (out.length >= limit) break;
    }
    return out;
  }

  /** False when the app was already installed for the user (Graph's 409). */
  async installApp(userId: string, teamsAppId: string): Promise<boolean> {
    try {
      await this.installed.createEntity({ partitionKey: this.pk, rowKey: key(userId, teamsAppId) });
      return true;
    } catch (e) {
      if (statusOf(e) === 409) return false;
      throw e;
    }
  }

  async isAppInstalled(userId: string, teamsAppId: string): Promise<boolean> {
    try {
      await this.installed.getEntity(this.pk, key(userId, teamsAppId));
      return true;
    } catch (e) {
      if (statusOf(e) === 404) return false;
      throw e;
    }
  }
}
