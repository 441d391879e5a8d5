import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { createReadStream } from "node:fs";
import express, { type Request, type Router } from "express";
import type { DriveItemState, LocalDrive } from "./drive";
import { sendGraphError } from "./graph-errors";

/** Graph pages delta at its own size; `$top` asks for fewer. */
const DELTA_PAGE = 200;
/** How long a `@microsoft.graph.downloadUrl` works: "only valid for a short period of time" (a few minutes). */
const DOWNLOAD_URL_MS = 10 * 60_000;

export interface DriveRoutesDeps {
  drives: ReadonlyMap<string, LocalDrive>;
  baseUrl: () => string;
  now: () => Date;
}

/** A driveItem as Graph shows it. Delta leaves out `parentReference.path`, as Graph does in business drives. */
function itemView(drive: LocalDrive, item: DriveItemState, opts: { delta: boolean; downloadUrl?: string }) {
  if (item.deleted) {
    return { id: item.id, deleted: { state: "deleted" }, parentReference: { driveId: drive.id, id: item.parentId } };
  }
  const parentPath = item.path.includes("/") ? `/${item.path.slice(0, item.path.lastIndexOf("/"))}` : "";
  return {
    id: item.id,
    name: item.name,
    eTag: `"{${item.id}},${item.seq}"`,
    cTag: item.cTag,
    size: item.size,
    lastModifiedDateTime: item.lastModified.toISOString(),
    ...(item.parentId === null
      ? { root: {} }
      : {
          parentReference: {
            driveId: drive.id,
            driveType: "documentLibrary",
            id: item.parentId,
            ...(opts.delta ? {} : { path: `/drives/${drive.id}/root:${parentPath}` }),
          },
        }),
    ...(item.folder ? { folder: { childCount: 0 } } : { file: { mimeType: "text/plain" } }),
    ...(opts.downloadUrl ? { "@microsoft.graph.downloadUrl": opts.downloadUrl } : {}),
  };
}

/**
 * Drives of the local tenant (Graph v1.0 "driveItem"): items, children, content download through a short-lived
 * pre-authenticated URL, and `root/delta` with `@odata.nextLink` / `@odata.deltaLink` paging.
 */
export function createDriveRoutes(deps: DriveRoutesDeps): { graph: Router; download: Router } {
  const secret = randomBytes(32);
  const sign = (text: string) => createHmac("sha256", secret).update(text).digest("base64url");
  const downloadUrl = (drive: LocalDrive, item: DriveItemState) => {
    const expires = deps.now().getTime() + DOWNLOAD_URL_MS;
    const payload = `${drive.id}/${item.id}/${expires}`;
    return `${deps.baseUrl()}/_drive-download/${payload}?sig=${sign(payload)}`;
  };

  const graph = express.Router();
  const driveOf = async (req: Request) => {
    const drive = deps.drives.get(String(req.params.driveId));
    if (drive) await drive.scan();
    return drive;
  };
  const notFound = (res: express.Response) =>
    sendGraphError(res, 404, { code: "itemNotFound", message: "The resource could not be found." });

  graph.get("/drives/:driveId", async (req, res) => {
    const drive = await driveOf(req);
    if (!drive) return notFound(res);
    res.json({ id: drive.id, driveType: "documentLibrary", name: "Documents" });
  });

  graph.get("/drives/:driveId/root/delta", async (req, res) => {
    const drive = await driveOf(req);
    if (!drive) return notFound(res);
    const token = typeof req.query.token === "string" ? req.query.token : undefined;
    const top = Math.min(Number(req.query.$top) || DELTA_PAGE, DELTA_PAGE);
    const link = (query: string) => `${deps.baseUrl()}/v1.0/drives/${drive.id}/root/delta?${query}`;
    if (token === "latest") return res.json({ value: [], "@odata.deltaLink": link(`token=${drive.seq}`) });
    // A token is "<seen>" or, within one enumeration, "<seen>.<upTo>.<after>": the changes after <seen> up to
    // <upTo>, in change order, past <after>. An item changed again meanwhile leaves this round and comes in
    // the next one (its change is after <upTo>), so paging by change order never skips an item.
    const [seenText = "", upToText, afterText] = (token ?? "").split(".");
    const fresh = token === undefined || seenText === "";
    const since = fresh ? 0 : Number(seenText);
    const upTo = upToText === undefined ? drive.seq : Number(upToText);
    const after = afterText === undefined ? since : Number(afterText);
    if (![since, upTo, after].every((n) => Number.isInteger(n) && n >= 0 && n <= drive.seq)) {
      return sendGraphError(res, 410, { code: "resyncRequired", message: "Resync required. Replace any local items." });
    }
    const changes = drive.changesSince(fresh ? null : since).filter((i) => i.seq > after && i.seq <= upTo);
    const page = changes.slice(0, top);
    const last = page.at(-1);
    const more = last !== undefined && changes.length > top;
    res.json({
      "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#Collection(driveItem)",
      value: page.map((i) => itemView(drive, i, { delta: true })),
      ...(more
        ? { "@odata.nextLink": link(`token=${fresh ? "" : since}.${upTo}.${last.seq}`) }
        : { "@odata.deltaLink": link(`token=${upTo}`) }),
    });
  });

  graph.get("/drives/:driveId/root", async (req, res) => {
    const drive = await driveOf(req);
    const root = drive?.changesSince(null).find((i) => i.parentId === null);
    if (!drive || !root) return notFound(res);
    res.json(itemView(drive, root, { delta: false }));
  });

  /** A request about one item: that item is brought up to date, not the whole drive. */
  const itemOf = async (req: Request) => {
    const drive = deps.drives.get(String(req.params.driveId));
    return { drive, item: await drive?.fresh(String(req.params.itemId)) };
  };

  graph.get("/drives/:driveId/items/:itemId", async (req, res) => {
    const { drive, item } = await itemOf(req);
    if (!drive || !item || item.deleted) return notFound(res);
    res.json(
      itemView(drive, item, { delta: false, ...(item.folder ? {} : { downloadUrl: downloadUrl(drive, item) }) }),
    );
  });

  graph.get(["/drives/:driveId/items/:itemId/children", "/drives/:driveId/root/children"], async (req, res) => {
    const drive = await driveOf(req);
    const itemId = typeof req.params.itemId === "string" ? req.params.itemId : null;
    const item = itemId ? drive?.get(itemId) : drive?.changesSince(null).find((i) => i.parentId === null);
    if (!drive || !item || item.deleted) return notFound(res);
    const children = drive.changesSince(null).filter((i) => i.parentId === item.id);
    res.json({ value: children.map((i) => itemView(drive, i, { delta: false })) });
  });

  graph.get("/drives/:driveId/items/:itemId/content", async (req, res) => {
    const { drive, item } = await itemOf(req);
    if (!drive || !item || item.deleted || item.folder) return notFound(res);
    res.redirect(302, downloadUrl(drive, item));
  });

  // The pre-authenticated download: no bearer token, only the URL's signature and expiry.
  const download = express.Router();
  download.get("/_drive-download/:driveId/:itemId/:expires", (req, res) => {
    const payload = `${req.params.driveId}/${req.params.itemId}/${req.params.expires}`;
    const given = Buffer.from(typeof req.query.sig === "string" ? req.query.sig : "");
    const expected = Buffer.from(sign(payload));
    const valid = given.length === expected.length && timingSafeEqual(given, expected);
    if (!valid || Number(req.params.expires) < deps.now().getTime()) return res.status(401).end();
    const drive = deps.drives.get(req.params.driveId);
    const item = drive?.get(req.params.itemId);
    if (!drive || !item || item.deleted) return res.status(404).end();
    res.setHeader("Content-Type", "application/octet-stream");
    createReadStream(drive.diskPath(item))
      .on("error", () => res.destroy())
      .pipe(res);
  });

  return { graph, download };
}
