import { describe, expect, it } from "vitest";
import type { Principal } from "@comptoir/shared";
import { WorkGate } from "../../src/lib/work-gate";
import { scansJournals, scansLedger } from "../../src/accounting/views/heavy-reads";
import { underGate, yieldingSink } from "../../src/api/routes/heavy-work";

const person = (oid: string): Principal => ({
  tenantId: "t",
  oid,
  name: oid,
  username: `${oid}@example.com`,
  roles: [],
  kind: "client",
});

describe("heavy work at the routes", () => {
  it("tells the queries that scan a whole import from those the index serves", () => {
    for (const built of [false, true]) {
      expect(scansLedger({ lettering: "all" }, built)).toBe(false);
      expect(scansLedger({ q: "  ", lettering: "all" }, built)).toBe(false);
      expect(scansLedger({ q: "loyer", lettering: "all" }, built)).toBe(true);
      expect(scansLedger({ aux: "C001", lettering: "all" }, built)).toBe(false);
      expect(scansLedger({ lettering: "unlettered" }, built)).toBe(false);
    }
    // An auxiliary's search and unlettered lines scan its accounts until the auxiliaries' copy is built.
    expect(scansLedger({ aux: "C001", lettering: "unlettered" }, false)).toBe(true);
    expect(scansLedger({ aux: "C001", q: "loyer", lettering: "all" }, false)).toBe(true);
    expect(scansLedger({ aux: "C001", lettering: "unlettered" }, true)).toBe(false);
    expect(scansLedger({ aux: "C001", q: "loyer", lettering: "unlettered" }, true)).toBe(false);
    expect(scansJournals({}, false)).toBe(false);
    expect(scansJournals({ q: " " }, false)).toBe(false);
    expect(scansJournals({ q: "facture" }, false)).toBe(true);
    // Once the search index is built, its postings locate the écritures.
    expect(scansJournals({ q: "facture" }, true)).toBe(false);
  });

  it("holds the caller's slot while the work runs and frees it however the work ends", async () => {
    const gate = new WorkGate({ slots: 2, perPerson: 1, waitMs: 1_000 });
    let inside = -1;
    await underGate(gate, person("alice"), () => Promise.resolve((inside = gate.inFlight)));
    expect(inside).toBe(1);
    await expect(underGate(gate, person("alice"), () => Promise.reject(new Error("client gone")))).rejects.toThrow(
      "client gone",
    );
    expect(gate.inFlight).toBe(0);
  });

  it("lets other callbacks run while an export writes to a socket that never pushes back", async () => {
    const written: number[] = [];
    const sink = yieldingSink((chunk) => {
      written.push(chunk.length);
      return Promise.resolve();
    });
    let othersRan = false;
    setImmediate(() => (othersRan = true));
    // A writer that never waits on I/O: only the sink can hand the event loop back.
    const started = performance.now();
    while (!othersRan && performance.now() - started < 5_000) await sink(new Uint8Array(8));
    expect(othersRan).toBe(true);
    expect(written.length).toBeGreaterThan(0);
  });
});
