import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { searchable } from "@comptoir/shared";
import { MemoryIndex } from "../../src/core/readmodels/memory-index";

interface Item {
  id: string;
  name: string;
  n: number;
}

function build(items: Item[]) {
  const index = new MemoryIndex<Item>({ name: (i) => searchable(i.name), n: (i) => String(i.n).padStart(6, "0") });
  for (const i of items) index.set(i);
  return index;
}

function walk(
  index: MemoryIndex<Item>,
  sort: string,
  dir: "asc" | "desc",
  limit: number,
  filter?: (i: Item) => boolean,
) {
  const seen: string[] = [];
  let cursor: string | undefined;
  const totals = new Set<number>();
  for (let guard = 0; guard < 1000; guard++) {
    const page = index.page({ sort, dir, limit, cursor, filter });
    totals.add(page.total);
    seen.push(...page.items.map((i) => i.id));
    if (!page.cursor) break;
    cursor = page.cursor;
  }
  return { seen, totals };
}

const itemsArb = fc.uniqueArray(
  fc.record({
    id: fc.stringMatching(/^[a-z0-9]{1,6}$/),
    name: fc.string({ maxLength: 6 }),
    n: fc.integer({ min: 0, max: 50 }),
  }),
  { selector: (i) => i.id, maxLength: 60 },
);

describe("MemoryIndex keyset pages", () => {
  it("walks every matching row exactly once, in order, whatever the page size and direction", () => {
    fc.assert(
      fc.property(
        itemsArb,
        fc.integer({ min: 1, max: 7 }),
        fc.constantFrom("asc" as const, "desc" as const),
        fc.boolean(),
        (items, limit, dir, filtered) => {
          const index = build(items);
          const filter = filtered ? (i: Item) => i.n % 2 === 0 : undefined;
          const { seen, totals } = walk(index, "n", dir, limit, filter);
          const key = (i: Item) => `${String(i.n).padStart(6, "0")}\u0000${i.id}`;
          const expected = items
            .filter((i) => !filter || filter(i))
            .sort((a, b) => (key(a) < key(b) ? -1 : 1))
            .map((i) => i.id);
          if (dir === "desc") expected.reverse();
          expect(seen).toEqual(expected);
          expect([...totals]).toEqual([expected.length]);
        },
      ),
    );
  });

  it("keeps built orders exact through sets, re-sets and deletes (no rebuild)", () => {
    fc.assert(
      fc.property(
        itemsArb,
        fc.array(fc.tuple(fc.nat(80), fc.option(fc.integer({ min: 0, max: 50 })))),
        (items, changes) => {
          const index = build(items);
          const live = new Map(items.map((i) => [i.id, i]));
          walk(index, "n", "asc", 5); // builds the order that the changes must then keep
          for (const [at, n] of changes) {
            const id = `x${at % 20}`;
            if (n === null) {
              index.delete(id);
              live.delete(id);
            } else {
              index.set({ id, name: id, n });
              live.set(id, { id, name: id, n });
            }
          }
          const key = (i: Item) => `${String(i.n).padStart(6, "0")}\u0000${i.id}`;
          const expected = [...live.values()].sort((a, b) => (key(a) < key(b) ? -1 : 1)).map((i) => i.id);
          expect(walk(index, "n", "asc", 4).seen).toEqual(expected);
        },
      ),
    );
  });

  it("keeps a page stable when a row is inserted before the cursor", () => {
    const index = build([1, 2, 3, 4].map((n) => ({ id: `i${n}`, name: `Nom ${n}`, n })));
    const first = index.page({ sort: "n", dir: "asc", limit: 2 });
    index.set({ id: "i0", name: "Nom 0", n: 0 });
    const second = index.page({ sort: "n", dir: "asc", limit: 2, cursor: first.cursor ?? undefined });
    expect(second.items.map((i) => i.id)).toEqual(["i3", "i4"]);
  });

  it("folds accents and case for search", () => {
    expect(searchable("  Électricité   LEFÈVRE ")).toBe("electricite lefevre");
  });
});
