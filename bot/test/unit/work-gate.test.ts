import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { AppError } from "@comptoir/shared";
import { WorkGate } from "../../src/lib/work-gate";

const codeOf = (e: unknown) => (e instanceof AppError ? `${e.code}:${String(e.params.retryAfter)}` : String(e));

describe("WorkGate: heavy work, bounded in all and per person", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("refuses a person over their share at once, with a retry hint", async () => {
    const gate = new WorkGate({ slots: 4, perPerson: 1, waitMs: 5_000 });
    const release = await gate.acquire("alice");
    await expect(gate.acquire("alice").catch(codeOf)).resolves.toBe("TOO_MANY_REQUESTS:5");
    const bob = await gate.acquire("bob");
    release();
    const again = await gate.acquire("alice");
    expect(gate.inFlight).toBe(2);
    again();
    bob();
    expect(gate.inFlight).toBe(0);
  });

  it("makes others wait for a free slot and serves them in order of arrival", async () => {
    const gate = new WorkGate({ slots: 1, perPerson: 1, waitMs: 3_000 });
    const first = await gate.acquire("a");
    const order: string[] = [];
    const second = gate.acquire("b").then((r) => (order.push("b"), r));
    const third = gate.acquire("c").then((r) => (order.push("c"), r));
    await vi.advanceTimersByTimeAsync(1_000);
    expect(order).toEqual([]);
    first();
    (await second)();
    (await third)();
    expect(order).toEqual(["b", "c"]);
    expect(gate.inFlight).toBe(0);
  });

  it("answers SERVER_BUSY to a caller whose wait runs out, and frees their share", async () => {
    const gate = new WorkGate({ slots: 1, perPerson: 1, waitMs: 2_000 });
    const held = await gate.acquire("a");
    const waiting = gate.acquire("b").catch(codeOf);
    await vi.advanceTimersByTimeAsync(2_001);
    expect(await waiting).toBe("SERVER_BUSY:2");
    held();
    const now = await gate.acquire("b");
    expect(gate.inFlight).toBe(1);
    now();
  });

  it("never runs two pieces of work under one exclusive key", async () => {
    const gate = new WorkGate({ slots: 4, perPerson: 4, waitMs: 1_000, exclusiveBusy: "FEC_IMPORT_BUSY" });
    const release = await gate.acquire("alice", "dossier|2024");
    expect(gate.isActive("dossier|2024")).toBe(true);
    await expect(gate.acquire("bob", "dossier|2024").catch(codeOf)).resolves.toBe("FEC_IMPORT_BUSY:1");
    const other = await gate.acquire("bob", "dossier|2025");
    release();
    release();
    expect(gate.isActive("dossier|2024")).toBe(false);
    expect(gate.inFlight).toBe(1);
    other();
  });

  it("answers the gate's own busy code when the wait runs out, if it has one", async () => {
    const gate = new WorkGate({ slots: 1, perPerson: 1, waitMs: 1_000, busy: "FEC_IMPORT_BUSY" });
    const held = await gate.acquire("a");
    const waiting = gate.acquire("b").catch(codeOf);
    await vi.advanceTimersByTimeAsync(1_001);
    expect(await waiting).toBe("FEC_IMPORT_BUSY:1");
    held();
  });

  it("refuses a gate without slots", () => {
    expect(() => new WorkGate({ slots: 0, perPerson: 1, waitMs: 0 })).toThrow(RangeError);
  });
});
