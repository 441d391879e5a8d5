import { mkdir, writeFile } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FecImportList } from "@comptoir/shared/api/accounting";
import type { IntakeBrowse, IntakeRuleResult, IntakeStatus } from "@comptoir/shared/api/fec-intake";
import { localDriveItemId } from "../../dev/graph-server";
import { createAccountingDeps } from "../../src/accounting/deps";
import { importDriveFile, type IntakeDeps } from "../../src/accounting/intake/service";
import { IntakeStore } from "../../src/accounting/store/intake-store";
import { fecText, generatedFec, type Line } from "./accounting-harness";
import { newDossier } from "./fixtures";
import { call, PERSONS, startTestApp, TEST_TENANT, type TestApp } from "./harness";

/**
 * The automatic FEC intake (issue 20) on the real server in local mode, against the local Graph server's drive
 * (a folder on disk). Graph's notifications reach a receiver of this test, which forwards them to Comptoir
 * only when told to: so a test can lose one, or forge one.
 */

let app: TestApp;
let store: IntakeStore;
let receiver: { url: string; forward: boolean; received: unknown[]; close: () => void };

async function startReceiver(target: () => string) {
  const state = { forward: true, received: [] as unknown[] };
  const http = express();
  http.post("/notifications", express.json(), (req, res) => {
    const token = req.query.validationToken;
    if (typeof token === "string") return res.status(200).type("text/plain").send(token);
    state.received.push(req.body);
    res.status(202).end();
    if (state.forward) {
      void fetch(`${target()}/api/graph/notifications`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(req.body),
      });
    }
  });
  const server = http.listen(0, "127.0.0.1");
  await new Promise((ok) => server.once("listening", ok));
  const { port } = server.address() as AddressInfo;
  return Object.assign(state, { url: `http://127.0.0.1:${port}`, close: () => server.close() });
}

async function eventually<T>(probe: () => Promise<T | undefined>, ms = 30_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error("timed out");
    await new Promise((ok) => setTimeout(ok, 200));
  }
}

const imports = async (dossierId: string) =>
  (await call<FecImportList>(app, "GET", `/dossiers/${dossierId}/fec/imports`)).body.items;

/** A dossier watching its own folder `<code>/` of the local drive. */
async function watchedDossier(): Promise<{ id: string; folder: string }> {
  const { dossier } = await newDossier(app, { siren: "552100554" });
  const folder = join(app.running.wiring.localDrive.root, dossier.code);
  await mkdir(folder, { recursive: true });
  const res = await call<IntakeStatus>(app, "PUT", `/dossiers/${dossier.id}/fec/intake`, {
    body: { driveId: app.running.wiring.localDrive.id, folderId: localDriveItemId(dossier.code) },
  });
  expect(res.status).toBe(200);
  expect(res.body.folder?.folderName).toBe(dossier.code);
  // Choosing the folder syncs the drive once: let that round pass, so that only what a test does comes next.
  await app.running.intake.idle();
  return { id: dossier.id, folder };
}

const driveId = () => app.running.wiring.localDrive.id;

beforeAll(async () => {
  receiver = await startReceiver(() => app.url);
  app = await startTestApp({ INTAKE_NOTIFICATION_URL: `${receiver.url}/notifications` });
  store = IntakeStore.fromStorage(app.running.storage);
  // The sweep soon after start would catch the files the tests drop: let it pass first.
  await app.running.intake.firstSweep;
  await app.running.intake.idle();
});
afterAll(async () => {
  await app.close();
  receiver.close();
});

describe("automatic FEC intake", () => {
  it("imports a FEC dropped in the folder: notification, delta, import, as an upload would", async () => {
    receiver.forward = true;
    const { id, folder } = await watchedDossier();
    await writeFile(join(folder, "552100554FEC20241231.txt"), await generatedFec(500, { seed: 3, year: 2024 }));
    const imported = await eventually(async () => (await imports(id)).find((i) => i.status === "imported"));
    expect(imported).toMatchObject({
      fileName: "552100554FEC20241231.txt",
      exercice: { start: "2024-01-01", end: "2024-12-31" },
    });
    expect(imported.by.name).toMatch(/^Dépôt automatique/);
    // The import's record says "imported" before the intake job, which ran it, marks its file.
    await app.running.intake.idle();
    const status = (await call<IntakeStatus>(app, "GET", `/dossiers/${id}/fec/intake`)).body;
    expect(status.files).toEqual([expect.objectContaining({ status: "imported", importId: imported.id })]);
  });

  it("ignores a forged notification, and acts on a true one", async () => {
    receiver.forward = false;
    const { id, folder } = await watchedDossier();
    await writeFile(join(folder, "552100554FEC20231231.txt"), await generatedFec(300, { seed: 4, year: 2023 }));
    const state = await eventually(async () => (await store.getDrive(TEST_TENANT, driveId()))?.value);
    const note = (clientState: string) => ({
      value: [{ subscriptionId: state.subscriptionId, clientState, tenantId: TEST_TENANT, changeType: "updated" }],
    });
    const post = (body: unknown) =>
      fetch(`${app.url}/api/graph/notifications`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(body),
      });
    expect((await post(note("pas-le-bon-secret"))).status).toBe(202);
    await new Promise((ok) => setTimeout(ok, 3_000));
    expect(await imports(id)).toEqual([]);

    expect((await post(note(state.clientState))).status).toBe(202);
    await eventually(async () => (await imports(id)).find((i) => i.status === "imported"));
  });

  it("catches a lost notification at the next sweep", async () => {
    receiver.forward = false;
    const { id, folder } = await watchedDossier();
    const before = receiver.received.length;
    await writeFile(join(folder, "552100554FEC20221231.txt"), await generatedFec(300, { seed: 5, year: 2022 }));
    await eventually(() => Promise.resolve(receiver.received.length > before ? true : undefined));
    expect(await imports(id)).toEqual([]);
    await app.running.intake.sweepNow();
    await eventually(async () => (await imports(id)).find((i) => i.status === "imported"));
  });

  it("skips a file whose content was already imported, whatever its name", async () => {
    receiver.forward = true;
    const { id, folder } = await watchedDossier();
    const bytes = await generatedFec(300, { seed: 6, year: 2024 });
    await writeFile(join(folder, "552100554FEC20241231.txt"), bytes);
    await eventually(async () => (await imports(id)).find((i) => i.status === "imported"));
    await writeFile(join(folder, "copie.txt"), bytes);
    await app.running.intake.sweepNow();
    await app.running.intake.idle();
    expect(await imports(id)).toHaveLength(1);
    const status = (await call<IntakeStatus>(app, "GET", `/dossiers/${id}/fec/intake`)).body;
    expect(status.files).toHaveLength(1);
  });

  it("reports a rejected file and keeps serving the previous import", async () => {
    receiver.forward = true;
    const { id, folder } = await watchedDossier();
    await writeFile(join(folder, "552100554FEC20241231.txt"), await generatedFec(300, { seed: 7, year: 2024 }));
    const first = await eventually(async () => (await imports(id)).find((i) => i.status === "imported"));
    const unbalanced: Line[] = [
      { journal: "VE", num: "1", date: "20240110", compte: "411000", aux: "C1", debit: "120,00" },
      { journal: "VE", num: "1", date: "20240110", compte: "706000", credit: "100,00" },
    ];
    // Whoever chose the folder (Camille Martin, the test's staff) gets the bot's card: seen at the proactive queue.
    const bot = app.running.bot;
    const enqueue = bot.enqueue.bind(bot);
    const cards: unknown[] = [];
    bot.enqueue = async (message) => {
      cards.push(message);
      await enqueue(message);
    };
    await writeFile(join(folder, "552100554FEC20241231-v2.txt"), fecText(unbalanced));
    const rejected = await eventually(async () => {
      const status = (await call<IntakeStatus>(app, "GET", `/dossiers/${id}/fec/intake`)).body;
      return status.files.find((f) => f.status === "rejected");
    });
    expect(rejected.firstError).not.toBeNull();
    const served = await call<{ items: { importId: string }[] }>(app, "GET", `/dossiers/${id}/accounting/exercices`);
    expect(served.body.items.map((e) => e.importId)).toContain(first.id);
    await eventually(() => Promise.resolve(cards.length > 0 ? true : undefined));
    bot.enqueue = enqueue;
    expect(cards).toEqual([
      expect.objectContaining({
        tenantId: TEST_TENANT,
        userOid: PERSONS.staff.oid,
        card: expect.objectContaining({ kind: "intakeRejected", fileName: "552100554FEC20241231-v2.txt" }) as unknown,
      }),
    ]);
  });

  it("renews the drive's subscription before it expires, and subscribes again when Graph forgot it", async () => {
    await watchedDossier();
    const read = await store.getDrive(TEST_TENANT, driveId());
    if (!read) throw new Error("no drive state");
    const soon = new Date(Date.now() + 3_600_000).toISOString();
    await store.putDrive(TEST_TENANT, { ...read.value, subscriptionExpires: soon }, read.etag);
    await app.running.intake.sweepNow();
    const renewed = await store.getDrive(TEST_TENANT, driveId());
    expect(renewed?.value.subscriptionId).toBe(read.value.subscriptionId);
    expect(Date.parse(renewed?.value.subscriptionExpires ?? "")).toBeGreaterThan(Date.now() + 36 * 3_600_000);

    if (!renewed) throw new Error("no drive state");
    await store.putDrive(
      TEST_TENANT,
      { ...renewed.value, subscriptionId: "oublie", subscriptionExpires: soon },
      renewed.etag,
    );
    await app.running.intake.sweepNow();
    const again = await store.getDrive(TEST_TENANT, driveId());
    expect(again?.value.subscriptionId).not.toBe("oublie");
    expect(again?.value.subscriptionId).toBeTruthy();
  });

  it("browses the firm's library to choose a folder", async () => {
    const { folder } = await watchedDossier();
    const name = folder.split(/[\\/]/).at(-1) ?? "";
    const root = await call<IntakeBrowse>(app, "GET", "/fec-intake/folders");
    expect(root.status).toBe(200);
    expect(root.body.parentId).toBeNull();
    const listed = root.body.folders.find((f) => f.name === name);
    expect(listed?.id).toBe(localDriveItemId(name));
    const inside = await call<IntakeBrowse>(
      app,
      "GET",
      `/fec-intake/folders?folderId=${encodeURIComponent(listed?.id ?? "")}`,
    );
    expect(inside.body).toMatchObject({ folder: { name }, parentId: root.body.folder.id, folders: [] });
    const missing = await call(app, "GET", "/fec-intake/folders?folderId=01NOPE");
    expect(missing.body.code).toBe("INTAKE_DRIVE_NOT_FOUND");
  });

  it("gives many dossiers their folder by the rule <root>/<code dossier>/", async () => {
    const root = join(app.running.wiring.localDrive.root, `CABINET-${Date.now()}`);
    const a = (await newDossier(app)).dossier;
    const b = (await newDossier(app)).dossier;
    const c = (await newDossier(app)).dossier;
    for (const name of [a.code, b.code.toLowerCase(), c.code, "ARCHIVES"])
      await mkdir(join(root, name), { recursive: true });
    const rootName = root.split(/[\\/]/).at(-1) ?? "";
    const cFolder = { driveId: driveId(), folderId: localDriveItemId(`${rootName}/${c.code}`) };
    expect((await call(app, "PUT", `/dossiers/${c.id}/fec/intake`, { body: cFolder })).status).toBe(200);
    // A folder feeds one dossier: another dossier asking for it is told which one has it.
    const d = (await newDossier(app)).dossier;
    const taken = await call(app, "PUT", `/dossiers/${d.id}/fec/intake`, { body: cFolder });
    expect(taken.status).toBe(409);
    expect(taken.body).toMatchObject({ code: "INTAKE_FOLDER_TAKEN" });
    expect(String(taken.body.message)).toContain(c.code);
    const res = await call<IntakeRuleResult>(app, "POST", "/fec-intake/rule", {
      body: { driveId: driveId(), folderId: localDriveItemId(rootName) },
    });
    expect(res.status).toBe(200);
    expect(res.body.matched.map((m) => m.code).sort()).toEqual([a.code, b.code].sort());
    expect(res.body.unmatched).toEqual(["ARCHIVES"]);
    expect(res.body.skipped).toEqual([{ code: c.code, folderName: c.code, reason: "alreadySet" }]);
    const status = await call<IntakeStatus>(app, "GET", `/dossiers/${b.id}/fec/intake`);
    expect(status.body.folder?.folderId).toBe(localDriveItemId(`${rootName}/${b.code.toLowerCase()}`));
  });

  it("imports a file once when instances race for it (the same job delivered five times over two instances)", async () => {
    receiver.forward = false;
    const { id, folder } = await watchedDossier();
    await writeFile(join(folder, "552100554FEC20211231.txt"), await generatedFec(300, { seed: 8, year: 2021 }));
    const one = app.running.intake.deps;
    // A second instance: its own accounting slice (gates, caches) and intake deps over the same storage and drive.
    const other: IntakeDeps = {
      ...one,
      acc: createAccountingDeps(app.running.storage),
      store: IntakeStore.fromStorage(app.running.storage),
    };
    other.acc.log = () => {};
    const entry = (await one.drives.delta(driveId(), null)).entries.find(
      (e: { name: string }) => e.name === "552100554FEC20211231.txt",
    );
    if (!entry) throw new Error("the file is not in the drive");
    const job = {
      kind: "file" as const,
      tenantId: TEST_TENANT,
      dossierId: id,
      driveId: driveId(),
      itemId: entry.id,
      name: entry.name,
    };
    const outcomes = await Promise.all(
      [one, other, one, other, one].map((d) => importDriveFile(d, job).catch((e: unknown) => e)),
    );
    const imported = outcomes.filter((o) => o === "imported").length;
    expect(imported).toBe(1);
    // The others skipped it, or met the dossier's lease and would have been retried by the queue (and skipped then).
    for (const o of outcomes)
      if (o !== "imported") expect(o === "duplicate" || (o as { code?: string }).code === "FEC_IMPORT_BUSY").toBe(true);
    expect((await imports(id)).filter((i) => i.status === "imported")).toHaveLength(1);
    expect(await importDriveFile(other, job)).toBe("duplicate");
  });
});
