import { afterEach, describe, expect, it, vi } from "vitest";
import { isStorageUnreachable, OutageTracker } from "../../src/lib/storage-faults";

afterEach(() => vi.restoreAllMocks());

describe("isStorageUnreachable", () => {
  it("recognises the storage SDKs' failed calls and 503s", () => {
    expect(isStorageUnreachable(Object.assign(new Error("x"), { name: "RestError", code: "ECONNREFUSED" }))).toBe(true);
    expect(isStorageUnreachable(Object.assign(new Error("x"), { name: "RestError" }))).toBe(true);
    expect(isStorageUnreachable(Object.assign(new Error("x"), { name: "RestError", statusCode: 503 }))).toBe(true);
  });

  it("leaves answers of a reachable service alone", () => {
    expect(isStorageUnreachable(Object.assign(new Error("x"), { name: "RestError", statusCode: 412 }))).toBe(false);
    expect(isStorageUnreachable(Object.assign(new Error("x"), { name: "RestError", statusCode: 404 }))).toBe(false);
    expect(isStorageUnreachable(new Error("bug"))).toBe(false);
    // Another service's network failure (Graph, the Bot Connector) is not a storage outage.
    expect(isStorageUnreachable(Object.assign(new Error("x"), { name: "AxiosError", code: "ECONNRESET" }))).toBe(false);
    expect(isStorageUnreachable(undefined)).toBe(false);
  });
});

describe("OutageTracker", () => {
  it("logs one line when an outage starts and one when it ends, backing off by doubling up to the cap", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    let now = 0;
    const outage = new OutageTracker("mails", 500, 30_000, () => now);
    const refused = Object.assign(new Error("connect ECONNREFUSED"), { name: "RestError", code: "ECONNREFUSED" });
    const waits = Array.from({ length: 9 }, () => outage.failed(refused));
    expect(waits).toEqual([500, 1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000]);
    expect(outage.down).toBe(true);
    now = 12_300;
    outage.recovered();
    outage.recovered();
    expect(outage.down).toBe(false);
    expect(warn.mock.calls.map((c) => String(c[0]))).toEqual([
      "[mails] storage unreachable (ECONNREFUSED); retrying with backoff up to 30 s",
      "[mails] storage reachable again after 12.3 s",
    ]);
    expect(outage.failed(refused)).toBe(500);
  });
});
