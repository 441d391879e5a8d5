import { AppError, type Locale } from "@comptoir/shared";
import { directoryCalls, type DirectoryCalls } from "./directory-calls";
import { createGraphHttp, type GraphHttp, type GraphHttpOptions } from "./http";
import { graphUserSchema, invitationResponseSchema, teamsAppListSchema, type GraphUser } from "./schemas";

export type { GraphUser } from "./schemas";

/** `invitedUserMessageInfo.messageLanguage` takes a language tag; Graph defaults to en-US. */
export function graphMessageLanguage(locale: Locale): "fr-FR" | "en-US" {
  return locale === "fr" ? "fr-FR" : "en-US";
}

export interface InviteGuestInput {
  email: string;
  displayName?: string;
  /** Where Microsoft sends the guest once the invitation is redeemed. */
  redirectUrl: string;
  /** False when we send our own e-mail with the redeem URL (the usual case). */
  sendInvitationMessage: boolean;
  locale: Locale;
}

export interface GuestInvitation {
  invitationId: string;
  /** The guest user's object id: the `oid` of their tokens once they sign in. */
  userId: string;
  redeemUrl: string;
  status: string;
}

export interface SendMailInput {
  /** The mailbox that sends (user id or UPN), e.g. GRAPH_MAIL_SENDER. */
  sender: string;
  to: { address: string; name?: string }[];
  subject: string;
  html: string;
  saveToSentItems?: boolean;
}

/** The calls Comptoir makes: the invitation pipeline's, and the directory reads of the role lookup. */
export interface GraphAdapter extends DirectoryCalls {
  /** POST /invitations. Inviting an address again returns the same guest user. */
  inviteGuest(input: InviteGuestInput): Promise<GuestInvitation>;
  /** GET /users/{id} with the guest's invitation state. */
  getUser(userId: string): Promise<GraphUser>;
  /** POST /users/{sender}/sendMail (202 Accepted). */
  sendMail(input: SendMailInput): Promise<void>;
  /** The catalogue id of the org-published app whose manifest id is `manifestId`; cached once found. */
  findTeamsAppId(manifestId: string): Promise<string>;
  /** POST /users/{id}/teamwork/installedApps; 409 means it was already there. */
  installAppForUser(userId: string, manifestId: string): Promise<"installed" | "alreadyInstalled">;
  /** DELETE /users/{id}; false when the user was already gone. */
  deleteUser(userId: string): Promise<boolean>;
}

const USER_SELECT = "id,displayName,mail,userType,externalUserState,externalUserStateChangeDateTime";

export function createGraphAdapter(opts: GraphHttpOptions): GraphAdapter {
  return graphAdapterOver(createGraphHttp(opts));
}

export function graphAdapterOver(http: GraphHttp): GraphAdapter {
  const appIds = new Map<string, Promise<string>>();
  const seg = encodeURIComponent;

  const findTeamsAppId = (manifestId: string): Promise<string> => {
    let found = appIds.get(manifestId);
    if (!found) {
      const filter = seg(`externalId eq '${manifestId.replace(/'/g, "''")}'`);
      found = http
        .request({ method: "GET", path: `/appCatalogs/teamsApps?$filter=${filter}`, schema: teamsAppListSchema })
        .then(({ data }) => {
          const app = data.value[0];
          if (!app) throw new AppError("TEAMS_APP_NOT_PUBLISHED", { manifestId });
          return app.id;
        });
      // Only a success is remembered: a failed lookup is tried again next time.
      found.catch(() => appIds.delete(manifestId));
      appIds.set(manifestId, found);
    }
    return found;
  };

  return {
    ...directoryCalls(http),

    async inviteGuest(input) {
      const { data } = await http.request({
        method: "POST",
        path: "/invitations",
        body: {
          invitedUserEmailAddress: input.email,
          invitedUserDisplayName: input.displayName,
          inviteRedirectUrl: input.redirectUrl,
          sendInvitationMessage: input.sendInvitationMessage,
          invitedUserMessageInfo: { messageLanguage: graphMessageLanguage(input.locale) },
          invitedUserType: "Guest",
        },
        schema: invitationResponseSchema,
        // Graph answers 400 for an address it cannot invite (malformed, blocked domain, own tenant's user…).
        mapClientError: (status) => (status === 400 ? "INVITE_EMAIL_REJECTED" : undefined),
      });
      return {
        invitationId: data.id,
        userId: data.invitedUser.id,
        redeemUrl: data.inviteRedeemUrl,
        status: data.status,
      };
    },

    async getUser(userId) {
      const { data } = await http.request({
        method: "GET",
        path: `/users/${seg(userId)}?$select=${USER_SELECT}`,
        schema: graphUserSchema,
      });
      return data;
    },

    async sendMail(input) {
      await http.request({
        method: "POST",
        path: `/users/${seg(input.sender)}/sendMail`,
        body: {
          message: {
            subject: input.subject,
            body: { contentType: "HTML", content: input.html },
            toRecipients: input.to.map((r) => ({
              emailAddress: { address: r.address, ...(r.name ? { name: r.name } : {}) },
            })),
          },
          saveToSentItems: input.saveToSentItems ?? false,
        },
      });
    },

    findTeamsAppId,

    async installAppForUser(userId, manifestId) {
      const teamsAppId = await findTeamsAppId(manifestId);
      const { status } = await http.request({
        method: "POST",
        path: `/users/${seg(userId)}/teamwork/installedApps`,
        body: { "teamsApp@odata.bind": `${http.baseUrl}/appCatalogs/teamsApps/${seg(teamsAppId)}` },
        okStatuses: [409],
      });
      return status === 409 ? "alreadyInstalled" : "installed";
    },

    async deleteUser(userId) {
      const { status } = await http.request({ method: "DELETE", path: `/users/${seg(userId)}`, okStatuses: [404] });
      return status !== 404;
    },
  };
}
