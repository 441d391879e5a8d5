import { randomUUID } from "node:crypto";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import express from "express";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { AppError } from "@comptoir/shared";
import { createDriveClient, type DriveClient } from "../../src/graph/drive";
import { changeNotificationCollectionSchema, type ChangeNotification } from "../../src/graph/drive-schemas";
import { createGraphHttp } from "../../src/graph/http";
import { createLocalGraphTokenProvider } from "../../src/graph/token";
import { startLocalGraphServer, type LocalGraphServer } from "../../dev/graph-server";
import { DRIVE_SUBSCRIPTION_MAX_MINUTES } from "../../dev/graph-server/drive-subscriptions";

/**
 * Comptoir's drive client against the local Graph server's drives (issue 20): delta rounds and pages, the
 * pre-authenticated download, and subscriptions with the validation handshake and change notifications.
 */

const TENANT = "7d1c8e6a-3f0b-4d1e-9a51-0c0f1a2b3c4d";
const DRIVE = "b!local-documents";

let graph: LocalGraphServer;
let drive: DriveClient;
let root: string;
let receiver: { url: string; received: ChangeNotification[]; close: () => void };

/** A notification endpoint as the intake will run it: echoes the validation token, records notifications. */
async function startReceiver() {
  const received: ChangeNotification[] = [];
  const app = express();
  app.post("/notifications", express.json(), (req, res) => {
    const token = req.query.validationToken;
    if (typeof token === "string") return res.status(200).type("text/plain").send(token);
    received.push(...changeNotificationCollectionSchema.parse(req.body).value);
    res.status(202).end();
  });
  app.post("/silent", (_req, res) => res.status(200).type("text/plain").send("not the token"));
  const server = app.listen(0, "127.0.0.1");
  await new Promise((ok) => server.once("listening", ok));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, received, close: () => server.close() };
}

async function eventually<T>(probe: () => T | undefined, ms = 10_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error("timed out");
    await new Promise((ok) => setTimeout(ok, 100));
  }
}

const expiresIn = (minutes: number) => new Date(Date.now() + minutes * 60_000);

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "comptoir-drive-"));
  await mkdir(join(root, "RPTEST2"));
  await writeFile(join(root, "RPTEST2", "ancien.txt"), "avant");
  receiver = await startReceiver();
  graph = await startLocalGraphServer({
    connectionString: inject("azuriteConnectionString"),
    tablePrefix: `d${randomUUID().replace(/-/g, "").slice(0, 12)}`,
    tenantId: TENANT,
    drives: { [DRIVE]: root },
    drivePollMs: 200,
  });
  const getToken = createLocalGraphTokenProvider({ localUrl: graph.url, tenantId: TENANT });
  drive = createDriveClient(createGraphHttp({ baseUrl: graph.graphBaseUrl, getToken }));
});
afterAll(async () => {
  await graph.stop();
  receiver.close();
  await rm(root, { recursive: true, force: true });
});

const names = (items: { name?: string | undefined; deleted?: unknown }[]) =>
  items.filter((i) => !i.deleted).map((i) => i.name);

describe("drives through the Graph client", () => {
  it("enumerates the drive, then gives only what changed, deletions included", async () => {
    const first = await drive.delta(DRIVE);
    expect(names(first.items)).toEqual(["root", "RPTEST2", "ancien.txt"]);
    const folder = first.items.find((i) => i.name === "RPTEST2");
    const file = first.items.find((i) => i.name === "ancien.txt");
    // Business drives give no path in delta: the file is placed by its parent's id.
    expect(file?.parentReference?.id).toBe(folder?.id);
    expect(file?.parentReference?.path).toBeUndefined();

    const quiet = await drive.delta(DRIVE, first.deltaLink);
    expect(quiet.items).toEqual([]);

    await writeFile(join(root, "RPTEST2", "732829320FEC20241231.txt"), "JournalCode\tJournalLib\n");
    await rm(join(root, "RPTEST2", "ancien.txt"));
    const next = await drive.delta(DRIVE, quiet.deltaLink);
    expect(names(next.items)).toEqual(["732829320FEC20241231.txt"]);
    expect(next.items.filter((i) => i.deleted).map((i) => i.id)).toEqual([file?.id]);
  });

  it("pages a large round through @odata.nextLink without losing an item", async () => {
    const before = await drive.delta(DRIVE);
    await mkdir(join(root, "MANY"));
    for (let i = 0; i < 450; i++) await writeFile(join(root, "MANY", `f${i}.txt`), String(i));
    const round = await drive.delta(DRIVE, before.deltaLink);
    expect(new Set(names(round.items)).size).toBe(451);
    await rm(join(root, "MANY"), { recursive: true });
  });

  it("downloads a file's bytes from its pre-authenticated URL", async () => {
    await writeFile(join(root, "RPTEST2", "contenu.txt"), "EcritureDate\n20240131\n");
    const { items } = await drive.delta(DRIVE);
    const item = items.find((i) => i.name === "contenu.txt");
    if (!item) throw new Error("contenu.txt not listed");
    const body = await new Response(await drive.download(DRIVE, item.id)).text();
    expect(body).toBe("EcritureDate\n20240131\n");
    // The URL itself needs no token; tampering with it does not open another file.
    const url = (await drive.item(DRIVE, item.id))["@microsoft.graph.downloadUrl"] ?? "";
    expect((await fetch(url)).status).toBe(200);
    // The signature's first character changed to another (replacing it with a fixed one failed whenever it was that one).
    const tampered = url.replace(/sig=(.)/, (_, c: string) => `sig=${c === "x" ? "y" : "x"}`);
    expect(tampered).not.toBe(url);
    expect((await fetch(tampered)).status).toBe(401);
  });

  it("answers about one file as it is now, and about a file no scan has seen yet", async () => {
    await writeFile(join(root, "RPTEST2", "suivi.txt"), "un");
    const { items, deltaLink } = await drive.delta(DRIVE);
    const item = items.find((i) => i.name === "suivi.txt");
    if (!item) throw new Error("suivi.txt not listed");
    // Rewritten, then asked about at once: the item's own request sees the new size and bytes.
    await writeFile(join(root, "RPTEST2", "suivi.txt"), "deux fois plus");
    expect((await drive.item(DRIVE, item.id)).size).toBe(14);
    expect(await new Response(await drive.download(DRIVE, item.id)).text()).toBe("deux fois plus");
    // ...and the change is in the next delta round, once.
    const next = await drive.delta(DRIVE, deltaLink);
    expect(next.items.filter((i) => i.id === item.id)).toHaveLength(1);
    await rm(join(root, "RPTEST2", "suivi.txt"));
    expect((await drive.item(DRIVE, item.id).catch((e: unknown) => e)) instanceof AppError).toBe(true);
  });

  it("refuses a link outside Graph rather than sending it the token", async () => {
    const e = await drive
      .delta(DRIVE, "https://attaquant.example/v1.0/drives/x/root/delta")
      .catch((err: unknown) => err);
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).code).toBe("GRAPH_BAD_RESPONSE");
  });
});

describe("subscriptions on a drive", () => {
  it("subscribes after the validation handshake and is told of each change with its clientState", async () => {
    const clientState = randomUUID();
    const sub = await drive.subscribe({
      driveId: DRIVE,
      notificationUrl: `${receiver.url}/notifications`,
      clientState,
      expires: expiresIn(60),
    });
    expect(sub.resource).toBe(`/drives/${DRIVE}/root`);
    await writeFile(join(root, "RPTEST2", `nouveau-${randomUUID()}.txt`), "x");
    const note = await eventually(() => receiver.received.find((n) => n.subscriptionId === sub.id));
    expect(note).toMatchObject({
      clientState,
      changeType: "updated",
      resource: `/drives/${DRIVE}/root`,
      tenantId: TENANT,
    });

    const renewed = await drive.renew(sub.id, expiresIn(DRIVE_SUBSCRIPTION_MAX_MINUTES - 1));
    expect(new Date(renewed.expirationDateTime).getTime()).toBeGreaterThan(Date.now() + 29 * 86_400_000);
    await drive.unsubscribe(sub.id);
    const gone = await drive.renew(sub.id, expiresIn(60)).catch((err: unknown) => err);
    expect((gone as AppError).code).not.toBeUndefined();
  });

  it("refuses an endpoint that does not echo the token, and an expiry beyond Graph's maximum", async () => {
    const silent = await drive
      .subscribe({
        driveId: DRIVE,
        notificationUrl: `${receiver.url}/silent`,
        clientState: "s",
        expires: expiresIn(60),
      })
      .catch((err: unknown) => err);
    expect(silent).toBeInstanceOf(AppError);
    expect((silent as AppError).params.graphCode).toBe("ValidationError");
    const tooLong = await drive
      .subscribe({
        driveId: DRIVE,
        notificationUrl: `${receiver.url}/notifications`,
        clientState: "s",
        expires: expiresIn(DRIVE_SUBSCRIPTION_MAX_MINUTES + 10),
      })
      .catch((err: unknown) => err);
    expect((tooLong as AppError).params.status).toBe(400);
  });
});
