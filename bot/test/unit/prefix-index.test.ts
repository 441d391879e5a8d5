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
