import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agedBalance, openItems, parseFec, type AgedAccount } from "@comptoir/shared";
import type {
  AccountingAgedBalance,
  AccountingAgedLines,
  AccountingEcheancier,
} from "@comptoir/shared/api/aged-balance";
import { newDossier } from "./fixtures";
import {
  clientOn,
  consultableDossier,
  fecText,
  generatedFec,
  startAccountingApp,
  type AccountingTestApp,
  type Line,
} from "./accounting-harness";

/**
 * The balance âgée and the échéancier over real imports: a generated FEC (compared with the pure
 * computation over the file's own parse), and a small two-établissement file read by a client limited to one.
 */

let t: AccountingTestApp;
let generated: string;
let bytes: Buffer;
let sites: string;
let limitedClient: string;

/** The harness's FEC, with the DateLet of lettered lines set to `letDate` (the harness dates a letter by its line). */
function withLetDate(lines: ReadonlyArray<Line & { letDate?: string }>): string {
  const [header, ...rows] = fecText(lines).trimEnd().split("\n");
  const out = rows.map((row, i) => {
    const letDate = lines[i]?.letDate;
    if (!letDate) return row;
    const cells = row.split("\t");
    cells[14] = letDate;
    return cells.join("\t");
  });
  return `${[header, ...out].join("\n")}\n`;
}

/**
 * C1 (E1): invoice 100,00 on 15/01, paid 31/03 (both lines lettered A on 31/03); invoice 250,00 dated 01/11 (open).
 * C2 (E2): invoice 70,00 on 10/02, open. F1 (E1): supplier invoice 30,00 on 20/06, open.
 * 411900 (E1) without an auxiliary account: 5,00 on 01/12.
 */
const SITE_LINES: Array<Line & { letDate?: string }> = [
  {
    journal: "VE",
    num: "1",
    date: "20240115",
    compte: "411000",
    aux: "C1",
    debit: "100,00",
    letter: "A",
    letDate: "20240331",
    etab: "E1",
  },
  { journal: "VE", num: "1", date: "20240115", compte: "706000", credit: "100,00", etab: "E1" },
  { journal: "VE", num: "2", date: "20240210", compte: "411000", aux: "C2", debit: "70,00", etab: "E2" },
  { journal: "VE", num: "2", date: "20240210", compte: "706000", credit: "70,00", etab: "E2" },
  { journal: "BQ", num: "3", date: "20240331", compte: "512000", debit: "100,00", etab: "E1" },
  { journal: "BQ", num: "3", date: "20240331", compte: "411000", aux: "C1", credit: "100,00", letter: "A", etab: "E1" },
  { journal: "AC", num: "4", date: "20240620", compte: "401000", aux: "F1", credit: "30,00", etab: "E1" },
  { journal: "AC", num: "4", date: "20240620", compte: "606000", debit: "30,00", etab: "E1" },
  { journal: "VE", num: "5", date: "20241101", compte: "411000", aux: "C1", debit: "250,00", etab: "E1" },
  { journal: "VE", num: "5", date: "20241101", compte: "706000", credit: "250,00", etab: "E1" },
  { journal: "OD", num: "6", date: "20241201", compte: "411900", debit: "5,00", etab: "E1" },
  { journal: "OD", num: "6", date: "20241201", compte: "706000", credit: "5,00", etab: "E1" },
];

beforeAll(async () => {
  t = await startAccountingApp({ concurrentImports: 2 });
  generated = (await newDossier(t.app, { siren: "552100554" })).dossier.id;
  bytes = await generatedFec(4000, { seed: 17, year: 2024 });
  sites = await consultableDossier(t.app, [
    { code: "E1", name: "Site E1", siret: "73282932000009" },
    { code: "E2", name: "Site E2", siret: "73282932000017" },
  ]);
  limitedClient = await clientOn(t.app, sites, ["E1"]);
  const [a, b] = await Promise.all([
    t.upload(generated, bytes),
    t.upload(sites, Buffer.from(withLetDate(SITE_LINES)), { fileName: "732829320FEC20241231.txt" }),
  ]);
  expect([a.status, b.status]).toEqual([201, 201]);
}, 120_000);
afterAll(() => t.close());

const base = (id: string) => `/dossiers/${id}/accounting`;

describe("balance âgée over a generated import", () => {
  for (const account of ["411", "401"] as const satisfies readonly AgedAccount[]) {
    it(`${account}: per third party and bucket, the pure computation over the parsed file`, async () => {
      const { entries } = parseFec(bytes, { exercice: { start: "2024-01-01", end: "2024-12-31" } });
      const mine = entries.filter((e) => e.compteNum.startsWith(account));
      for (const date of ["2024-12-31", "2024-06-30", "2024-01-01"]) {
        const res = await t.get<AccountingAgedBalance>(
          `${base(generated)}/balance-agee?account=${account}&date=${date}&term=30`,
        );
        expect(res.status).toBe(200);
        const ref = Number(date.replace(/-/g, ""));
        const expected = agedBalance(openItems(mine, { account, ref, termDays: 30 }), () => "");
        expect(res.body.date).toBe(ref);
        expect(res.body.totals).toEqual(expected.totals);
        expect(res.body.parties.map((p) => [p.kind, p.key, p.buckets, p.lineCount])).toEqual(
          expected.parties.map((p) => [p.kind, p.key, p.buckets, p.lineCount]),
        );
        expect(res.body.hasAccount).toBe(true);
      }
    });
  }

  it("with no parameter: clients at the exercice's end (today is past it)", async () => {
    const res = await t.get<AccountingAgedBalance>(`${base(generated)}/balance-agee`);
    expect(res.status).toBe(200);
    expect([res.body.account, res.body.date, res.body.term]).toEqual(["411", 20241231, 0]);
    expect(res.body.parties.length).toBeGreaterThan(0);
    expect(res.body.parties.every((p) => p.label !== "")).toBe(true);
  });

  it("drill-down: a third party's open lines add up to its row; the échéancier pages add up to the total", async () => {
    const table = await t.get<AccountingAgedBalance>(`${base(generated)}/balance-agee?account=411`);
    const party = table.body.parties[0];
    if (!party) throw new Error("no third party");
    const lines = await t.get<AccountingAgedLines>(
      `${base(generated)}/balance-agee/lines?account=411&party=${encodeURIComponent(party.key)}&partyKind=${party.kind}`,
    );
    expect(lines.status).toBe(200);
    expect(lines.body.party).toEqual(party);
    expect(lines.body.lines.reduce((n, l) => n + l.amountCents, 0)).toBe(party.totalCents);

    const first = await t.get<AccountingEcheancier>(`${base(generated)}/echeancier?account=411&pageSize=50`);
    expect(first.body.itemCount).toBe(table.body.lineCount);
    expect(first.body.totalCents).toBe(table.body.totalCents);
    const last = await t.get<AccountingEcheancier>(
      `${base(generated)}/echeancier?account=411&pageSize=50&page=${first.body.pageInfo.pageCount - 1}`,
    );
    expect(last.body.rows.at(-1)?.cumulativeCents).toBe(table.body.totalCents);
    const used = [...first.body.rows, ...last.body.rows].map((r) => r.dateUsed);
    expect(first.body.rows.map((r) => r.dateUsed)).toEqual([...first.body.rows.map((r) => r.dateUsed)].sort());
    expect(used.length).toBeGreaterThan(0);
  });

  it("exports the table and one third party's lines as CSV and XLSX", async () => {
    const csv = await t.raw(`${base(generated)}/export/balance-agee.csv?account=401&date=2024-12-31`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-disposition")).toMatch(/balance-agee-401-20241231\.csv/);
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await csv.arrayBuffer());
    expect(text.split("\r\n")[0]).toBe(
      "\uFEFFTiers;Intitulé;Lignes ouvertes;Non échu;0 à 30 jours;31 à 60 jours;61 à 90 jours;Plus de 90 jours;Total",
    );
    expect(text).toContain("Total général");
    const table = await t.get<AccountingAgedBalance>(`${base(generated)}/balance-agee?account=411`);
    const party = table.body.parties[0];
    expect(party?.lineCount).toBeGreaterThan(0);
    const one = await t.raw(
      `${base(generated)}/export/balance-agee.csv?account=411&party=${encodeURIComponent(party?.key ?? "")}&partyKind=${party?.kind}`,
    );
    expect((await one.text()).trim().split("\r\n")).toHaveLength((party?.lineCount ?? 0) + 2);
    const xlsx = await t.raw(
      `${base(generated)}/export/balance-agee.xlsx?account=411&party=${encodeURIComponent(party?.key ?? "")}`,
    );
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get("content-type")).toContain("spreadsheetml");
    expect(
      Buffer.from(await xlsx.arrayBuffer())
        .subarray(0, 2)
        .toString(),
    ).toBe("PK");
  });

  it("refuses another account, a bad date and a date outside the exercice with their codes", async () => {
    const cases = [
      ["balance-agee?account=512", 400, "AGED_BALANCE_ACCOUNT_UNSUPPORTED"],
      ["balance-agee?date=2024-02-30", 400, "AGED_BALANCE_DATE_INVALID"],
      ["echeancier?date=31/12/2024", 400, "AGED_BALANCE_DATE_INVALID"],
      ["balance-agee?date=2025-01-01", 422, "AGED_BALANCE_DATE_OUTSIDE_EXERCICE"],
      ["export/balance-agee.csv?account=6", 400, "AGED_BALANCE_ACCOUNT_UNSUPPORTED"],
    ] as const;
    for (const [path, status, code] of cases) {
      const res = await t.get<{ code: string; message: string }>(`${base(generated)}/${path}`);
      expect([path, res.status, res.body.code]).toEqual([path, status, code]);
      expect(res.body.message).not.toBe("");
    }
  });
});

describe("balance âgée of a client limited to one établissement", () => {
  it("shows only E1's open lines, aged, lettered-after-D lines included", async () => {
    const me = { token: limitedClient };
    const path = `/client/societes/${sites}/accounting`;
    const atYearEnd = await t.get<AccountingAgedBalance>(`${path}/balance-agee`, me);
    expect(atYearEnd.status).toBe(200);
    expect(atYearEnd.body.restricted).toBe(true);
    // C2 belongs to E2: absent. C1's first invoice is lettered on 31/03: closed at year end.
    expect(atYearEnd.body.parties.map((p) => [p.key, p.kind, p.label, p.totalCents, p.buckets])).toEqual([
      ["411900", "account", "Compte 411900", 500, { notDue: 0, d0_30: 500, d31_60: 0, d61_90: 0, over90: 0 }],
      ["C1", "aux", "Tiers C1", 25000, { notDue: 0, d0_30: 0, d31_60: 25000, d61_90: 0, over90: 0 }],
    ]);

    // On 15/03 the first invoice was still open (lettered on 31/03), aged 60 days from its piece date.
    const march = await t.get<AccountingAgedLines>(
      `${path}/balance-agee/lines?date=2024-03-15&party=C1&partyKind=aux`,
      me,
    );
    expect(
      march.body.lines.map((l) => [l.ecritureNum, l.dateUsed, l.dateKind, l.ageDays, l.bucket, l.amountCents]),
    ).toEqual([["1", 20240115, "piece", 60, "d31_60", 10000]]);

    const suppliers = await t.get<AccountingAgedBalance>(`${path}/balance-agee?account=401`, me);
    expect(suppliers.body.parties.map((p) => [p.key, p.totalCents])).toEqual([["F1", 3000]]);

    const schedule = await t.get<AccountingEcheancier>(`${path}/echeancier?account=411`, me);
    expect(schedule.body.rows.map((r) => [r.ecritureNum, r.partyLabel, r.cumulativeCents])).toEqual([
      ["5", "Tiers C1", 25000],
      ["6", "Compte 411900", 25500],
    ]);

    const staff = await t.get<AccountingAgedBalance>(`${base(sites)}/balance-agee`);
    expect(staff.body.parties.map((p) => [p.key, p.totalCents])).toEqual([
      ["411900", 500],
      ["C1", 25000],
      ["C2", 7000],
    ]);

    const csv = await t.raw(`${path}/export/balance-agee.csv?party=C1&date=2024-03-15`, { as: me });
    expect(csv.status).toBe(200);
    const rows = (await csv.text()).trim().split("\r\n");
    expect(rows.slice(1)).toEqual([
      "C1;15/01/2024;15/01/2024;Date de pièce;VE;1;P1;Écriture 1;100,00;60",
      "C1;;;;;;;Total général;100,00;",
    ]);
  });
});
