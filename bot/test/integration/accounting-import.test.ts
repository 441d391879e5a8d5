import { createHash } from "node:crypto";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  aggregateEntries,
  computeKeyFigures,
  computeSig,
  computeTrialBalance,
  generalLedgerPage,
  journalsPage,
  monthlySeries,
  parseFec,
  type FecEntry,
} from "@comptoir/shared";
import type {
  AccountingBalance,
  AccountingExercices,
  AccountingGrandLivre,
  AccountingJournaux,
  AccountingSynthese,
  FecImportDetail,
  FecImportList,
} from "@comptoir/shared/api/accounting";
import { packProperties, unpackProperties } from "../../src/accounting/store/packing";
import { AccountingStore } from "../../src/accounting/store/store";
import { newDossier } from "./fixtures";
import { readZip } from "../../src/lib/zip";
import { TEST_TENANT } from "./harness";
import { generatedFec, startAccountingApp, type AccountingTestApp } from "./accounting-harness";

let t: AccountingTestApp;
let dossierId: string;
let fileA: Buffer;
let fileB: Buffer;
let entriesB: FecEntry[];

beforeAll(async () => {
  t = await startAccountingApp();
  dossierId = (await newDossier(t.app, { siren: "552100554" })).dossier.id;
  fileA = await generatedFec(4_000, { seed: 1 });
  fileB = await generatedFec(6_000, { seed: 2 });
  entriesB = parseFec(fileB).entries;
});
afterAll(() => t.close());

const base = () => `/dossiers/${dossierId}/accounting`;

async function servedImportId(): Promise<string | undefined> {
  const res = await t.get<AccountingExercices>(`${base()}/exercices`);
  return res.body.items.find((e) => e.id === "2024-12-31")?.importId;
}

describe("FEC import and the accounting views", () => {
  it("imports a FEC, records who, when, what and its SHA-256, and serves it", async () => {
    const res = await t.upload(dossierId, fileA);
    expect(res.status).toBe(201);
    const { import: record, report } = res.body;
    expect(report.ok).toBe(true);
    expect(record).toMatchObject({
      status: "imported",
      current: true,
      fileName: "552100554FEC20241231.txt",
      bytes: fileA.length,
      sha256: createHash("sha256").update(fileA).digest("hex"),
      lineCount: parseFec(fileA).report.lineCount,
      errorCount: 0,
    });
    expect(record.by.name).not.toBe("");
    expect(await servedImportId()).toBe(record.id);
  });

  it("replaces the exercice atomically on re-import, and keeps the history", async () => {
    const before = await servedImportId();
    const res = await t.upload(dossierId, fileB);
    expect(res.status).toBe(201);
    expect(await servedImportId()).toBe(res.body.import.id);
    expect(res.body.import.id).not.toBe(before);

    const history = await t.get<FecImportList>(`/dossiers/${dossierId}/fec/imports`);
    expect(history.status).toBe(200);
    expect(history.body.items.map((i) => [i.id, i.status, i.current])).toEqual([
      [res.body.import.id, "imported", true],
      [before, "imported", false],
    ]);
    const detail = await t.get<FecImportDetail>(`/dossiers/${dossierId}/fec/imports/${res.body.import.id}`);
    expect(detail.body.report.lineCount).toBe(6_000);
    expect(detail.body.import.warningCount).toBe(detail.body.report.warningCount);
  });

  it("serves the balance the pure computation gives, for the exercice and for a month range", async () => {
    const aggregate = aggregateEntries(entriesB);
    const whole = await t.get<AccountingBalance>(`${base()}/balance`);
    expect(whole.status).toBe(200);
    expect(whole.body.balance).toEqual(computeTrialBalance(aggregate, { period: { from: 202401, to: 202412 } }));
    expect(whole.body.balance.closingDebitCents).toBe(whole.body.balance.closingCreditCents);

    const spring = await t.get<AccountingBalance>(`${base()}/balance?exercice=2024-12-31&from=2024-03&to=2024-05`);
    expect(spring.body.period).toEqual({ from: 202403, to: 202405 });
    expect(spring.body.balance).toEqual(computeTrialBalance(aggregate, { period: { from: 202403, to: 202405 } }));

    const search = await t.get<AccountingBalance>(`${base()}/balance?q=411`);
    const accounts = search.body.balance.classes.flatMap((c) => c.accounts.map((a) => a.compteNum));
    expect(accounts.length).toBeGreaterThan(0);
    expect(accounts.every((a) => a.startsWith("411"))).toBe(true);
  });

  it("pages the grand livre exactly like the pure grand livre, running balances and lettering included", async () => {
    const expected = generalLedgerPage(entriesB, { pageSize: 1_000_000 });
    const lines: Array<{ compte: string; line: number; balance: number; letterBalanced?: boolean }> = [];
    let page = 0;
    let pageCount = 1;
    while (page < pageCount) {
      const res = await t.get<AccountingGrandLivre>(`${base()}/grand-livre?pageSize=700&page=${page}`);
      expect(res.status).toBe(200);
      expect(res.body.totalLines).toBe(expected.totalLines);
      pageCount = res.body.pageCount;
      for (const a of res.body.accounts) {
        const ref = expected.accounts.find((x) => x.compteNum === a.compteNum);
        expect(a.closingBalanceCents).toBe(ref?.closingBalanceCents);
        expect(a.lineCount).toBe(ref?.lineCount);
        a.lines.forEach((l, i) => {
          // The running balance before the page continues into its first line.
          if (i === 0) expect(a.balanceBeforePageCents + l.debitCents - l.creditCents).toBe(l.balanceCents);
          lines.push({ compte: a.compteNum, line: l.line, balance: l.balanceCents, letterBalanced: l.letterBalanced });
        });
      }
      page++;
    }
    expect(pageCount).toBe(Math.ceil(expected.totalLines / 700));
    expect(lines).toEqual(
      expected.accounts.flatMap((a) =>
        a.lines.map((l) => ({
          compte: a.compteNum,
          line: l.line,
          balance: l.balanceCents,
          letterBalanced: l.letterBalanced,
        })),
      ),
    );
  });

  it("narrows the grand livre by account, period, search and lettering without changing balances", async () => {
    const from = "2024-04-01";
    const to = "2024-06-30";
    const expected = generalLedgerPage(entriesB, { compteNum: "512", from, to, pageSize: 1_000_000 });
    const res = await t.get<AccountingGrandLivre>(
      `${base()}/grand-livre?account=512&from=2024-04&to=2024-06&pageSize=1000`,
    );
    expect(res.body.accounts.map((a) => [a.compteNum, a.broughtForwardCents, a.closingBalanceCents])).toEqual(
      expected.accounts.map((a) => [a.compteNum, a.broughtForwardCents, a.closingBalanceCents]),
    );

    const unlettered = await t.get<AccountingGrandLivre>(
      `${base()}/grand-livre?account=411&lettering=unlettered&pageSize=1000`,
    );
    const all411 = generalLedgerPage(entriesB, { compteNum: "411", pageSize: 1_000_000 });
    expect(unlettered.body.totalLines).toBe(
      all411.accounts.flatMap((a) => a.lines).filter((l) => !l.ecritureLet).length,
    );
    expect(unlettered.body.accounts.flatMap((a) => a.lines).every((l) => l.ecritureLet === undefined)).toBe(true);
    // Hidden lettered lines still count in the running balance: closing balances are the account's.
    expect(unlettered.body.accounts.map((a) => a.closingBalanceCents)).toEqual(
      all411.accounts.filter((a) => a.lines.some((l) => !l.ecritureLet)).map((a) => a.closingBalanceCents),
    );

    const word = entriesB.find((e) => e.compteNum.startsWith("6"))?.ecritureLib.split(" ")[0] ?? "";
    const search = await t.get<AccountingGrandLivre>(
      `${base()}/grand-livre?q=${encodeURIComponent(word)}&pageSize=1000`,
    );
    const matching = entriesB.filter((e) =>
      `${e.ecritureLib} ${e.pieceRef} ${e.ecritureNum} ${e.compAuxNum ?? ""}`
        .normalize("NFD")
        .replace(/\p{M}/gu, "")
        .toLowerCase()
        .includes(word.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase()),
    );
    expect(search.body.totalLines).toBe(matching.length);
  });

  it("pages the journaux like the pure journaux", async () => {
    const expected = journalsPage(entriesB, { pageSize: 1_000_000 });
    const seen: Array<{ journal: string; num: string; lines: number[] }> = [];
    let page = 0;
    let pageCount = 1;
    while (page < pageCount) {
      const res = await t.get<AccountingJournaux>(`${base()}/journaux?pageSize=333&page=${page}`);
      expect(res.body.totalEcritures).toBe(expected.totalEcritures);
      pageCount = res.body.pageCount;
      for (const j of res.body.journals) {
        const ref = expected.journals.find((x) => x.journalCode === j.journalCode);
        expect([j.ecritureCount, j.totalDebitCents, j.totalCreditCents]).toEqual([
          ref?.ecritureCount,
          ref?.totalDebitCents,
          ref?.totalCreditCents,
        ]);
        for (const e of j.ecritures)
          seen.push({ journal: j.journalCode, num: e.ecritureNum, lines: e.lines.map((l) => l.line) });
      }
      page++;
    }
    expect(seen).toEqual(
      expected.journals.flatMap((j) =>
        j.ecritures.map((e) => ({ journal: j.journalCode, num: e.ecritureNum, lines: e.lines.map((l) => l.line) })),
      ),
    );
    const ve = await t.get<AccountingJournaux>(`${base()}/journaux?journal=VE&from=2024-02&to=2024-02&pageSize=5`);
    expect(ve.body.journals.map((j) => j.journalCode)).toEqual(["VE"]);
    expect(ve.body.journals[0]?.ecritures.every((e) => Math.floor(e.date / 100) === 202402)).toBe(true);
    expect(ve.body.available.map((j) => j.journalCode)).toEqual(expected.journals.map((j) => j.journalCode));
  });

  it("computes the synthèse with N-1 once the previous exercice is imported", async () => {
    const alone = await t.get<AccountingSynthese>(`${base()}/synthese`);
    expect(alone.body.previous).toBeNull();
    const previousFile = await generatedFec(3_000, { seed: 3, year: 2023 });
    const up = await t.upload(dossierId, previousFile, {
      exercice: "2023-01-01..2023-12-31",
      fileName: "552100554FEC20231231.txt",
    });
    expect(up.status).toBe(201);
    const res = await t.get<AccountingSynthese>(`${base()}/synthese?exercice=2024-12-31`);
    const aggregate = aggregateEntries(entriesB);
    const previous = aggregateEntries(parseFec(previousFile).entries);
    const period = { from: 202401, to: 202412 };
    expect(res.body.keyFigures).toEqual(computeKeyFigures(aggregate, { period }));
    expect(res.body.sig).toEqual(computeSig(aggregate, { period }));
    expect(res.body.previous).toEqual({ id: "2023-12-31", start: "2023-01-01", end: "2023-12-31" });
    expect(res.body.previousKeyFigures).toEqual(computeKeyFigures(previous, { period: { from: 202301, to: 202312 } }));
    expect(res.body.monthly).toEqual(
      monthlySeries(
        aggregate,
        { start: "2024-01-01", end: "2024-12-31" },
        { previous: { aggregate: previous, exercice: { start: "2023-01-01", end: "2023-12-31" } } },
      ),
    );
    const exercices = await t.get<AccountingExercices>(`${base()}/exercices`);
    expect(exercices.body.items.map((e) => [e.id, e.previousId])).toEqual([
      ["2024-12-31", "2023-12-31"],
      ["2023-12-31", null],
    ]);
  });

  it("exports the balance as CSV and the grand livre as XLSX", async () => {
    const csv = await t.raw(`${base()}/export/balance.csv?from=2024-01&to=2024-12`, {});
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toContain("text/csv");
    expect(csv.headers.get("content-disposition")).toMatch(/attachment; filename=".*-balance-2024-12-31\.csv"/);
    const text = Buffer.from(await csv.arrayBuffer());
    expect([...text.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = text.toString("utf8").slice(1).trim().split("\r\n");
    const balance = computeTrialBalance(aggregateEntries(entriesB), { period: { from: 202401, to: 202412 } });
    const accountRows = balance.classes.flatMap((c) => c.accounts);
    expect(rows[0]?.split(";")[1]).toBe("Compte");
    const first = accountRows[0];
    expect(rows[1]?.split(";").slice(1, 2)).toEqual([first?.compteNum]);
    const cents = (s: string | undefined) => Math.round(Number((s ?? "0").replace(",", ".")) * 100);
    const total = rows.at(-1)?.split(";") ?? [];
    expect(cents(total[7])).toBe(balance.debitCents);
    expect(cents(total[8])).toBe(balance.creditCents);

    const xlsx = await t.raw(`${base()}/export/grand-livre.xlsx?account=512`, {});
    expect(xlsx.status).toBe(200);
    const bytes = new Uint8Array(await xlsx.arrayBuffer());
    const files = readZip(bytes);
    const sheet = Buffer.from(files.get("xl/worksheets/sheet1.xml") ?? []).toString("utf8");
    const expected512 = generalLedgerPage(entriesB, { compteNum: "512", pageSize: 1_000_000 });
    expect(sheet.match(/<row /g)?.length).toBe(1 + expected512.totalLines);
    expect(files.has("xl/styles.xml")).toBe(true);
    // The same file through an independent reader: sheet, header, and typed cells (euros from cents).
    const workbook = await new ExcelJS.Workbook().xlsx.load(bytes.buffer);
    const ledger = workbook.worksheets[0];
    expect(ledger?.name).toBe("Grand livre 2024-12-31");
    expect(ledger?.getRow(1).values).toEqual(expect.arrayContaining(["Compte", "Date", "Débit", "Crédit", "Solde"]));
    const [firstAccount, lastAccount] = [expected512.accounts[0], expected512.accounts.at(-1)];
    const firstLine = firstAccount?.lines[0];
    expect(firstLine).toBeDefined();
    const lastRow = 1 + expected512.totalLines;
    expect(ledger?.getCell("A2").value).toBe(firstAccount?.compteNum);
    expect(ledger?.getCell("I2").value).toBe((firstLine?.debitCents ?? NaN) / 100);
    expect(ledger?.getCell("J2").value).toBe((firstLine?.creditCents ?? NaN) / 100);
    expect(ledger?.getCell(`K${lastRow}`).value).toBe((lastAccount?.closingBalanceCents ?? NaN) / 100);
    expect(ledger?.getCell("C2").type).toBe(ExcelJS.ValueType.Date);

    const journaux = await t.raw(`${base()}/export/journaux.csv?journal=VE`, {});
    const lines = (await journaux.text()).trim().split("\r\n");
    expect(lines.length - 1).toBe(entriesB.filter((e) => e.journalCode === "VE").length);
  });
});

describe("atomic replacement under failure", () => {
  it("keeps serving the old data when an import dies right before the switch, and cleans up after it", async () => {
    const served = await servedImportId();
    const balanceBefore = await t.get<AccountingBalance>(`${base()}/balance`);
    let dead: string | undefined;
    t.acc.hooks.beforeSwitch = (version) => {
      dead = version.importId;
      return Promise.reject(new Error("simulated crash"));
    };
    try {
      const res = await t.upload(dossierId, fileA);
      expect(res.status).toBe(500);
    } finally {
      delete t.acc.hooks.beforeSwitch;
    }
    expect(await servedImportId()).toBe(served);
    expect((await t.get<AccountingBalance>(`${base()}/balance`)).body).toEqual(balanceBefore.body);
    const history = await t.get<FecImportList>(`/dossiers/${dossierId}/fec/imports`);
    expect(history.body.items.find((i) => i.id === dead)?.status).toBe("aborted");
    // Its rows and blobs, all written before the "crash", are gone.
    const v = { tenantId: TEST_TENANT, dossierId, exercice: "2024-12-31", importId: dead ?? "" };
    expect(await t.acc.store.container.getBlockBlobClient(AccountingStore.blobName(v, "lines")).exists()).toBe(false);
    expect(await t.acc.store.readLedgerIndex(v)).toEqual([]);
  });

  it("collects the versions two imports back after answering, and keeps the one just replaced", async () => {
    const id = (await newDossier(t.app, { siren: "552100554" })).dossier.id;
    const versionOf = (importId: string) => ({
      tenantId: TEST_TENANT,
      dossierId: id,
      exercice: "2024-12-31",
      importId,
    });
    const ids: string[] = [];
    for (const file of [fileA, fileB]) {
      const res = await t.upload(id, file);
      expect(res.status).toBe(201);
      ids.push(res.body.import.id);
    }
    await t.acc.afterwards.idle();
    const [first = "", second = ""] = ids;
    expect(await t.acc.store.readLedgerIndex(versionOf(first))).not.toEqual([]);

    // The third import answers while the deletion of the first is held: nobody waits for it.
    const purge = t.acc.store.purgeVersion.bind(t.acc.store);
    const asked: string[] = [];
    let letGo = () => {};
    const held = new Promise<void>((ok) => (letGo = ok));
    t.acc.store.purgeVersion = async (v) => {
      asked.push(v.importId);
      await held;
      return purge(v);
    };
    try {
      const third = await t.upload(id, fileA);
      expect(third.status).toBe(201);
      await expect.poll(() => asked).toEqual([first]);
      expect(await t.acc.store.readLedgerIndex(versionOf(first))).not.toEqual([]);
      letGo();
      await t.acc.afterwards.idle();
    } finally {
      t.acc.store.purgeVersion = purge;
    }
    const lines = (importId: string) =>
      t.acc.store.container.getBlockBlobClient(AccountingStore.blobName(versionOf(importId), "lines")).exists();
    expect(await lines(first)).toBe(false);
    expect(await t.acc.store.readLedgerIndex(versionOf(first))).toEqual([]);
    const records = await t.acc.store.listImports(TEST_TENANT, id);
    expect(records.find((r) => r.id === first)?.purged).toBe(true);
    // The replaced version stays, for requests that resolved it just before the switch.
    expect(await lines(second)).toBe(true);
    expect(records.find((r) => r.id === second)?.purged).toBe(false);
  });

  it("keeps serving the old data when the upload is cut mid-way", async () => {
    const served = await servedImportId();
    const half = fileA.subarray(0, Math.floor(fileA.length / 2));
    const controller = new AbortController();
    const body = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(new Uint8Array(half));
        // Never closed: the client gives up instead.
        setTimeout(() => controller.abort(), 300);
      },
    });
    const params = new URLSearchParams({ exercice: "2024-01-01..2024-12-31", fileName: "x.txt" });
    await t
      .raw(`/dossiers/${dossierId}/fec?${params.toString()}`, {
        method: "POST",
        body,
        signal: controller.signal,
        headers: { "Content-Type": "application/octet-stream" },
        duplex: "half",
      })
      .catch(() => undefined);
    await expect
      .poll(async () => (await t.get<FecImportList>(`/dossiers/${dossierId}/fec/imports`)).body.items[0]?.status, {
        timeout: 10_000,
      })
      .toBe("aborted");
    expect(await servedImportId()).toBe(served);
    expect((await t.get<AccountingBalance>(`${base()}/balance`)).status).toBe(200);
  });

  it("shows the labels kept apart from the aggregate, and the aggregate's for imports stored without them", async () => {
    const other = (await newDossier(t.app, { siren: "552100554" })).dossier.id;
    expect((await t.upload(other, fileA)).status).toBe(201);
    const exercices = await t.get<AccountingExercices>(`/dossiers/${other}/accounting/exercices`);
    const v = {
      tenantId: TEST_TENANT,
      dossierId: other,
      exercice: "2024-12-31",
      importId: exercices.body.items[0]?.importId ?? "",
    };
    const { accountLabels, auxiliaryLabels, journalLabels } = await t.acc.store.readAggregate(v);
    expect(Object.keys(auxiliaryLabels).length).toBeGreaterThan(0);
    const views = async () => {
      const gl = await t.get<AccountingGrandLivre>(`/dossiers/${other}/accounting/grand-livre?account=411&pageSize=50`);
      const j = await t.get<AccountingJournaux>(`/dossiers/${other}/accounting/journaux?pageSize=5`);
      expect(gl.status).toBe(200);
      expect(j.status).toBe(200);
      return {
        accounts: gl.body.accounts.map((a) => [a.compteNum, a.compteLib]),
        journals: j.body.available.map((a) => [a.journalCode, a.journalLib]),
      };
    };
    const expected = {
      accounts: (await views()).accounts.map(([num]) => [num, accountLabels[num ?? ""]]),
      journals: Object.entries(journalLabels).sort(([a], [b]) => a.localeCompare(b)),
    };
    expect(await views()).toEqual(expected);
    expect(await t.acc.store.readLabels(v)).toEqual({ accountLabels, auxiliaryLabels, journalLabels });

    // Builds before the `n|` rows: the same labels, from the aggregate.
    const pk = AccountingStore.versionPartition(v);
    const filter = `PartitionKey eq '${pk}'`;
    let deleted = 0;
    for await (const row of t.acc.store.table.listEntities({ queryOptions: { filter } }))
      if (row.rowKey?.startsWith("n|")) deleted += (await t.acc.store.table.deleteEntity(pk, row.rowKey), 1);
    expect(deleted).toBeGreaterThan(0);
    t.acc.store.dropCaches();
    expect(await views()).toEqual(expected);
    const fallback = await t.acc.store.readLabels(v);
    expect([fallback.accountLabels, fallback.auxiliaryLabels, fallback.journalLabels]).toEqual([
      accountLabels,
      auxiliaryLabels,
      journalLabels,
    ]);
  });

  it("serves an import stored by an earlier build, and asks for a re-import where its lines are needed", async () => {
    const other = (await newDossier(t.app, { siren: "552100554" })).dossier.id;
    expect((await t.upload(other, fileA)).status).toBe(201);
    const exercices = await t.get<AccountingExercices>(`/dossiers/${other}/accounting/exercices`);
    const importId = exercices.body.items[0]?.importId ?? "";
    const v = { tenantId: TEST_TENANT, dossierId: other, exercice: "2024-12-31", importId };
    const pk = AccountingStore.versionPartition(v);
    const layoutRows = async () => {
      const rows: Array<Record<string, unknown> & { rowKey: string }> = [];
      for await (const row of t.acc.store.table.listEntities({ queryOptions: { filter: `PartitionKey eq '${pk}'` } }))
        if (row.rowKey?.startsWith("l|")) rows.push({ ...row, rowKey: row.rowKey });
      return rows;
    };
    const expectReimport = async () => {
      // The layout rows are rewritten behind the store, whose reads of a version are cached as immutable.
      t.acc.store.dropCaches();
      expect((await t.get<AccountingBalance>(`/dossiers/${other}/accounting/balance`)).status).toBe(200);
      for (const view of ["grand-livre", "journaux"]) {
        const res = await t.get<{ code: string; message: string }>(`/dossiers/${other}/accounting/${view}`);
        expect(res.status).toBe(409);
        expect(res.body.code).toBe("FEC_REIMPORT_REQUIRED");
        expect(res.body.message).toContain("importez à nouveau");
      }
    };
    const [row, ...more] = await layoutRows();
    expect(row).toBeDefined();
    expect(more).toEqual([]);
    const { version, ...older } = JSON.parse(unpackProperties(row ?? {})) as { version?: number };
    expect(version).toBe(3);
    const storeLayout = (layout: object) =>
      t.acc.store.table.upsertEntity(
        { partitionKey: pk, rowKey: row?.rowKey ?? "", ...packProperties(JSON.stringify(layout)) },
        "Replace",
      );
    // The build before wrote layout 2: the same lines, but no letter sums.
    await storeLayout({ ...older, version: 2 });
    await expectReimport();
    // Earlier still, a layout without a version (its lines were in two grouped copies).
    await storeLayout(older);
    await expectReimport();
    // Earlier builds wrote no entry layout at all (their lines were text records).
    for (const r of await layoutRows()) await t.acc.store.table.deleteEntity(pk, r.rowKey);
    await expectReimport();
  });
});
