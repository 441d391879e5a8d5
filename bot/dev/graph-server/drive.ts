import { createHash } from "node:crypto";
import { readdir, stat } from "node:fs/promises";
import { join, relative, sep } from "node:path";

/**
 * One document library of the local tenant, backed by a folder on disk (`.data/drive` under `npm start`):
 * a developer drops a FEC into `<root>/<dossier>/` and the drive sees it at its next scan. Scans give each
 * change a sequence number; a delta token is the sequence its caller has seen, as Graph's tokens stand for
 * a point in the drive's change history.
 */

export interface DriveItemState {
  id: string;
  name: string;
  /** Relative to the drive's root, with `/`; "" for the root itself. */
  path: string;
  parentId: string | null;
  folder: boolean;
  size: number;
  lastModified: Date;
  /** Changes with the content, as Graph's cTag. */
  cTag: string;
  /** The change that last touched the item (created, changed or deleted). */
  seq: number;
  deleted: boolean;
}

/** Graph's item ids are opaque; these are stable per path so that a restart keeps them. */
export function itemId(path: string): string {
  if (path === "") return "01ROOT0000000000000000000000000000";
  return `01${createHash("sha1").update(path).digest("hex").slice(0, 32).toUpperCase()}`;
}

const parentPath = (path: string) => (path.includes("/") ? path.slice(0, path.lastIndexOf("/")) : "");

export class LocalDrive {
  private readonly items = new Map<string, DriveItemState>();
  private seqCounter = 0;
  private scanning: Promise<boolean> | null = null;
  private nextScan: Promise<boolean> | null = null;

  constructor(
    readonly id: string,
    readonly root: string,
  ) {}

  get seq(): number {
    return this.seqCounter;
  }

  get(id: string): DriveItemState | undefined {
    return this.items.get(id);
  }

  /** Where an item's bytes are on disk. */
  diskPath(item: DriveItemState): string {
    return join(this.root, ...item.path.split("/"));
  }

  /** The items changed after `since` (each once, in its latest state), or every live item for `since` null. */
  changesSince(since: number | null): DriveItemState[] {
    const all = [...this.items.values()];
    const picked = since === null ? all.filter((i) => !i.deleted) : all.filter((i) => i.seq > since);
    // In change order: a folder is recorded before what it holds, so parents come first, as in Graph.
    return picked.sort((a, b) => a.seq - b.seq);
  }

  /**
   * Reads the folder again; true when something changed. A scan already under way may have listed a folder
   * before the caller's last write, so a caller waits for a scan that starts after its call; callers that
   * arrive meanwhile share that next one.
   */
  scan(): Promise<boolean> {
    if (!this.scanning) {
      this.scanning = this.scanOnce().finally(() => {
        this.scanning = null;
      });
      return this.scanning;
    }
    this.nextScan ??= this.scanning
      .catch(() => false)
      .then(() => {
        this.nextScan = null;
        return this.scan();
      });
    return this.nextScan;
  }

  /**
   * The item as it is on disk now, for requests about one item: a known file is checked with one `stat`,
   * as Graph answers about an item without walking its drive (a walk per download made 200 downloads
   * stat 200 folders each). An id not known yet, or gone, takes a full scan.
   */
  async fresh(id: string): Promise<DriveItemState | undefined> {
    const known = this.items.get(id);
    if (known && !known.deleted && !known.folder) {
      const info = await stat(this.diskPath(known)).catch(() => null);
      if (info?.isFile()) {
        this.record(known.path, false, info.size, info.mtime);
        return this.items.get(id);
      }
    }
    await this.scan();
    return this.items.get(id);
  }

  private async scanOnce(): Promise<boolean> {
    const seen = new Set<string>();
    let changed = false;
    // A folder's record needs no stat (its cTag does not follow its content), only files are stat'ed.
    const visit = async (dir: string): Promise<void> => {
      const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
      for (const entry of entries) {
        if (!entry.isFile() && !entry.isDirectory()) continue;
        const full = join(dir, entry.name);
        const path = relative(this.root, full).split(sep).join("/");
        const info = entry.isFile() ? await stat(full).catch(() => null) : { size: 0, mtime: new Date(0) };
        if (!info) continue;
        seen.add(path);
        if (this.record(path, entry.isDirectory(), info.size, info.mtime)) changed = true;
        if (entry.isDirectory()) await visit(full);
      }
    };
    if (this.record("", true, 0, new Date(0))) changed = true;
    seen.add("");
    await visit(this.root);
    for (const item of this.items.values()) {
      if (item.deleted || seen.has(item.path)) continue;
      item.deleted = true;
      item.seq = ++this.seqCounter;
      changed = true;
    }
    return changed;
  }

  private record(path: string, folder: boolean, size: number, lastModified: Date): boolean {
    const id = itemId(path);
    const cTag = `"c:{${id}},${folder ? 0 : `${size}-${lastModified.getTime()}`}"`;
    const known = this.items.get(id);
    if (known && !known.deleted && known.cTag === cTag) return false;
    this.items.set(id, {
      id,
      name: path === "" ? "root" : path.slice(path.lastIndexOf("/") + 1),
      path,
      parentId: path === "" ? null : itemId(parentPath(path)),
      folder,
      size,
      lastModified,
      cTag,
      seq: ++this.seqCounter,
      deleted: false,
    });
    return true;
  }
}
