import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setImmediate as tick } from "node:timers/promises";
import { afterEach, describe, expect, it } from "vitest";
import { LocalDrive } from "../../dev/graph-server/drive.js";

let root = "";
afterEach(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

describe("the local drive's scans", () => {
  it("sees a file written while another scan was under way", async () => {
    root = await mkdtemp(join(tmpdir(), "drive-"));
    await mkdir(join(root, "A"));
    for (let i = 0; i < 300; i++) await writeFile(join(root, "A", `f${i}.txt`), String(i));
    const drive = new LocalDrive("d", root);

    const underWay = drive.scan();
    // Once the scan is inside A, it has listed the root: a file written there now is after its listing.
    while (!drive.changesSince(null).some((item) => item.path.startsWith("A/"))) await tick();
    await writeFile(join(root, "late.txt"), "late");
    await drive.scan();

    expect(drive.changesSince(null).map((item) => item.path)).toContain("late.txt");
    await underWay;
  });
});
