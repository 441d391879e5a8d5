import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FecImportList } from "@comptoir/shared/api/accounting";
import type { IntakeBrowse, IntakeStatus } from "@comptoir/shared/api/fec-intake";
import { FEC_COLUMNS } from "@comptoir/shared/accounting/fec/columns";
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

function fec(): string {
  const row = (compte: string, debit: string, credit: string) =>
    [
      "VE",
      "Ventes",
      "1",
      "20240115",
      compte,
      `Compte ${compte}`,
      "",
      "",
      "FA1",
      "20240115",
      "Facture",
      debit,
      credit,
      "",
      "",
      "20240115",
      "",
      "",
    ].join("\t");
  return `${FEC_COLUMNS.join("\t")}\n${row("512000", "100,00", "0,00")}\n${row("706000", "0,00", "100,00")}\n`;
}

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

    writeFileSync(join(app.driveRoot, code, "552100554FEC20241231.txt"), fec());
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
