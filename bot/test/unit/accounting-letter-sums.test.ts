import { describe, expect, it } from "vitest";
import { LetterSumsBuilder, unbalancedIn } from "../../src/accounting/store/letter-sums";

type Line = { compte: string; letter: string; etab: string; amount: number };

/** mulberry32: reproducible lines. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ETABS = ["", "E1", "E2", "E3"];
const SCOPES: Array<ReadonlySet<string> | undefined> = [
  undefined,
  new Set(["E1"]),
  new Set(["E1", "E2"]),
  new Set(["E2", "E3"]),
  new Set(["E9"]),
];

/** Lines whose letters mostly balance: an invoice and its payment, sometimes in another établissement. */
function generated(seed: number, n: number): Line[] {
  const rand = prng(seed);
  const out: Line[] = [];
  while (out.length < n) {
    const compte = rand() < 0.5 ? "411000" : "401000";
    const letter = `L${Math.floor(rand() * 40)}`;
    const amount = Math.round(rand() * 1000) - 200;
    const etab = ETABS[Math.floor(rand() * ETABS.length)] ?? "";
    out.push({ compte, letter, etab, amount });
    const other = rand() < 0.2 ? (ETABS[Math.floor(rand() * ETABS.length)] ?? "") : etab;
    // Most invoices are settled in full; some partly.
    out.push({ compte, letter, etab: other, amount: rand() < 0.8 ? -amount : -Math.floor(amount / 2) });
  }
  return out;
}

/** What a reader limited to `scope` sees: the letters of an account whose visible lines do not sum to zero. */
function naive(lines: readonly Line[], compte: string, scope: ReadonlySet<string> | undefined): Set<string> {
  const sums = new Map<string, number>();
  for (const l of lines)
    if (l.compte === compte && (scope === undefined || scope.has(l.etab)))
      sums.set(l.letter, (sums.get(l.letter) ?? 0) + l.amount);
  return new Set([...sums].filter(([, s]) => s !== 0).map(([letter]) => letter));
}

describe("letter sums kept at import", () => {
  it("give the unbalanced letters of each account, for every scope, as a naive sum over the lines does", () => {
    for (let seed = 1; seed <= 30; seed++) {
      const lines = generated(seed, 400);
      const builder = new LetterSumsBuilder();
      for (const l of lines) builder.add(l.compte, l.letter, l.etab, l.amount);
      const kept = new Map(builder.result().map((s) => [s.compteNum, s.letters]));
      for (const compte of ["411000", "401000"])
        for (const scope of SCOPES) {
          const got = unbalancedIn(kept.get(compte) ?? [], (etab) => scope === undefined || scope.has(etab));
          expect([...got].sort()).toEqual([...naive(lines, compte, scope)].sort());
        }
    }
  });

  it("keeps only the letters that could look unbalanced to someone", () => {
    const builder = new LetterSumsBuilder();
    builder.add("411000", "AA", "E1", 100);
    builder.add("411000", "AA", "E1", -100); // balanced, one établissement: dropped
    builder.add("411000", "AB", "E1", 100);
    builder.add("411000", "AB", "E2", -100); // balanced overall, unbalanced for E1 alone: kept
    builder.add("411000", "AC", "", 50); // unbalanced: kept
    builder.add("401000", "ZZ", "", 10);
    builder.add("401000", "ZZ", "", -10); // the account has nothing to keep
    expect(builder.result()).toEqual([
      {
        compteNum: "411000",
        letters: [
          [
            "AB",
            [
              ["E1", 100],
              ["E2", -100],
            ],
          ],
          ["AC", [["", 50]]],
        ],
      },
    ]);
  });
});
