import { AppError } from "@comptoir/shared";
import type { DriveEntry, IntakeDrives } from "../accounting/intake/drive-port";
import { isTransient, type DriveClient, type GraphAdapter } from "../graph";
import type { DriveItem } from "../graph/drive-schemas";
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

const entryOf = (item: DriveItem): DriveEntry => ({
  id: item.id,
  name: item.name ?? "",
  kind: item.deleted ? "deleted" : item.folder || item.root ? "folder" : "file",
  parentId: item.parentReference?.id ?? null,
});

/** The intake's view of Graph's drives. */
export function intakeDrives(drives: DriveClient): IntakeDrives {
  const missing = (e: unknown) =>
    e instanceof AppError && (e.code === "GRAPH_NOT_FOUND" || e.code === "GRAPH_FORBIDDEN");
  return {
    delta: async (driveId, deltaLink) => {
      const round = await drives.delta(driveId, deltaLink ?? undefined);
      return { entries: round.items.map(entryOf), deltaLink: round.deltaLink };
    },
    entry: async (driveId, itemId) => {
      try {
        return entryOf(await drives.item(driveId, itemId));
      } catch (e) {
        if (missing(e)) return null;
        throw e;
      }
    },
    root: async (driveId) => {
      try {
        return entryOf(await drives.root(driveId));
      } catch (e) {
        if (missing(e)) return null;
        throw e;
      }
    },
    children: async (driveId, folderId) => (await drives.children(driveId, folderId)).map(entryOf),
    download: (driveId, itemId) => drives.download(driveId, itemId),
    subscribe: async (req) => {
      const made = await drives.subscribe(req);
      return { id: made.id, expires: made.expirationDateTime };
    },
    renew: async (subscriptionId, expires) => {
      try {
        const renewed = await drives.renew(subscriptionId, expires);
        return { id: renewed.id, expires: renewed.expirationDateTime };
      } catch (e) {
        if (missing(e)) return null;
        throw e;
      }
    },
  };
}
