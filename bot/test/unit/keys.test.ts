import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { escapeKey, firmPartition, key, unescapeKey } from "../../src/core/storage/keys";

describe("table keys", () => {
  it("never contains a character Azure Tables forbid, and round-trips", () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const escaped = escapeKey(s);
        expect(escaped).not.toMatch(/[/\\#?|\p{Cc}]/u);
        expect(unescapeKey(escaped)).toBe(s);
      }),
    );
  });

  it("keeps prefixes as prefixes, so range queries on a prefix stay correct", () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        expect(escapeKey(a + b).startsWith(escapeKey(a))).toBe(true);
      }),
    );
  });

  it("joins components without collisions", () => {
    expect(key("a|b", "c")).not.toBe(key("a", "b|c"));
    expect(key("d", "RP/TEST#2?")).toBe("d|RP%2FTEST%232%3F");
  });

  it("puts every partition under the firm's tenant id", () => {
    expect(firmPartition("t1", "dossier", "x").startsWith("t1|")).toBe(true);
    expect(firmPartition("t1")).not.toBe(firmPartition("t2"));
  });
});
