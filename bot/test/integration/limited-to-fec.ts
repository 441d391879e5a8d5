import fc from "fast-check";
import { etablissementCodeKey } from "@comptoir/shared";
import { fecText, type Line } from "./accounting-harness";

/**
 * Small FEC files with several établissements, for the *Limité à* property: each écriture is made of
 * parts, one établissement each, every part balanced on its own, so that keeping only some
 * établissements' lines still gives a valid FEC (balanced écritures, a balanced file).
 */

/** The dossier's établissements; "" is a line without CodeEtablissement, "e1 " checks case and spaces. */
export const DOSSIER_ETABLISSEMENTS = ["E1", "E2", "E3"] as const;
const WRITTEN_CODES = ["E1", "e1 ", "E2", "E3", ""] as const;

type Kind = "AN" | "VE" | "AC" | "BQ+" | "BQ-" | "OD";
const JOURNAL: Record<Kind, string> = { AN: "AN", VE: "VE", AC: "AC", "BQ+": "BQ", "BQ-": "BQ", OD: "OD" };
const LABEL: Record<Kind, string> = {
  AN: "Reprise des soldes",
  VE: "Facture client",
  AC: "Facture fournisseur",
  "BQ+": "Règlement client",
  "BQ-": "Règlement fournisseur",
  OD: "Loyer",
};

type Part = { etab: string; cents: number; split: number; aux: string; letter: string | undefined };
type Ecriture = { kind: Kind; month: number; day: number; parts: Part[]; interleave: boolean };
export type YearFile = { year: number; ecritures: Ecriture[] };

const part = (etabs: fc.Arbitrary<string>) =>
  fc.record({
    etab: etabs,
    cents: fc.integer({ min: 1, max: 500_000 }),
    split: fc.integer({ min: 0, max: 99 }),
    aux: fc.constantFrom("1", "2"),
    letter: fc.option(fc.constantFrom("A", "B", "AA"), { nil: undefined }),
  });

const ecriture = (kinds: fc.Arbitrary<Kind>, etabs: fc.Arbitrary<string>) =>
  fc.record({
    kind: kinds,
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 28 }),
    parts: fc.array(part(etabs), { minLength: 1, maxLength: 3 }),
    interleave: fc.boolean(),
  });

/**
 * An invoice and its payment for the same amount under one letter of their own, each in its own
 * établissement: the letter balances over the dossier, and over a scope only when both are in it.
 */
const settlement = fc.record({
  invoiceEtab: fc.constantFrom(...WRITTEN_CODES),
  paymentEtab: fc.constantFrom(...WRITTEN_CODES),
  cents: fc.integer({ min: 1, max: 500_000 }),
  split: fc.integer({ min: 0, max: 99 }),
  aux: fc.constantFrom("1", "2"),
  supplier: fc.boolean(),
  month: fc.integer({ min: 1, max: 12 }),
  day: fc.integer({ min: 1, max: 28 }),
  payMonth: fc.integer({ min: 1, max: 12 }),
});
type Settlement = typeof settlement extends fc.Arbitrary<infer S> ? S : never;

function settled(s: Settlement, i: number): Ecriture[] {
  const letter = `S${i}`;
  const [invoice, payment]: [Kind, Kind] = s.supplier ? ["AC", "BQ-"] : ["VE", "BQ+"];
  const at = (kind: Kind, etab: string, month: number, split: number): Ecriture => ({
    kind,
    month,
    day: s.day,
    parts: [{ etab, cents: s.cents, split, aux: s.aux, letter }],
    interleave: false,
  });
  return [at(invoice, s.invoiceEtab, s.month, 0), at(payment, s.paymentEtab, Math.max(s.month, s.payMonth), s.split)];
}

const year = (y: number): fc.Arbitrary<YearFile> =>
  fc
    .tuple(
      // One écriture per établissement, so that every filtered file has lines.
      fc.tuple(...DOSSIER_ETABLISSEMENTS.map((code) => ecriture(fc.constant<Kind>("OD"), fc.constant(code)))),
      fc.array(
        ecriture(fc.constantFrom<Kind>("AN", "VE", "AC", "BQ+", "BQ-", "OD"), fc.constantFrom(...WRITTEN_CODES)),
        { minLength: 2, maxLength: 12 },
      ),
      fc.array(settlement, { minLength: 1, maxLength: 4 }),
    )
    .map(([base, more, settlements]) => ({
      year: y,
      ecritures: [...base, ...more, ...settlements.flatMap(settled)],
    }));

/** N-1 (2023) and N (2024). */
export const twoYears = fc.tuple(year(2023), year(2024));

const money = (cents: number) => (cents / 100).toFixed(2).replace(".", ",");

/** The part's lines: the first account debited, the second credited (split in two when `split` says so). */
function partLines(kind: Kind, p: Part): Array<Omit<Line, "journal" | "num" | "date">> {
  const client = { compte: "411000", aux: `C${p.aux}`, ...(p.letter ? { letter: p.letter } : {}) };
  const supplier = { compte: "401000", aux: `F${p.aux}`, ...(p.letter ? { letter: p.letter } : {}) };
  type Side = Pick<Line, "compte" | "aux" | "letter">;
  const sides: Record<Kind, [Side, Side]> = {
    AN: [{ compte: "512000" }, { compte: "101000" }],
    VE: [client, { compte: "706000" }],
    AC: [{ compte: "607000" }, supplier],
    "BQ+": [{ compte: "512000" }, client],
    "BQ-": [supplier, { compte: "512000" }],
    OD: [{ compte: "613200" }, { compte: "530000" }],
  };
  const [debit, credit] = sides[kind];
  const lib = `${LABEL[kind]} ${p.aux}`;
  const first = Math.floor((p.cents * p.split) / 100);
  const credits = p.split > 50 && first > 0 ? [first, p.cents - first] : [p.cents];
  return [
    { ...debit, lib, debit: money(p.cents), etab: p.etab },
    ...credits.map((c) => ({ ...credit, lib, credit: money(c), etab: p.etab })),
  ];
}

/** The file's lines in date order, écritures numbered in that order. */
export function yearLines(file: YearFile): Line[] {
  const sorted = file.ecritures
    .map((e) => (e.kind === "AN" ? { ...e, month: 1, day: 1 } : e))
    .sort((a, b) => a.month - b.month || a.day - b.day);
  return sorted.flatMap((e, i) => {
    const date = `${file.year}${String(e.month).padStart(2, "0")}${String(e.day).padStart(2, "0")}`;
    const lines = e.parts.map((p) => partLines(e.kind, p));
    // Interleaved: the parts' lines alternate, so hiding an établissement leaves gaps inside the écriture.
    const ordered = e.interleave
      ? [0, 1, 2].flatMap((k) => lines.map((l) => l[k])).filter((l) => l !== undefined)
      : lines.flat();
    return ordered.map((l) => ({ ...l, journal: JOURNAL[e.kind], num: String(i + 1), date }));
  });
}

/** `lines` as a FEC, and the same keeping only the lines of `scope` (lines without a code dropped too). */
export function fullAndFiltered(lines: readonly Line[], scope: readonly string[]) {
  const allowed = new Set(scope);
  const kept = lines.filter((l) => allowed.has(etablissementCodeKey(l.etab ?? "")));
  // Physical line numbers (1 = header) of the kept lines, in the full file and in the filtered one.
  const lineMap = new Map<number, number>();
  let n = 2;
  lines.forEach((l, i) => {
    if (allowed.has(etablissementCodeKey(l.etab ?? ""))) lineMap.set(i + 2, n++);
  });
  return {
    full: Buffer.from(fecText(lines, { etab: true }), "utf8"),
    filtered: Buffer.from(fecText(kept, { etab: true }), "utf8"),
    lineMap,
  };
}
