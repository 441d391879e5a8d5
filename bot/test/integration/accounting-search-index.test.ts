import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseFec, searchable, type FecEntry } from "@comptoir/shared";
import type { AccountingJournaux } from "@comptoir/shared/api/accounting";
import { naturalCompare } from "@comptoir/shared/accounting/compute/paging";
import { AccountingStore } from "../../src/accounting/store/store";
import { readSearchIndex } from "../../src/accounting/store/search-index-reader";
import {
  clientOn,
  consultableDossier,
  generatedFec,
  startAccountingApp,
  type AccountingTestApp,
} from "./accounting-harness";
import { TEST_TENANT } from "./harness";

/**
 * The journaux' search answers from the index built at import exactly as the scan does: the same
 * dossier is imported twice, and one copy loses its index (`s|` rows), as an import of an earlier build
 * has none. Every page, count, total and CSV export must then be the same, for staff and for clients
 * limited to some établissements, over the exercice and a period; and the scan must be the rule
 * itself (each query word begins a word of the écriture's visible lines), checked against a plain
 * reading of the parsed file.
 */
let t: AccountingTestApp;
const dossiers = { indexed: "", scanned: "" };
const tokens: Record<keyof typeof dossiers, string[]> = { indexed: [], scanned: [] };
const SCOPES = [["E1"], ["E1", "E2"]] as const;
let entries: FecEntry[];
let queries: string[];

/** The generated FEC with a CodeEtablissement column: most écritures in one établissement, some in two. */
async function fecWithEtablissements(): Promise<Buffer> {
  const text = (await generatedFec(4_000, { seed: 11 })).toString("latin1");
  const rows = text.split("\r\n");
  let ecriture = -1;
  let lastNum = "";
  const out = rows.map((row, i) => {
    if (i === 0) return `${row}\tCodeEtablissement`;
    if (row === "") return row;
    const cols = row.split("\t");
    const num = `${cols[0]}|${cols[2]}`;
    if (num !== lastNum) ecriture++;
    lastNum = num;
    const codes = ["E1", "E2", "E3", ""];
    // Every seventh écriture alternates two établissements line by line.
    const etab = ecriture % 7 === 3 ? codes[(ecriture + i) % 2] : codes[ecriture % 4];
    return `${row}\t${etab ?? ""}`;
  });
  return Buffer.from(out.join("\r\n"), "latin1");
}

beforeAll(async () => {
  t = await startAccountingApp();
  const etablissements = ["E1", "E2", "E3"].map((code, i) => ({
    code,
    name: `Site ${code}`,
    siret: ["73282932000009", "73282932000017", "73282932000025"][i] ?? "",
  }));
  const file = await fecWithEtablissements();
  entries = parseFec(file).entries;
  for (const which of ["indexed", "scanned"] as const) {
    dossiers[which] = await consultableDossier(t.app, etablissements);
    const res = await t.upload(dossiers[which], file, { fileName: "732829320FEC20241231.txt" });
    expect(res.body.report.issues.filter((i) => i.severity === "error")).toEqual([]);
    expect(res.status).toBe(201);
    for (const scope of SCOPES) tokens[which].push(await clientOn(t.app, dossiers[which], [...scope]));
  }
  // The scanned copy, as an import of an earlier build: no `s|` rows.
  const pointer = await t.acc.store.getPointer(TEST_TENANT, dossiers.scanned, "2024-12-31");
  const v = {
    tenantId: TEST_TENANT,
    dossierId: dossiers.scanned,
    exercice: "2024-12-31",
    importId: pointer?.importId ?? "",
  };
  const pk = AccountingStore.versionPartition(v);
  let removed = 0;
  for await (const row of t.acc.store.table.listEntities({ queryOptions: { filter: `PartitionKey eq '${pk}'` } }))
    if (row.rowKey?.startsWith("s|")) {
      await t.acc.store.table.deleteEntity(pk, row.rowKey);
      removed++;
    }
  expect(removed).toBeGreaterThan(0);
  t.acc.store.dropCaches();
  expect(await readSearchIndex(t.acc.store, v)).toBeNull();
  const served = await t.acc.store.getPointer(TEST_TENANT, dossiers.indexed, "2024-12-31");
  const indexed = { ...v, dossierId: dossiers.indexed, importId: served?.importId ?? "" };
  expect((await readSearchIndex(t.acc.store, indexed))?.ecritures).toBeGreaterThan(500);

  // The rarest word of the labels (in two écritures or more), a piece reference and an écriture number.
  const counts = new Map<string, Set<string>>();
  for (const e of entries)
    for (const w of searchable(e.ecritureLib).split(/[^\p{L}\p{N}]+/u))
      if (w.length > 3 && !/\d/.test(w)) (counts.get(w) ?? counts.set(w, new Set()).get(w))?.add(e.ecritureNum);
  const rare = [...counts].filter(([, nums]) => nums.size >= 2).sort((a, b) => a[1].size - b[1].size)[0]?.[0] ?? "";
  const piece = entries.find((e) => e.journalCode === "VE")?.pieceRef ?? "";
  const num = entries[entries.length >> 1]?.ecritureNum ?? "";
  expect([rare, piece, num].every((q) => q !== "")).toBe(true);
  queries = ["facture", rare, piece, num, "facture écureuils", "ECUREUILS", "411", "banque", "zzzz-absent"];
}, 180_000);
afterAll(() => t.close());

/** Staff read a dossier's accounting; its clients, their société's. */
const base = (dossierId: string, who: number | null) =>
  who === null ? `/dossiers/${dossierId}/accounting` : `/client/societes/${dossierId}/accounting`;

/** The page without what differs between the two dossiers (import ids, dates). */
function pageOf(body: AccountingJournaux) {
  return { page: body.page, pageCount: body.pageCount, totalEcritures: body.totalEcritures, journals: body.journals };
}

async function both(path: (base: string) => string, who: number | null) {
  const as = (which: keyof typeof dossiers) => (who === null ? undefined : { token: tokens[which][who] ?? "" });
  const indexed = await t.get<AccountingJournaux>(path(base(dossiers.indexed, who)), as("indexed"));
  const scanned = await t.get<AccountingJournaux>(path(base(dossiers.scanned, who)), as("scanned"));
  expect(indexed.status, JSON.stringify(indexed.body)).toBe(200);
  expect(scanned.status).toBe(200);
  return { indexed: indexed.body, scanned: scanned.body };
}

describe("journaux search from the index", () => {
  it("pages, counts and totals like the scan, for staff and restricted clients, over the exercice and a period", async () => {
    let matched = 0;
    for (const q of queries)
      for (const who of [null, 0, 1])
        for (const period of ["", "&from=2024-03&to=2024-05"])
          for (const paging of [
            "pageSize=1000",
            "pageSize=7&page=2",
            ...(who === null ? ["pageSize=3&page=99"] : []),
          ]) {
            const path = (b: string) => `${b}/journaux?q=${encodeURIComponent(q)}${period}&${paging}`;
            const { indexed, scanned } = await both(path, who);
            expect(pageOf(indexed), `${q} ${String(who)} ${period} ${paging}`).toEqual(pageOf(scanned));
            matched += indexed.totalEcritures;
          }
    expect(matched).toBeGreaterThan(0);
  }, 300_000);

  it("narrows to one journal, and exports the same CSV", async () => {
    for (const q of ["facture", "écureuils 4", queries[2] ?? ""])
      for (const who of [null, 1]) {
        const { indexed, scanned } = await both(
          (b) => `${b}/journaux?journal=VE&q=${encodeURIComponent(q)}&pageSize=5&page=1`,
          who,
        );
        expect(pageOf(indexed)).toEqual(pageOf(scanned));
        const csv = async (which: keyof typeof dossiers) => {
          const res = await t.raw(`${base(dossiers[which], who)}/export/journaux.csv?q=${encodeURIComponent(q)}`, {
            ...(who === null ? {} : { as: { token: tokens[which][who] ?? "" } }),
          });
          expect(res.status).toBe(200);
          return res.text();
        };
        const [a, b] = [await csv("indexed"), await csv("scanned")];
        expect(a.split("\n").length).toBeGreaterThan(1);
        expect(a).toBe(b);
      }
  }, 120_000);

  it("matches what the rule gives on the parsed file: each word begins a word of the écriture's visible lines", async () => {
    const labels = new Map<string, string>();
    for (const e of entries) if (!labels.has(e.compteNum)) labels.set(e.compteNum, e.compteLib);
    const wordsOf = (s: string) =>
      searchable(s)
        .split(/[^\p{L}\p{N}]+/u)
        .filter(Boolean);
    for (const q of queries)
      for (const [who, scope] of [[null, undefined] as const, [1, new Set<string>(SCOPES[1])] as const]) {
        // Écritures: runs of lines with the same journal and number, visible lines only.
        const groups: FecEntry[][] = [];
        let last = "";
        for (const e of entries) {
          const key = `${e.journalCode}|${e.ecritureNum}`;
          if (key !== last) groups.push([]);
          last = key;
          if (scope === undefined || scope.has((e.etablissement ?? "").trim().toUpperCase())) groups.at(-1)?.push(e);
        }
        const expected = groups
          .filter((g) => g.length > 0)
          .filter((g) =>
            wordsOf(q).every((w) =>
              g.some((l) =>
                [
                  ...wordsOf(l.ecritureLib),
                  ...wordsOf(l.pieceRef),
                  ...wordsOf(l.ecritureNum),
                  ...wordsOf(l.compAuxNum ?? ""),
                  l.compteNum.toLowerCase(),
                  ...wordsOf(labels.get(l.compteNum) ?? ""),
                ].some((x) => x.startsWith(w)),
              ),
            ),
          )
          .sort(
            (a, b) =>
              ((a[0]?.journalCode ?? "") < (b[0]?.journalCode ?? "") ? -1 : 0) ||
              ((a[0]?.journalCode ?? "") > (b[0]?.journalCode ?? "") ? 1 : 0) ||
              Math.floor((a[0]?.date ?? 0) / 100) - Math.floor((b[0]?.date ?? 0) / 100) ||
              (a[0]?.date ?? 0) - (b[0]?.date ?? 0) ||
              naturalCompare(a[0]?.ecritureNum ?? "", b[0]?.ecritureNum ?? ""),
          )
          .map((g) => g.map((l) => l.line));
        const got: number[][] = [];
        for (let page = 0, pageCount = 1; page < pageCount; page++) {
          const res = await t.get<AccountingJournaux>(
            `${base(dossiers.indexed, who)}/journaux?q=${encodeURIComponent(q)}&pageSize=1000&page=${page}`,
            who === null ? undefined : { token: tokens.indexed[who] ?? "" },
          );
          pageCount = res.body.pageCount;
          got.push(...res.body.journals.flatMap((j) => j.ecritures.map((e) => e.lines.map((l) => l.line))));
        }
        expect(got, q).toEqual(expected);
      }
  });
});
