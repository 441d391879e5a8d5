import { AppError } from "@comptoir/shared";
import type { GraphHttp } from "./http";
import {
  childrenPageSchema,
  deltaPageSchema,
  driveItemSchema,
  subscriptionSchema,
  type DriveItem,
  type GraphSubscription,
} from "./drive-schemas";

/** A round of `root/delta`: what changed since the last round, and the link that starts the next one. */
export interface DeltaRound {
  items: DriveItem[];
  deltaLink: string;
}

export interface DriveClient {
  /** Every change since `deltaLink` (or the whole drive without one), following `@odata.nextLink` to the end. */
  delta(driveId: string, deltaLink?: string): Promise<DeltaRound>;
  item(driveId: string, itemId: string): Promise<DriveItem>;
  /** The drive's root folder. */
  root(driveId: string): Promise<DriveItem>;
  /** A folder's children (the root's with `itemId` null), every page. */
  children(driveId: string, itemId: string | null): Promise<DriveItem[]>;
  /** The file's bytes, from its short-lived pre-authenticated URL (no bearer token is sent there). */
  download(driveId: string, itemId: string, signal?: AbortSignal): Promise<ReadableStream<Uint8Array>>;
  subscribe(req: {
    driveId: string;
    notificationUrl: string;
    clientState: string;
    expires: Date;
  }): Promise<GraphSubscription>;
  renew(subscriptionId: string, expires: Date): Promise<GraphSubscription>;
  unsubscribe(subscriptionId: string): Promise<void>;
}

const seg = encodeURIComponent;

/**
 * Microsoft Graph drives, as documented: `GET /drives/{id}/root/delta` (delta is supported on the root of a
 * business drive only, hence one round per drive), items with `@microsoft.graph.downloadUrl`, and
 * `subscriptions` on `/drives/{id}/root` (changeType `updated`).
 */
export function createDriveClient(http: GraphHttp, doFetch: typeof fetch = fetch): DriveClient {
  /** A next or delta link is absolute; only one under our Graph base URL may carry our token. */
  const relative = (link: string) => {
    if (!link.startsWith(`${http.baseUrl}/`)) {
      throw new AppError("GRAPH_BAD_RESPONSE", { message: `delta link outside Graph: ${new URL(link).origin}` });
    }
    return link.slice(http.baseUrl.length);
  };

  return {
    async delta(driveId, deltaLink) {
      const items: DriveItem[] = [];
      let path = deltaLink ? relative(deltaLink) : `/drives/${seg(driveId)}/root/delta`;
      for (;;) {
        const { data } = await http.request({ method: "GET", path, schema: deltaPageSchema });
        items.push(...data.value);
        if (data["@odata.nextLink"]) path = relative(data["@odata.nextLink"]);
        else if (data["@odata.deltaLink"]) return { items, deltaLink: data["@odata.deltaLink"] };
        else throw new AppError("GRAPH_BAD_RESPONSE", { message: "delta page without a next or delta link" });
      }
    },

    async item(driveId, itemId) {
      const path = `/drives/${seg(driveId)}/items/${seg(itemId)}`;
      return (await http.request({ method: "GET", path, schema: driveItemSchema })).data;
    },

    async root(driveId) {
      return (await http.request({ method: "GET", path: `/drives/${seg(driveId)}/root`, schema: driveItemSchema }))
        .data;
    },

    async children(driveId, itemId) {
      const items: DriveItem[] = [];
      const parent = itemId === null ? "root" : `items/${seg(itemId)}`;
      let path: string | null = `/drives/${seg(driveId)}/${parent}/children?$top=200`;
      while (path) {
        const page: { value: DriveItem[]; "@odata.nextLink"?: string | undefined } = (
          await http.request({ method: "GET", path, schema: childrenPageSchema })
        ).data;
        items.push(...page.value);
        path = page["@odata.nextLink"] ? relative(page["@odata.nextLink"]) : null;
      }
      return items;
    },

    async download(driveId, itemId, signal) {
      const url = (await this.item(driveId, itemId))["@microsoft.graph.downloadUrl"];
      if (!url) throw new AppError("GRAPH_BAD_RESPONSE", { message: "drive item without a download URL" });
      const res = await doFetch(url, signal ? { signal } : {});
      if (!res.ok || !res.body) {
        throw new AppError(res.status >= 500 ? "GRAPH_UNAVAILABLE" : "GRAPH_BAD_RESPONSE", {
          message: `download answered ${res.status}`,
        });
      }
      return res.body;
    },

    async subscribe({ driveId, notificationUrl, clientState, expires }) {
      const body = {
        changeType: "updated",
        notificationUrl,
        resource: `/drives/${driveId}/root`,
        expirationDateTime: expires.toISOString(),
        clientState,
      };
      return (await http.request({ method: "POST", path: "/subscriptions", body, schema: subscriptionSchema })).data;
    },

    async renew(subscriptionId, expires) {
      const path = `/subscriptions/${seg(subscriptionId)}`;
      const body = { expirationDateTime: expires.toISOString() };
      return (await http.request({ method: "PATCH", path, body, schema: subscriptionSchema })).data;
    },

    async unsubscribe(subscriptionId) {
      await http.request({ method: "DELETE", path: `/subscriptions/${seg(subscriptionId)}`, okStatuses: [404] });
    },
  };
}
