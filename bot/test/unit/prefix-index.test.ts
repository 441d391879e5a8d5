import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { PrefixIndex } from "../../src/core/readmodels/prefix-index";
import { searchWords } from "@comptoir/shared";

const word = fc.stringMatching(/^[a-e]{1,15}$/);

describe("PrefixIndex", () => {
  it("finds exactly the rows where every query word starts some token (brute force agrees)", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.record({ id: fc.stringMatching(/^[0-9]{1,4}$/), tokens: fc.array(word, { maxLength: 4 }) }), {
          selector: (r) => r.id,
        }),
        fc.array(word, { minLength: 1, maxLength: 3 }),
        fc.option(fc.integer({ min: 0, max: 20 })),
        (rows, query, removed) => {
          const index = new PrefixIndex();
          for (const r of rows) index.set(r.id, r.tokens);
          const gone = removed === null ? undefined : rows[removed % Math.max(1, rows.length)]?.id;
          if (gone) index.delete(gone);
          const expected = rows
            .filter((r) => r.id !== gone && query.every((q) => r.tokens.some((t) => t.startsWith(q))))
            .map((r) => r.id)
            .sort();
          expect(index.match(query).sort()).toEqual(expected);
        },
      ),
    );
  });

  it("stays exact across merges of many changes: sets, re-sets and deletes between queries", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 }), (seed) => {
        let state = seed;
        const rand = (n: number) => (state = (state * 48271) % 2147483647) % n;
        const token = () => Array.from({ length: 1 + rand(5) }, () => "abcd"[rand(4)]).join("");
        const index = new PrefixIndex();
        const rows = new Map<string, string[]>();
        for (let step = 0; step < 4_000; step++) {
          const id = String(rand(1_500));
          if (rand(5) === 0) {
            index.delete(id);
            rows.delete(id);
          } else {
            const tokens = Array.from({ length: 1 + rand(3) }, token);
            index.set(id, tokens);
            rows.set(id, tokens);
          }
          if (step % 500 === 499) {
            const query = [token(), token()].slice(0, 1 + rand(2));
            const expected = [...rows]
              .filter(([, tokens]) => query.every((q) => tokens.some((t) => t.startsWith(q))))
              .map(([rowId]) => rowId)
              .sort();
            expect(index.match(query).sort()).toEqual(expected);
          }
        }
      }),
      { numRuns: 20 },
    );
  });

  it("replaces a row's tokens when set again", () => {
    const index = new PrefixIndex();
    index.set("1", ["boulangerie", "martin"]);
    index.set("1", ["garage"]);
    expect(index.match(["boul"])).toEqual([]);
    expect(index.match(["gar"])).toEqual(["1"]);
  });

  it("folds a query: accents, case, and a SIREN typed with spaces", () => {
    expect(searchWords("  Électricité  LEFÈVRE ")).toEqual(["electricite", "lefevre"]);
    expect(searchWords("904 128 733")).toEqual(["904128733"]);
  });
});
