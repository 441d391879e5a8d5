import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { statementsFromTrialBalance, type FinancialStatements } from "@comptoir/shared";
import type { AccountingBalance, AccountingSynthese } from "@comptoir/shared/api/accounting";
import type { AccountingStatements } from "@comptoir/shared/api/accounting-statements";
import {
  clientOn,
  consultableDossier,
  fecText,
  generatedFec,
  startAccountingApp,
  TWO_SHOPS,
  type AccountingTestApp,
  type Line,
} from "./accounting-harness";

let t: AccountingTestApp;
let generated: string;
let small: string;
let limited: string;

/** E1 has a bank in debit, E2 an overdrawn one: the same account 512000 changes side with the scope. */
const LINES: Line[] = [
  { journal: "AN", num: "1", date: "20240101", compte: "512000", debit: "500,00", etab: "E1" },
  { journal: "AN", num: "1", date: "20240101", compte: "101000", credit: "500,00", etab: "E1" },
  { journal: "VE", num: "2", date: "20240110", compte: "411000", aux: "C1", debit: "120,00", etab: "E1" },
  { journal: "VE", num: "2", date: "20240110", compte: "706000", credit: "120,00", etab: "E1" },
  { journal: "AC", num: "3", date: "20240212", compte: "622600", debit: "900,00", etab: "E2" },
  { journal: "AC", num: "3", date: "20240212", compte: "512000", credit: "900,00", etab: "E2" },
];

beforeAll(async () => {
  t = await startAccountingApp();
  generated = await consultableDossier(t.app);
  for (const year of [2023, 2024]) {
    const res = await t.upload(generated, await generatedFec(4000, { seed: year, year }), {
      exercice: `${year}-01-01..${year}-12-31`,
      fileName: `732829320FEC${year}1231.txt`,
    });
    expect(res.status).toBe(201);
  }
  small = await consultableDossier(t.app, TWO_SHOPS);
  const res = await t.upload(small, Buffer.from(fecText(LINES), "utf8"), { fileName: "732829320FEC20241231.txt" });
  expect(res.status).toBe(201);
  limited = await clientOn(t.app, small, ["E1"]);
}, 120_000);
afterAll(() => t.close());

const staff = (dossierId: string) => `/dossiers/${dossierId}/accounting`;
const net = (s: FinancialStatements, rubric: string) =>
  [...s.bilan.actif, ...s.bilan.passif].flatMap((g) => g.rubrics).find((r) => r.id === rubric)?.netCents;

describe("bilan and compte de résultat over a real import", () => {
  it("balances, agrees with the balance and the SIG, and puts N-1 beside N", async () => {
    const res = await t.get<AccountingStatements>(`${staff(generated)}/etats-financiers`);
    expect(res.status).toBe(200);
    const s = res.body.statements;
    expect(s.bilan.totalActif.netCents).toBe(s.bilan.totalPassifCents);
    expect(s.bilan.totalActif.netCents).toBeGreaterThan(0);
    expect(s.compteDeResultat.totalProduitsCents).toBeGreaterThan(0);

    // The statements are the trial balance's, rubric by rubric, as the balance view reads it.
    const balance = await t.get<AccountingBalance>(`${staff(generated)}/balance`);
    expect(s).toEqual(statementsFromTrialBalance(balance.body.balance));
    const synthese = await t.get<AccountingSynthese>(`${staff(generated)}/synthese`);
    expect(s.compteDeResultat.resultatExerciceCents).toBe(synthese.body.sig.resultatExercice);

    expect(res.body.previous).toEqual({
      id: "2023-12-31",
      start: "2023-01-01",
      end: "2023-12-31",
      period: { from: 202301, to: 202312 },
    });
    const n1 = await t.get<AccountingStatements>(`${staff(generated)}/etats-financiers?exercice=2023-12-31`);
    expect(n1.body.previous).toBeNull();
    expect(n1.body.previousStatements).toBeNull();
    expect(res.body.previousStatements).toEqual(n1.body.statements);
  });

  it("is a position at the end of the asked month, from the exercice's opening, N-1 at the same month", async () => {
    const res = await t.get<AccountingStatements>(`${staff(generated)}/etats-financiers?from=2024-03&to=2024-06`);
    expect(res.body.period).toEqual({ from: 202401, to: 202406 });
    expect(res.body.previous?.period).toEqual({ from: 202301, to: 202306 });
    const balance = await t.get<AccountingBalance>(`${staff(generated)}/balance?from=2024-01&to=2024-06`);
    expect(res.body.statements).toEqual(statementsFromTrialBalance(balance.body.balance));
    const whole = await t.get<AccountingStatements>(`${staff(generated)}/etats-financiers`);
    expect(res.body.statements.compteDeResultat.totalProduitsCents).toBeLessThan(
      whole.body.statements.compteDeResultat.totalProduitsCents,
    );
  });

  it("exports both statements with N and N-1 columns, as CSV and XLSX", async () => {
    const csv = await t.raw(`${staff(generated)}/export/etats-financiers.csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-disposition")).toContain("etats-financiers-2024-12-31.csv");
    const rows = (await csv.text())
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(rows[0]).toBe(
      "État;Groupe;Rubrique;Compte;Intitulé du compte;Brut 2024-12-31;Amort. et dépréc. 2024-12-31;Net 2024-12-31;Net 2023-12-31",
    );
    const json = await t.get<AccountingStatements>(`${staff(generated)}/etats-financiers`);
    const cents = (c: number) =>
      `${c < 0 ? "-" : ""}${Math.floor(Math.abs(c) / 100)},${String(Math.abs(c) % 100).padStart(2, "0")}`;
    const totalActif = rows.find((r) => r.startsWith("Actif;;Total actif;"));
    expect(totalActif?.split(";").slice(-2)).toEqual([
      cents(json.body.statements.bilan.totalActif.netCents),
      cents(json.body.previousStatements?.bilan.totalActif.netCents ?? NaN),
    ]);
    expect(rows.at(-1)?.split(";").slice(2)).toEqual([
      "Résultat de l'exercice",
      "",
      "",
      "",
      "",
      cents(json.body.statements.compteDeResultat.resultatExerciceCents),
      cents(json.body.previousStatements?.compteDeResultat.resultatExerciceCents ?? NaN),
    ]);

    const xlsx = await t.raw(`${staff(generated)}/export/etats-financiers.xlsx`);
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get("content-type")).toContain("spreadsheetml");
    expect(
      Buffer.from(await xlsx.arrayBuffer())
        .subarray(0, 2)
        .toString(),
    ).toBe("PK");
  });

  it("gives a client limited to one établissement the statements of its rows only", async () => {
    const mine = await t.get<AccountingStatements>(`/client/societes/${small}/accounting/etats-financiers`, {
      token: limited,
    });
    expect(mine.status).toBe(200);
    expect(mine.body.restricted).toBe(true);
    const s = mine.body.statements;
    // E1 alone: the bank is in debit (500), the client owes 120, the résultat is the sale.
    expect([net(s, "disponibilites"), net(s, "creancesClients"), net(s, "empruntsEtablissementsCredit")]).toEqual([
      50_000, 12_000, 0,
    ]);
    expect(net(s, "resultatExercice")).toBe(12_000);
    expect(s.bilan.totalActif.netCents).toBe(s.bilan.totalPassifCents);

    // Staff see the whole dossier: the bank, 400 in credit, is a concours bancaire.
    const all = await t.get<AccountingStatements>(`${staff(small)}/etats-financiers`);
    expect([
      net(all.body.statements, "disponibilites"),
      net(all.body.statements, "empruntsEtablissementsCredit"),
    ]).toEqual([0, 40_000]);
    expect(net(all.body.statements, "resultatExercice")).toBe(12_000 - 90_000);

    const csv = await t.raw(`/client/societes/${small}/accounting/export/etats-financiers.csv`, {
      as: { token: limited },
    });
    expect(csv.status).toBe(200);
    const text = await csv.text();
    expect(text).toContain("Disponibilités;512000;Compte 512000;500,00;0,00;500,00;");
    expect(text).not.toContain("900,00");
  });

  it("answers 404 for an exercice that is not imported", async () => {
    const res = await t.get<{ code: string }>(`${staff(generated)}/etats-financiers?exercice=2020-12-31`);
    expect([res.status, res.body.code]).toEqual([404, "ACCOUNTING_EXERCICE_NOT_FOUND"]);
  });
});
