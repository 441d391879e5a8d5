import { randomUUID } from "node:crypto";
import express, { type Request, type Router } from "express";
import { z } from "zod";
import { sendGraphError } from "./graph-errors";
import {
  installAppRequestSchema,
  invitationRequestSchema,
  sendMailRequestSchema,
  type LocalInvitation,
  type LocalUser,
  type TeamsApp,
} from "./model";
import { localeOfLanguageTag, microsoftInvitationMail } from "./pages";
import type { GraphStore } from "./store";

export interface GraphRoutesDeps {
  store: GraphStore;
  baseUrl: () => string;
  organizationName: () => Promise<string>;
  teamsApps: readonly TeamsApp[];
  blockedDomains: readonly string[];
  now: () => Date;
}

const emailSchema = z.email();

/** What GET /users/{id} may $select; Graph returns only the selected properties. */
const USER_PROPERTIES = [
  "id",
  "displayName",
  "mail",
  "userType",
  "externalUserState",
  "externalUserStateChangeDateTime",
  "createdDateTime",
] as const;

function userView(user: LocalUser, select: string | undefined): Record<string, unknown> {
  const wanted = select ? select.split(",").map((s) => s.trim()) : USER_PROPERTIES;
  const view: Record<string, unknown> = {
    "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#users/$entity",
  };
  for (const prop of USER_PROPERTIES) if (wanted.includes(prop)) view[prop] = user[prop];
  return view;
}

function invitationView(invitation: LocalInvitation, baseUrl: string): Record<string, unknown> {
  return {
    "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#invitations/$entity",
    id: invitation.id,
    inviteRedeemUrl: `${baseUrl}/redeem/${invitation.id}`,
    invitedUserDisplayName: invitation.invitedUserDisplayName,
    invitedUserType: "Guest",
    invitedUserEmailAddress: invitation.invitedUserEmailAddress,
    sendInvitationMessage: invitation.sendInvitationMessage,
    resetRedemption: false,
    inviteRedirectUrl: invitation.inviteRedirectUrl,
    status: invitation.status,
    invitedUserMessageInfo: {
      messageLanguage: invitation.messageLanguage,
      customizedMessageBody: null,
      ccRecipients: [],
    },
    invitedUser: { id: invitation.userId },
  };
}

const firstQuery = (req: Request, name: string): string | undefined => {
  const value = req.query[name];
  return typeof value === "string" ? value : undefined;
};

/** The Graph v1.0 subset Comptoir calls, with Graph's status codes and bodies. */
export function createGraphRoutes(deps: GraphRoutesDeps): Router {
  const router = express.Router();
  const { store } = deps;

  const findUser = async (idOrMail: string) => {
    const id = idOrMail.includes("@") ? await store.findUserIdByEmail(idOrMail) : idOrMail;
    return id ? store.getUser(id) : null;
  };
  const notFound = (res: express.Response, id: string) =>
    sendGraphError(res, 404, {
      code: "Request_ResourceNotFound",
      message: `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`,
    });

  router.post("/invitations", (req, res, next) => {
    (async () => {
      const parsed = invitationRequestSchema.safeParse(req.body);
      if (!parsed.success) return sendGraphError(res, 400, { message: "Invalid invitation: " + parsed.error.message });
      const body = parsed.data;
      const email = body.invitedUserEmailAddress.trim();
      if (!emailSchema.safeParse(email).success)
        return sendGraphError(res, 400, { message: "The invited user's email address is invalid." });
      const domain = email.split("@")[1]?.toLowerCase() ?? "";
      if (deps.blockedDomains.includes(domain))
        return sendGraphError(res, 400, {
          message: "The invited user's domain is blocked by the tenant's collaboration settings.",
        });

      const now = deps.now();
      const user = await store.ensureGuest(email, body.invitedUserDisplayName ?? null, now);
      const invitation: LocalInvitation = {
        id: randomUUID(),
        userId: user.id,
        invitedUserEmailAddress: email,
        invitedUserDisplayName: body.invitedUserDisplayName ?? null,
        inviteRedirectUrl: body.inviteRedirectUrl,
        sendInvitationMessage: body.sendInvitationMessage ?? false,
        messageLanguage: body.invitedUserMessageInfo?.messageLanguage ?? null,
        status: user.externalUserState === "Accepted" ? "Completed" : "PendingAcceptance",
        createdDateTime: now.toISOString(),
      };
      await store.addInvitation(invitation);
      const view = invitationView(invitation, deps.baseUrl());
      if (invitation.sendInvitationMessage) {
        // Graph's default language for its own e-mail is en-US.
        const locale = localeOfLanguageTag(invitation.messageLanguage) ?? "en";
        const mail = microsoftInvitationMail(locale, await deps.organizationName(), String(view.inviteRedeemUrl));
        await store.addMail({
          id: randomUUID(),
          kind: "invitation",
          from: "invites@microsoft.com",
          to: [
            {
              address: email,
              ...(invitation.invitedUserDisplayName ? { name: invitation.invitedUserDisplayName } : {}),
            },
          ],
          subject: mail.subject,
          contentType: "HTML",
          body: mail.html,
          sentAt: now.toISOString(),
        });
      }
      res.status(201).json(view);
    })().catch(next);
  });

  router.get("/users/:id", (req, res, next) => {
    (async () => {
      const found = await findUser(req.params.id);
      if (!found) return notFound(res, req.params.id);
      res.json(userView(found.value, firstQuery(req, "$select")));
    })().catch(next);
  });

  router.delete("/users/:id", (req, res, next) => {
    (async () => {
      const found = await findUser(req.params.id);
      if (!found || !(await store.deleteUser(found.value.id))) return notFound(res, req.params.id);
      res.status(204).end();
    })().catch(next);
  });

  router.post("/users/:id/sendMail", (req, res, next) => {
    (async () => {
      const parsed = sendMailRequestSchema.safeParse(req.body);
      if (!parsed.success)
        return sendGraphError(res, 400, { code: "ErrorInvalidRecipients", message: parsed.error.message });
      const { message } = parsed.data;
      await store.addMail({
        id: randomUUID(),
        kind: "sendMail",
        from: req.params.id,
        to: message.toRecipients.map((r) => ({
          address: r.emailAddress.address,
          ...(r.emailAddress.name ? { name: r.emailAddress.name } : {}),
        })),
        subject: message.subject,
        contentType: message.body.contentType,
        body: message.body.content,
        sentAt: deps.now().toISOString(),
      });
      res.status(202).end();
    })().catch(next);
  });

  router.get("/appCatalogs/teamsApps", (req, res) => {
    const filter = firstQuery(req, "$filter");
    let apps = deps.teamsApps;
    if (filter) {
      const match = /^\s*(id|externalId|distributionMethod|displayName)\s+eq\s+'((?:[^']|'')*)'\s*$/.exec(filter);
      if (!match) return sendGraphError(res, 400, { message: `Unsupported filter in this local stand-in: ${filter}` });
      const prop = match[1] as keyof TeamsApp;
      const value = (match[2] ?? "").replace(/''/g, "'");
      apps = apps.filter((a) => a[prop].toLowerCase() === value.toLowerCase());
    }
    res.json({ "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#appCatalogs/teamsApps", value: apps });
  });

  router.post("/users/:id/teamwork/installedApps", (req, res, next) => {
    (async () => {
      const parsed = installAppRequestSchema.safeParse(req.body);
      if (!parsed.success) return sendGraphError(res, 400, { message: "teamsApp@odata.bind is required." });
      const teamsAppId = decodeURIComponent(parsed.data["teamsApp@odata.bind"].split("/").pop() ?? "");
      if (!deps.teamsApps.some((a) => a.id === teamsAppId)) return notFound(res, teamsAppId);
      const user = await findUser(req.params.id);
      if (!user) return notFound(res, req.params.id);
      if (!(await store.installApp(user.value.id, teamsAppId)))
        return sendGraphError(res, 409, { code: "Conflict", message: "The app is already installed for this user." });
      res.status(201).end();
    })().catch(next);
  });

  return router;
}
