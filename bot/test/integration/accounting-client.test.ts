import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  aggregateEntries,
  computeKeyFigures,
  computeTrialBalance,
  generalLedgerPage,
  journalsPage,
  parseFec,
  type ErrorBody,
  type FecEntry,
} from "@comptoir/shared";
import type {
  AccountingBalance,
  AccountingExercices,
  AccountingGrandLivre,
  AccountingJournaux,
  AccountingSynthese,
} from "@comptoir/shared/api/accounting";
import { PERSONS } from "./harness";
import { newDossier } from "./fixtures";
import {
  clientOn,
  consultableDossier,
  fecText,
  startAccountingApp,
  TWO_SHOPS,
  type AccountingTestApp,
  type Line,
} from "./accounting-harness";

let t: AccountingTestApp;
let dossierId: string;
let whole: string;
let limited: string;
let entries: FecEntry[];

/** Two établissements and a head-office écriture without a code; "e1 " checks the code mapping ignores case and spaces. */
const LINES: Line[] = [
  { journal: "AN", num: "1", date: "20240101", compte: "512000", debit: "500,00", etab: "E1" },
  { journal: "AN", num: "1", date: "20240101", compte: "101000", credit: "500,00", etab: "E1" },
  { journal: "VE", num: "2", date: "20240110", compte: "411000", aux: "C1", debit: "120,00", etab: "e1 " },
  { journal: "VE", num: "2", date: "20240110", compte: "706000", credit: "120,00", etab: "e1 " },
  { journal: "VE", num: "3", date: "20240212", compte: "411000", aux: "C2", debit: "300,00", etab: "E2" },
  { journal: "VE", num: "3", date: "20240212", compte: "706000", credit: "300,00", etab: "E2" },
  { journal: "OD", num: "4", date: "20240301", compte: "622600", debit: "80,00" },
  { journal: "OD", num: "4", date: "20240301", compte: "401000", aux: "F1", credit: "80,00" },
];

beforeAll(async () => {
  t = await startAccountingApp();
  dossierId = await consultableDossier(t.app, TWO_SHOPS);
  const text = fecText(LINES);
  const res = await t.upload(dossierId, Buffer.from(text, "utf8"), { fileName: "732829320FEC20241231.txt" });
  expect(res.status).toBe(201);
  expect(res.body.import.etablissements).toEqual(["E1", "E2"]);
  entries = parseFec(Buffer.from(text, "utf8")).entries.map((e) => ({
    ...e,
    etablissement: (e.etablissement ?? "").trim().toUpperCase(),
  }));
  whole = await clientOn(t.app, dossierId, "-");
  limited = await clientOn(t.app, dossierId, ["E1"]);
}, 60_000);
afterAll(() => t.close());

const client = (dossier: string) => `/client/societes/${dossier}/accounting`;
const period = { from: 202401, to: 202412 };

describe("client accounting views", () => {
  it("shows the whole dossier to a contact with Limité à = -, as staff see it", async () => {
    const mine = await t.get<AccountingBalance>(`${client(dossierId)}/balance`, { token: whole });
    const staff = await t.get<AccountingBalance>(`/dossiers/${dossierId}/accounting/balance`);
    expect(mine.status).toBe(200);
    expect(mine.body.restricted).toBe(false);
    expect(mine.body.balance).toEqual(staff.body.balance);
    const exercices = await t.get<AccountingExercices>(`${client(dossierId)}/exercices`, { token: whole });
    expect(exercices.body.items[0]).toMatchObject({ etablissements: ["E1", "E2"], fileName: null, importedBy: null });
  });

  it("narrows every view and export to the établissements Limité à names", async () => {
    const scope = { period, etablissements: ["E1"] };
    const aggregate = aggregateEntries(entries);
    const balance = await t.get<AccountingBalance>(`${client(dossierId)}/balance`, { token: limited });
    expect(balance.body.restricted).toBe(true);
    expect(balance.body.balance).toEqual(computeTrialBalance(aggregate, scope));
    expect([balance.body.balance.openingDebitCents, balance.body.balance.debitCents]).toEqual([50_000, 12_000]);

    const ledger = await t.get<AccountingGrandLivre>(`${client(dossierId)}/grand-livre`, { token: limited });
    const expectedLedger = generalLedgerPage(entries, { etablissements: ["E1"], pageSize: 1000 });
    expect(ledger.body.accounts.flatMap((a) => a.lines.map((l) => l.line))).toEqual(
      expectedLedger.accounts.flatMap((a) => a.lines.map((l) => l.line)),
    );
    expect(ledger.body.totalLines).toBe(4);

    const journaux = await t.get<AccountingJournaux>(`${client(dossierId)}/journaux`, { token: limited });
    const expectedJournaux = journalsPage(entries, { etablissements: ["E1"], pageSize: 1000 });
    expect(journaux.body.journals.map((j) => [j.journalCode, j.ecritures.map((e) => e.ecritureNum)])).toEqual(
      expectedJournaux.journals.map((j) => [j.journalCode, j.ecritures.map((e) => e.ecritureNum)]),
    );
    expect(journaux.body.available.map((j) => j.journalCode)).toEqual(["AN", "VE"]);

    const synthese = await t.get<AccountingSynthese>(`${client(dossierId)}/synthese`, { token: limited });
    expect(synthese.body.keyFigures).toEqual(computeKeyFigures(aggregate, scope));
    expect(synthese.body.keyFigures.chiffreAffairesCents).toBe(12_000);

    const exercices = await t.get<AccountingExercices>(`${client(dossierId)}/exercices`, { token: limited });
    expect(exercices.body.items[0]?.etablissements).toEqual(["E1"]);

    const csv = await t.raw(`${client(dossierId)}/export/grand-livre.csv`, { as: { token: limited } });
    expect(csv.status).toBe(200);
    const rows = (await csv.text()).trim().split("\r\n").slice(1);
    expect(rows).toHaveLength(4);
    expect(rows.some((r) => r.includes("300,00") || r.includes("80,00"))).toBe(false);
  });

  it("refuses a client without access, and keeps staff routes away from clients", async () => {
    const other = (await newDossier(t.app)).dossier.id;
    for (const path of [
      `${client(other)}/balance`,
      `${client(other)}/export/balance.xlsx`,
      `${client(other)}/exercices`,
    ]) {
      const res = await t.raw(path, { as: { token: limited } });
      expect(res.status).toBe(403);
      expect(((await res.json()) as ErrorBody).code).toBe("CLIENT_NO_ACCESS");
    }
    for (const path of [`/dossiers/${dossierId}/accounting/balance`, `/dossiers/${dossierId}/fec/imports`]) {
      const res = await t.raw(path, { as: { token: whole } });
      expect(res.status).toBe(403);
      expect(((await res.json()) as ErrorBody).code).toBe("FORBIDDEN");
    }
    const staffOnClientRoute = await t.raw(`${client(dossierId)}/balance`, { as: PERSONS.staff });
    expect(staffOnClientRoute.status).toBe(403);
  });

  it("answers ACCOUNTING_EXERCICE_NOT_FOUND for an exercice never imported", async () => {
    const res = await t.get<ErrorBody>(`${client(dossierId)}/balance?exercice=2022-12-31`, { token: whole });
    expect(res.status).toBe(404);
    expect(res.body.code).toBe("ACCOUNTING_EXERCICE_NOT_FOUND");
  });
});
