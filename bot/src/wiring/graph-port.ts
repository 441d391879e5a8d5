import { AppError } from "@comptoir/shared";
import { isTransient, type GraphAdapter } from "../graph";
import type { GuestGraph } from "../jobs/invitations/pipeline";

/** The invitation pipeline's view of the Graph adapter. */
export function guestGraph(graph: GraphAdapter, sender: string, teamsAppManifestId: string): GuestGraph {
  return {
    mailbox: sender,
    inviteGuest: async (input) => {
      const invited = await graph.inviteGuest(input);
      return { objectId: invited.userId, redeemUrl: invited.redeemUrl };
    },
    sendMail: (mail) => graph.sendMail({ sender, to: [{ address: mail.to }], subject: mail.subject, html: mail.html }),
    installApp: async (objectId) => {
      await graph.installAppForUser(objectId, teamsAppManifestId);
    },
    lookupUser: async (objectId) => {
      try {
        const user = await graph.getUser(objectId);
        return { userType: user.userType, externalUserState: user.externalUserState };
      } catch (e) {
        if (e instanceof AppError && e.code === "GRAPH_NOT_FOUND") return null;
        throw e;
      }
    },
    deleteGuest: async (objectId) => {
      await graph.deleteUser(objectId);
    },
    isTransient,
  };
}
