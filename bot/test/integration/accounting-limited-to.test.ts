import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newDossier } from "./fixtures";
import type {
  AccountingExercices,
  AccountingGrandLivre,
  AccountingJournaux,
  AccountingSynthese,
} from "@comptoir/shared/api/accounting";
import {
  clientOn,
  consultableDossier,
  fecText,
  startAccountingApp,
  type AccountingTestApp,
  type Line,
} from "./accounting-harness";
import { DOSSIER_ETABLISSEMENTS, fullAndFiltered, twoYears, yearLines } from "./limited-to-fec";

/**
 * *Limité à* is tight: a client limited to some établissements gets, from every view and export, the
 * answer staff get from an import of only those établissements' lines (lines without a code dropped).
 * Each case imports a generated two-year FEC whole into one dossier and filtered into another, then
 * compares every view between "client limited to S on the whole import" and "staff on the filtered one".
 */

let t: AccountingTestApp;
let fullDossier: string;
let filteredDossier: string;
/** Scopes of the clients on the whole dossier, with their tokens. */
const SCOPES = [["E1"], ["E1", "E2"], ["E2", "E3"]] as const;
const clients: string[] = [];
const SIRETS = ["73282932000009", "73282932000017", "73282932000025"];

beforeAll(async () => {
  // The two dossiers of a case import side by side (a dossier takes one import at a time).
  t = await startAccountingApp({ concurrentImports: 2 });
  fullDossier = await consultableDossier(
    t.app,
    DOSSIER_ETABLISSEMENTS.map((code, i) => ({ code, name: `Site ${code}`, siret: SIRETS[i] ?? "" })),
  );
  filteredDossier = (await newDossier(t.app, { siren: "732829320" })).dossier.id;
  for (const scope of SCOPES) clients.push(await clientOn(t.app, fullDossier, [...scope]));
}, 120_000);
afterAll(() => t.close());

const EXERCICES = { 2023: "2023-01-01..2023-12-31", 2024: "2024-01-01..2024-12-31" } as const;

async function importYear(dossierId: string, year: 2023 | 2024, bytes: Buffer): Promise<void> {
  const res = await t.upload(dossierId, bytes, { exercice: EXERCICES[year], fileName: `732829320FEC${year}1231.txt` });
  expect(res.body.report.issues.filter((i) => i.severity === "error")).toEqual([]);
  expect(res.status).toBe(201);
}

/**
 * What must match: everything but the served import's id, who imported what file when, and the
 * `restricted` flag; line numbers are those of the file each was computed from (mapped onto the filtered file).
 */
function comparable(body: unknown, lineMap?: ReadonlyMap<number, number>): unknown {
  const walk = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(walk);
    if (value === null || typeof value !== "object") return value;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (k === "restricted" || k === "importId" || k === "importedAt" || k === "importedBy" || k === "fileName")
        continue;
      out[k] = k === "line" && typeof v === "number" && lineMap ? (lineMap.get(v) ?? -v) : walk(v);
    }
    return out;
  };
  return walk(body);
}

const queries = fc.record({
  scope: fc.integer({ min: 0, max: SCOPES.length - 1 }),
  from: fc.integer({ min: 1, max: 12 }),
  to: fc.integer({ min: 1, max: 12 }),
  pageSize: fc.integer({ min: 1, max: 6 }),
  page: fc.integer({ min: 0, max: 3 }),
  account: fc.constantFrom("4", "411", "512", "6"),
  aux: fc.constantFrom("C1", "F2"),
  q: fc.constantFrom("facture", "reglement 1", "C2", "P1", "loyer"),
  journal: fc.constantFrom("VE", "BQ", "AN"),
});

type Queries = typeof queries extends fc.Arbitrary<infer Q> ? Q : never;

/** Every view and CSV export, with the case's queries (paths under `…/accounting/`). */
function viewPaths(c: Queries): { json: string[]; csv: string[] } {
  const month = (y: number, m: number) => `${y}-${String(m).padStart(2, "0")}`;
  const period = `from=${month(2024, c.from)}&to=${month(2024, c.to)}`;
  const paging = `pageSize=${c.pageSize}&page=${c.page}`;
  const q = `q=${encodeURIComponent(c.q)}`;
  return {
    json: [
      "exercices",
      "balance",
      `balance?exercice=2023-12-31&from=${month(2023, c.from)}&to=${month(2023, c.to)}`,
      `balance?${q}`,
      `grand-livre?${paging}`,
      `grand-livre?account=${c.account}&${period}&${paging}`,
      "grand-livre?account=4&pageSize=1000",
      `grand-livre?${q}&${paging}`,
      `grand-livre?aux=${c.aux}&account=4&${period}`,
      `grand-livre?lettering=unlettered&${paging}`,
      `grand-livre?lettering=unlettered&account=4&${q}&${period}`,
      `journaux?${paging}`,
      `journaux?pageSize=1000`,
      `journaux?journal=${c.journal}&${period}&${paging}`,
      `journaux?${q}&${paging}`,
      "synthese",
      `synthese?${period}`,
      "synthese?exercice=2023-12-31",
      "etats-financiers",
      `etats-financiers?${period}`,
      "etats-financiers?exercice=2023-12-31",
    ],
    csv: [
      `export/balance.csv?${period}`,
      "export/grand-livre.csv",
      `export/grand-livre.csv?account=${c.account}&${period}`,
      `export/grand-livre.csv?lettering=unlettered&aux=${c.aux}`,
      `export/grand-livre.csv?${q}`,
      "export/journaux.csv",
      `export/journaux.csv?journal=${c.journal}&${q}`,
      `export/etats-financiers.csv?${period}`,
    ],
  };
}

describe("Limité à: a restricted client sees what an import of its établissements alone shows", () => {
  it("gives identical views and exports to staff on the filtered import", async () => {
    await fc.assert(
      fc.asyncProperty(twoYears, queries, async (years, c) => {
        const scope = SCOPES[c.scope] ?? SCOPES[0];
        const token = { token: clients[c.scope] ?? "" };
        const files = years.map((y) => ({ year: y.year as 2023 | 2024, ...fullAndFiltered(yearLines(y), scope) }));
        const importAll = async (dossierId: string, of: (f: (typeof files)[number]) => Buffer) => {
          for (const f of files) await importYear(dossierId, f.year, of(f));
        };
        await Promise.all([importAll(fullDossier, (f) => f.full), importAll(filteredDossier, (f) => f.filtered)]);
        const lineMaps = new Map(files.map((f) => [f.year, f.lineMap]));
        const mine = `/client/societes/${fullDossier}/accounting`;
        const staff = `/dossiers/${filteredDossier}/accounting`;
        const { json, csv } = viewPaths(c);
        // One path at a time (the client and staff side by side): each person holds at most one
        // heavy-read slot, so fair-use limits never answer for the rule under test.
        for (const path of json) {
          const [a, b] = await Promise.all([t.get(`${mine}/${path}`, token), t.get(`${staff}/${path}`)]);
          expect([path, a.status, b.status]).toEqual([path, 200, 200]);
          const lineMap = lineMaps.get(path.includes("exercice=2023") ? 2023 : 2024);
          expect({ path, body: comparable(a.body, lineMap) }).toEqual({ path, body: comparable(b.body) });
        }
        for (const path of csv) {
          const [a, b] = await Promise.all(
            [t.raw(`${mine}/${path}`, { as: token }), t.raw(`${staff}/${path}`)].map(async (pending) => {
              const res = await pending;
              return { status: res.status, text: await res.text() };
            }),
          );
          expect([path, a?.status, b?.status]).toEqual([path, 200, 200]);
          expect({ path, csv: a?.text }).toEqual({ path, csv: b?.text });
        }
      }),
      // Small files and one server for every case: about a second per case. A failure's shrinking
      // re-imports at each step, so it is cut short rather than running past the test's timeout.
      { numRuns: 20, interruptAfterTimeLimit: 90_000, markInterruptAsFailure: true },
    );
  }, 120_000);
});

describe("Limité à: the two side channels of issue 15", () => {
  /**
   * E1 invoices 100,00 lettered A, settled 60,00 by E2 and 40,00 by E1: the letter balances over the
   * dossier, not over E1 alone. One écriture without a code, one shared by E1 and E2.
   */
  const LINES: Line[] = [
    {
      journal: "VE",
      num: "1",
      date: "20240115",
      compte: "411000",
      aux: "C1",
      debit: "100,00",
      letter: "A",
      etab: "E1",
    },
    { journal: "VE", num: "1", date: "20240115", compte: "706000", credit: "100,00", etab: "E1" },
    { journal: "BQ", num: "2", date: "20240220", compte: "512000", debit: "60,00", etab: "E2" },
    {
      journal: "BQ",
      num: "2",
      date: "20240220",
      compte: "411000",
      aux: "C1",
      credit: "60,00",
      letter: "A",
      etab: "E2",
    },
    { journal: "BQ", num: "3", date: "20240301", compte: "512000", debit: "40,00", etab: "e1 " },
    {
      journal: "BQ",
      num: "3",
      date: "20240301",
      compte: "411000",
      aux: "C1",
      credit: "40,00",
      letter: "A",
      etab: "E1",
    },
    { journal: "OD", num: "4", date: "20240310", compte: "613200", debit: "10,00", etab: "" },
    { journal: "OD", num: "4", date: "20240310", compte: "530000", credit: "10,00", etab: "" },
    { journal: "OD", num: "5", date: "20240320", compte: "613200", debit: "5,00", etab: "E1" },
    { journal: "OD", num: "5", date: "20240320", compte: "613200", debit: "7,00", etab: "E2" },
    { journal: "OD", num: "5", date: "20240320", compte: "530000", credit: "5,00", etab: "E1" },
    { journal: "OD", num: "5", date: "20240320", compte: "530000", credit: "7,00", etab: "E2" },
  ];
  let dossier: string;
  let onlyE1: { token: string };
  let e1AndE2: { token: string };

  beforeAll(async () => {
    dossier = await consultableDossier(t.app, [
      { code: "E1", name: "Site E1", siret: SIRETS[0] ?? "" },
      { code: "E2", name: "Site E2", siret: SIRETS[1] ?? "" },
    ]);
    onlyE1 = { token: await clientOn(t.app, dossier, ["E1"]) };
    e1AndE2 = { token: await clientOn(t.app, dossier, ["E1", "E2"]) };
    await importYear(dossier, 2024, Buffer.from(fecText(LINES, { etab: true }), "utf8"));
  }, 60_000);

  const mine = () => `/client/societes/${dossier}/accounting`;
  const staff = () => `/dossiers/${dossier}/accounting`;

  it("counts a restricted client's lines over its établissements only (exercices.lineCount)", async () => {
    const lineCounts = async (path: string, as?: { token: string }) =>
      (await t.get<AccountingExercices>(path, as)).body.items
        .filter((i) => i.id === "2024-12-31")
        .map((i) => [i.etablissements, i.lineCount]);
    expect(await lineCounts(`${staff()}/exercices`)).toEqual([[["E1", "E2"], 12]]);
    expect(await lineCounts(`${mine()}/exercices`, onlyE1)).toEqual([[["E1"], 6]]);
    expect(await lineCounts(`${mine()}/exercices`, e1AndE2)).toEqual([[["E1", "E2"], 10]]);
  });

  it("says whether a letter balances over a restricted client's lines only (letterBalanced)", async () => {
    const lettering = async (path: string, as?: { token: string }) => {
      const { status, body } = await t.get<AccountingGrandLivre>(path, as);
      expect(status).toBe(200);
      return body.accounts.flatMap((a) => a.lines.map((l) => [l.ecritureLet, l.letterBalanced]));
    };
    // Indexed pages and filtered ones (auxiliary) mark lines the same way.
    for (const query of ["account=411", "account=411&aux=C1"]) {
      expect(await lettering(`${staff()}/grand-livre?${query}`)).toEqual([
        ["A", true],
        ["A", true],
        ["A", true],
      ]);
      expect(await lettering(`${mine()}/grand-livre?${query}`, onlyE1)).toEqual([
        ["A", false],
        ["A", false],
      ]);
      expect(await lettering(`${mine()}/grand-livre?${query}`, e1AndE2)).toEqual([
        ["A", true],
        ["A", true],
        ["A", true],
      ]);
    }
  });

  it("counts an écriture shared by two établissements of the scope once (journaux)", async () => {
    const counts = async (as?: { token: string }) => {
      const base = as ? mine() : staff();
      const { body } = await t.get<AccountingJournaux>(`${base}/journaux?journal=OD`, as);
      return [body.totalEcritures, body.journals.map((j) => [j.journalCode, j.ecritureCount])];
    };
    expect(await counts()).toEqual([2, [["OD", 2]]]);
    expect(await counts(onlyE1)).toEqual([1, [["OD", 1]]]);
    expect(await counts(e1AndE2)).toEqual([1, [["OD", 1]]]);
  });

  it("hides an exercice holding none of a restricted client's lines: not listed, not N-1, not readable", async () => {
    const only2023: Line[] = [
      { journal: "OD", num: "1", date: "20230310", compte: "613200", debit: "9,00", etab: "E2" },
      { journal: "OD", num: "1", date: "20230310", compte: "530000", credit: "9,00", etab: "E2" },
      { journal: "OD", num: "2", date: "20230311", compte: "613200", debit: "3,00", etab: "" },
      { journal: "OD", num: "2", date: "20230311", compte: "530000", credit: "3,00", etab: "" },
    ];
    await importYear(dossier, 2023, Buffer.from(fecText(only2023, { etab: true }), "utf8"));
    const seen = async (base: string, as?: { token: string }) => {
      const exercices = await t.get<AccountingExercices>(`${base}/exercices`, as);
      const synthese = await t.get<AccountingSynthese>(`${base}/synthese`, as);
      const balance = await t.get<{ code?: string }>(`${base}/balance?exercice=2023-12-31`, as);
      return {
        exercices: exercices.body.items.map((i) => [i.id, i.previousId]),
        previous: synthese.body.previous?.id ?? null,
        balance2023: [balance.status, balance.body.code ?? "ok"],
      };
    };
    const both = {
      exercices: [
        ["2024-12-31", "2023-12-31"],
        ["2023-12-31", null],
      ],
      previous: "2023-12-31",
      balance2023: [200, "ok"],
    };
    expect(await seen(staff())).toEqual(both);
    expect(await seen(mine(), e1AndE2)).toEqual(both);
    expect(await seen(mine(), onlyE1)).toEqual({
      exercices: [["2024-12-31", null]],
      previous: null,
      balance2023: [404, "ACCOUNTING_EXERCICE_NOT_FOUND"],
    });
  });
});
