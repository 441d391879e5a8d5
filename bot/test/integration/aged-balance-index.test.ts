import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isOpenAt, type AgedLine } from "@comptoir/shared";
import type {
  AccountingAgedBalance,
  AccountingAgedLines,
  AccountingEcheancier,
} from "@comptoir/shared/api/aged-balance";
import { AccountingStore, type VersionRef } from "../../src/accounting/store/store";
import { THIRD_PARTY_BLOB, THIRD_PARTY_META_BLOB } from "../../src/accounting/store/third-party-index";
import {
  readOpenThirdPartyLines,
  readThirdPartyIndex,
  readThirdPartyLines,
} from "../../src/accounting/views/third-party-lines";
import { TEST_TENANT } from "./harness";
import {
  clientOn,
  consultableDossier,
  generatedFec,
  startAccountingApp,
  TWO_SHOPS,
  type AccountingTestApp,
} from "./accounting-harness";

/**
 * The third-party index (third-party-index.ts) against the read it replaces: on a generated FEC whose
 * lines are spread over two établissements (and none), some without PieceDate and some lettered
 * without DateLet, the open lines it gives are those `readThirdPartyLines` gives, whatever the scope
 * and the reference date; and once its blob is gone (an import of an earlier build), the views answer
 * the same through the lines.
 */

let t: AccountingTestApp;
let dossierId: string;
let v: VersionRef;
let limited: string;

/** Row k's CodeEtablissement: E1, E2, a code to normalise, or none. */
const CODES = ["E1", "E2", "e1 ", "", "E2", "E1", "E1"] as const;

/** The generated FEC with a CodeEtablissement column, PieceDate emptied on every 5th row, DateLet on every 3rd lettered one. */
async function sitesFec(lines: number): Promise<Buffer> {
  // Latin-1 keeps every byte of the Latin-9 file as one character.
  const [header, ...rows] = (await generatedFec(lines, { seed: 26, year: 2024 })).toString("latin1").split("\r\n");
  let lettered = 0;
  const out = rows
    .filter((r) => r !== "")
    .map((row, k) => {
      const cells = row.split("\t");
      if (k % 5 === 0) cells[9] = "";
      if (cells[13] !== "" && lettered++ % 3 === 0) cells[14] = "";
      return [...cells, CODES[k % CODES.length] ?? ""].join("\t");
    });
  return Buffer.from(`${[`${header}\tCodeEtablissement`, ...out].join("\r\n")}\r\n`, "latin1");
}

beforeAll(async () => {
  t = await startAccountingApp();
  dossierId = await consultableDossier(t.app, TWO_SHOPS);
  limited = await clientOn(t.app, dossierId, ["E1"]);
  const res = await t.upload(dossierId, await sitesFec(6000), { fileName: "732829320FEC20241231.txt" });
  expect(res.body.report.issues.filter((i) => i.severity === "error")).toEqual([]);
  expect(res.status).toBe(201);
  const pointer = await t.acc.store.getPointer(TEST_TENANT, dossierId, "2024-12-31");
  v = { tenantId: TEST_TENANT, dossierId, exercice: "2024-12-31", importId: pointer?.importId ?? "" };
}, 120_000);
afterAll(() => t.close());

const agedFields = (l: AgedLine & { etablissement: string }) => ({
  line: l.line,
  date: l.date,
  pieceDate: l.pieceDate,
  compteNum: l.compteNum,
  compAuxNum: l.compAuxNum,
  debitCents: l.debitCents,
  creditCents: l.creditCents,
  ecritureLet: l.ecritureLet,
  dateLet: l.dateLet,
  etablissement: l.etablissement,
});
const byLine = (a: { line: number }, b: { line: number }) => a.line - b.line;

const SCOPES: Array<ReadonlySet<string> | undefined> = [undefined, new Set(["E1"]), new Set(["E1", "E2"]), new Set([])];
const REFS = [20240101, 20240615, 20241231];

describe("third-party index", () => {
  it("gives the open lines the ledger read gives, for every scope and reference date, and their whole lines", async () => {
    expect(await readThirdPartyIndex(t.acc.store, v)).not.toBeNull();
    const seen = { open: 0, withoutPieceDate: 0, letteredYetOpen: 0, letteredWithoutDateLet: 0 };
    const visible = { all: 0, e1: 0 };
    for (const account of ["411", "401"])
      for (const scope of SCOPES) {
        const all = await readThirdPartyLines(t.acc.store, v, account, scope);
        seen.letteredWithoutDateLet += all.filter((l) => l.ecritureLet && l.dateLet === undefined).length;
        if (scope === undefined) visible.all += all.length;
        if (scope?.size === 1) visible.e1 += all.length;
        for (const ref of REFS) {
          const read = await readOpenThirdPartyLines(t.acc.store, v, account, scope, ref);
          const expected = all.filter((l) => isOpenAt(l, ref)).sort(byLine);
          expect(read.open.map(agedFields).sort(byLine)).toEqual(expected.map(agedFields));
          expect(read.hasAccount).toBe(all.length > 0);
          const some = [...read.open].sort(byLine).filter((_, k) => k % 7 === 0);
          expect(await read.shown(some)).toEqual(expected.filter((_, k) => k % 7 === 0));
          seen.open += expected.length;
          seen.withoutPieceDate += expected.filter((l) => l.pieceDate === undefined).length;
          seen.letteredYetOpen += expected.filter((l) => l.ecritureLet).length;
        }
      }
    // Every case of the rule came up, and the scope E1 sees some lines, not all.
    expect(Object.values(seen).every((n) => n > 0)).toBe(true);
    expect(visible.e1).toBeGreaterThan(0);
    expect(visible.e1).toBeLessThan(visible.all);
  });

  it("answers the balance âgée, drill-down and échéancier alike with or without its blob (imports of earlier builds)", async () => {
    const base = `/dossiers/${dossierId}/accounting`;
    const client = `/client/societes/${dossierId}/accounting`;
    const reads = async () => {
      const out: unknown[] = [];
      for (const [path, as] of [
        [base, undefined],
        [client, { token: limited }],
      ] as const)
        for (const account of ["411", "401"]) {
          const q = `account=${account}&date=2024-06-15&term=30`;
          const table = await t.get<AccountingAgedBalance>(`${path}/balance-agee?${q}`, as);
          expect(table.status).toBe(200);
          const party = table.body.parties[1] ?? table.body.parties[0];
          if (!party) throw new Error(`no third party open in ${account}`);
          const lines = await t.get<AccountingAgedLines>(
            `${path}/balance-agee/lines?${q}&party=${encodeURIComponent(party.key)}&partyKind=${party.kind}`,
            as,
          );
          const page = await t.get<AccountingEcheancier>(`${path}/echeancier?${q}&pageSize=40&page=1`, as);
          expect([lines.status, page.status]).toEqual([200, 200]);
          expect(lines.body.lines.length).toBe(party.lineCount);
          out.push(table.body, lines.body, page.body);
        }
      return out;
    };
    const withIndex = await reads();
    for (const kind of [THIRD_PARTY_BLOB, THIRD_PARTY_META_BLOB] as const)
      await t.acc.store.container.getBlockBlobClient(AccountingStore.blobName(v, kind)).delete();
    t.acc.store.dropCaches();
    expect(await readThirdPartyIndex(t.acc.store, v)).toBeNull();
    expect(await reads()).toEqual(withIndex);
  });

  it("goes with its import when the import is purged", async () => {
    const res = await t.upload(dossierId, await sitesFec(300), { fileName: "732829320FEC20241231.txt" });
    expect(res.status).toBe(201);
    const pointer = await t.acc.store.getPointer(TEST_TENANT, dossierId, "2024-12-31");
    const other = { ...v, importId: pointer?.importId ?? "" };
    const exists = (kind: typeof THIRD_PARTY_BLOB | typeof THIRD_PARTY_META_BLOB) =>
      t.acc.store.container.getBlockBlobClient(AccountingStore.blobName(other, kind)).exists();
    expect([await exists(THIRD_PARTY_BLOB), await exists(THIRD_PARTY_META_BLOB)]).toEqual([true, true]);
    await t.acc.store.purgeVersion(other);
    expect([await exists(THIRD_PARTY_BLOB), await exists(THIRD_PARTY_META_BLOB)]).toEqual([false, false]);
  });
});
