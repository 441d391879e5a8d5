import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FecImportList } from "@comptoir/shared/api/accounting";
import type { IntakeBrowse, IntakeStatus } from "@comptoir/shared/api/fec-intake";
import { oneSaleFec } from "../../dev/fec-text";
import { call, eventually, unique } from "./fixtures";
import { PEOPLE, startTeamsApp, TEAMS_DRIVE_ID, type TeamsApp } from "./harness";

/**
 * The automatic FEC intake in teams mode (issue 20): the server reaches the firm's library through Graph's stand-in
 * with its own Entra ID token (client credentials), subscribes, gets the stand-in's notification at its public URL
 * and imports the file: only environment variables point it there (GRAPH_BASE_URL, INTAKE_DRIVE_ID).
 */
let app: TeamsApp;
beforeAll(async () => {
  app = await startTeamsApp({ drive: true });
}, 120_000);
afterAll(() => app.close());

describe("automatic FEC intake in teams mode", () => {
  it("browses the library, watches the chosen folder and imports the FEC dropped there", async () => {
    const code = unique("T").slice(0, 20);
    const created = await call<{ id: string }>(app, "POST", "/dossiers", {
      body: { code, name: "Dépôt Teams", siren: "552100554" },
    });
    expect(created.status).toBe(201);
    mkdirSync(join(app.driveRoot, code));
    const root = await call<IntakeBrowse>(app, "GET", "/fec-intake/folders");
    expect(root.status).toBe(200);
    expect(root.body.driveId).toBe(TEAMS_DRIVE_ID);
    const folder = root.body.folders.find((f) => f.name === code);
    expect(folder).toBeDefined();
    const set = await call<IntakeStatus>(app, "PUT", `/dossiers/${created.body.id}/fec/intake`, {
      body: { driveId: TEAMS_DRIVE_ID, folderId: folder?.id },
    });
    expect(set.status).toBe(200);

    writeFileSync(join(app.driveRoot, code, "552100554FEC20241231.txt"), oneSaleFec("100,00"));
    const imported = await eventually(async () => {
      const list = await call<FecImportList>(app, "GET", `/dossiers/${created.body.id}/fec/imports`);
      const found = list.body.items.find((i) => i.status === "imported");
      if (!found) throw new Error("not imported yet");
      return found;
    }, 45_000);
    expect(imported.exercice).toEqual({ start: "2024-01-01", end: "2024-12-31" });
    // The stand-in saw the subscription, the delta and the download, each with the server's own token.
    const stats = (await (await fetch(`${app.graph.url}/_control/stats`)).json()) as {
      requests: Record<string, Record<string, number>>;
    };
    expect(stats.requests["POST /v1.0/subscriptions"]?.["201"]).toBeGreaterThanOrEqual(1);
    expect(stats.requests[`GET /v1.0/drives/${TEAMS_DRIVE_ID}/root/delta`]?.["200"]).toBeGreaterThanOrEqual(1);
    expect(stats.requests[`GET /v1.0/drives/${TEAMS_DRIVE_ID}/root/children`]?.["200"]).toBeGreaterThanOrEqual(1);
  });

  it("refuses the intake's routes to a client", async () => {
    const res = await call(app, "GET", "/fec-intake/folders", { as: PEOPLE.guest });
    expect(res.status).toBe(403);
  });
});
