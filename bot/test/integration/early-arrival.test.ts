import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ClientSocietes, EarlyArrival } from "@comptoir/shared/api/client-space";
import type { Dossier } from "@comptoir/shared";
import { clientOn } from "./accounting-harness";
import { dossierWithOffer } from "./fixtures";
import { call, startTestApp, TEST_TENANT, type TestApp } from "./harness";

/**
 * Issue 18, point 1: a client who comes before the dossier's space is open (the collaborative extension not yet
 * activated) is told what is missing and that the firm knows; the firm is told once (a bot notification and the
 * dossier's dashboard), however often the client reloads; once the extension is on, the client consults.
 */
let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

describe("a client who arrives too early", () => {
  it("sees why, the firm is told once, and the space opens with the extension", async () => {
    const { dossier, etag } = await dossierWithOffer(app);
    const token = await clientOn(app, dossier.id);
    const told: string[] = [];
    const deps = app.running.deps as typeof app.running.deps & {
      onClientEvent?: (t: string, e: { kind: string }) => Promise<void>;
    };
    const previous = deps.onClientEvent;
    deps.onClientEvent = async (tenantId, event) => {
      told.push(event.kind);
      await previous?.(tenantId, event);
    };

    for (let i = 0; i < 3; i++) {
      const list = await call<ClientSocietes>(app, "GET", "/client/societes", { token });
      expect(list.status).toBe(200);
      expect(list.body.items).toEqual([]);
      expect(list.body.waiting).toEqual([{ dossierId: dossier.id, name: dossier.name, reason: "extension-inactive" }]);
    }
    expect(told.filter((k) => k === "earlyArrival")).toHaveLength(1);
    expect(await app.running.deps.repos.earlyArrivals.listByDossier(TEST_TENANT, dossier.id)).toHaveLength(1);

    const dashboard = await call<{ items: EarlyArrival[] }>(app, "GET", `/dossiers/${dossier.id}/early-arrivals`);
    expect(dashboard.body.items).toEqual([
      expect.objectContaining({ dossierId: dossier.id, reason: "extension-inactive" }),
    ]);
    // Clients never read it.
    expect((await call(app, "GET", `/dossiers/${dossier.id}/early-arrivals`, { token })).status).toBe(403);

    const current = await call<Dossier>(app, "GET", `/dossiers/${dossier.id}`);
    const opened = await call(app, "PUT", `/dossiers/${dossier.id}/widget`, {
      etag: current.etag ?? etag,
      body: { extensionActive: true },
    });
    expect(opened.status).toBe(200);
    const after = await call<ClientSocietes>(app, "GET", "/client/societes", { token });
    expect(after.body.items.map((s) => s.dossierId)).toEqual([dossier.id]);
    expect(after.body.waiting).toEqual([]);
    const cleared = await call<{ items: EarlyArrival[] }>(app, "GET", `/dossiers/${dossier.id}/early-arrivals`);
    expect(cleared.body.items).toEqual([]);
    deps.onClientEvent = previous;
  });
});
