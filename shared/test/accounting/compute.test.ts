import { describe, expect, it } from "vitest";
import {
  aggregateEntries,
  computeKeyFigures,
  computeSig,
  computeTrialBalance,
  generalLedgerPage,
  isOpeningJournal,
  journalsPage,
  LedgerAggregator,
  ledgerAggregateSchema,
  monthlySeries,
  sigCategory,
} from "../../src/accounting";
import { pageInfo, pageWhileCounting, sliceSections } from "../../src/accounting/compute/paging";
import { eur, fecText, parseText, smallEntries, type Row } from "./fixtures";

const entries = smallEntries();
const aggregate = aggregateEntries(entries);

describe("aggregates", () => {
  it("sums debit and credit per account, auxiliary, journal, month and establishment", () => {
    expect(ledgerAggregateSchema.parse(aggregate)).toEqual(aggregate);
    const bank = aggregate.rows.filter((r) => r.compteNum === "512000");
    expect(bank.map((r) => [r.journalCode, r.month, r.opening, r.debitCents, r.creditCents, r.lineCount])).toEqual([
      ["AN", 202401, true, eur(10000), 0, 1],
      ["BQ", 202402, false, eur(1200), eur(400), 2],
      ["OD", 202402, false, 0, eur(300), 1],
    ]);
    expect(aggregate.auxiliaryLabels).toEqual({ C001: "Dupont", F001: "Grossiste", C002: "Martin" });
    expect(aggregate.journalLabels.AN).toBe("À-nouveaux");
  });

  it("can be built batch by batch", () => {
    const aggregator = new LedgerAggregator();
    aggregator.addAll(entries.slice(0, 7));
    aggregator.addAll(entries.slice(7));
    expect(aggregator.result()).toEqual(aggregate);
  });

  it("takes labels from a label source, once per account, auxiliary and journal", () => {
    const aggregator = new LedgerAggregator();
    const asked: string[] = [];
    for (const e of entries) {
      // Labels the parser did not decode: only the source may provide them.
      const bare = { ...e, journalLib: "", compteLib: "", compAuxLib: undefined };
      aggregator.add(bare, (field) => {
        asked.push(
          `${field}:${field === "journalLib" ? e.journalCode : field === "compteLib" ? e.compteNum : (e.compAuxNum ?? "")}`,
        );
        return e[field] ?? "";
      });
    }
    expect(aggregator.result()).toEqual(aggregate);
    expect(new Set(asked).size).toBe(asked.length);
  });

  it("recognises à-nouveaux journals by code or label, not by date", () => {
    expect(isOpeningJournal("AN", "Journal")).toBe(true);
    expect(isOpeningJournal("RAN", "")).toBe(true);
    expect(isOpeningJournal("J00", "Reprise A NOUVEAUX")).toBe(true);
    expect(isOpeningJournal("OUV", "À-nouveaux 2024")).toBe(true);
    expect(isOpeningJournal("VE", "Ventes")).toBe(false);
    expect(isOpeningJournal("OUV", "Ouverture", ["OUV"])).toBe(true);
  });
});

describe("trial balance", () => {
  const balance = computeTrialBalance(aggregate);

  it("opens with the à-nouveaux, adds the movements and closes balanced", () => {
    expect(balance.openingDebitCents).toBe(eur(10000));
    expect(balance.openingCreditCents).toBe(eur(10000));
    expect(balance.debitCents).toBe(eur(4020));
    expect(balance.creditCents).toBe(eur(4020));
    expect(balance.closingDebitCents).toBe(eur(11720));
    expect(balance.closingCreditCents).toBe(eur(11720));
  });

  it("groups accounts by PCG class with their labels", () => {
    expect(balance.classes.map((c) => [c.classNumber, c.labelKey, c.accounts.map((a) => a.compteNum)])).toEqual([
      [1, "accounting.class.1", ["101300"]],
      [3, "accounting.class.3", ["370000"]],
      [4, "accounting.class.4", ["401000", "411000", "445660", "445710"]],
      [5, "accounting.class.5", ["512000"]],
      [6, "accounting.class.6", ["603700", "607000", "641000"]],
      [7, "accounting.class.7", ["706000", "707000"]],
    ]);
    const bank = balance.classes[3]?.accounts[0];
    expect(bank).toMatchObject({
      compteLib: "Banque",
      openingDebitCents: eur(10000),
      debitCents: eur(1200),
      creditCents: eur(700),
      closingDebitCents: eur(10500),
      closingCreditCents: 0,
    });
    expect(balance.classes[2]).toMatchObject({ closingDebitCents: eur(340), closingCreditCents: eur(440) });
  });

  it("expands auxiliary accounts under their collective account", () => {
    const clients = balance.classes[2]?.accounts.find((a) => a.compteNum === "411000");
    expect(clients?.closingDebitCents).toBe(eur(240));
    expect(
      clients?.auxiliaries.map((a) => [a.compAuxNum, a.compAuxLib, a.debitCents, a.creditCents, a.closingDebitCents]),
    ).toEqual([
      ["C001", "Dupont", eur(1200), eur(1200), 0],
      ["C002", "Martin", eur(240), 0, eur(240)],
    ]);
  });

  it("brings earlier months forward for a period, and ignores later ones", () => {
    const march = computeTrialBalance(aggregate, { period: { from: 202403, to: 202403 } });
    const bank = march.classes.find((c) => c.classNumber === 5)?.accounts[0];
    expect(bank).toMatchObject({
      openingDebitCents: eur(10500),
      debitCents: 0,
      creditCents: 0,
      closingDebitCents: eur(10500),
    });
    const january = computeTrialBalance(aggregate, { period: { to: 202401 } });
    expect(january.debitCents).toBe(eur(1800));
    expect(january.classes.flatMap((c) => c.accounts).some((a) => a.compteNum === "641000")).toBe(false);
  });
});

describe("SIG and key figures", () => {
  it("computes the soldes intermédiaires de gestion per the PCG", () => {
    const sig = computeSig(aggregate);
    expect(sig).toMatchObject({
      ventesMarchandises: eur(200),
      coutAchatMarchandisesVendues: eur(420),
      margeCommerciale: eur(-220),
      productionVendue: eur(1000),
      productionExercice: eur(1000),
      consommationsTiers: 0,
      valeurAjoutee: eur(780),
      chargesPersonnel: eur(300),
      excedentBrutExploitation: eur(480),
      resultatExploitation: eur(480),
      resultatCourantAvantImpots: eur(480),
      resultatExceptionnel: 0,
      resultatExercice: eur(480),
    });
  });

  it("maps accounts to SIG categories by longest prefix", () => {
    expect(sigCategory("707100")).toBe("ventesMarchandises");
    expect(sigCategory("709700")).toBe("ventesMarchandises");
    expect(sigCategory("709000")).toBe("productionVendue");
    expect(sigCategory("603100")).toBe("consommationsTiers");
    expect(sigCategory("603700")).toBe("variationStockMarchandises");
    expect(sigCategory("686000")).toBe("chargesFinancieres");
    expect(sigCategory("681100")).toBe("dotationsAmortissementsProvisions");
    expect(sigCategory("755000")).toBe("quotePartProduits");
    expect(sigCategory("691000")).toBe("participationSalaries");
    expect(sigCategory("695000")).toBe("impotsBenefices");
    expect(sigCategory("512000")).toBeNull();
  });

  it("places every class 6/7 account so that the SIG add up to the résultat", () => {
    const rows: Row[] = [
      { journal: "OD", num: "1", date: "20240601", compte: "771000", credit: "50,00" },
      { journal: "OD", num: "1", date: "20240601", compte: "512000", debit: "50,00" },
      { journal: "OD", num: "2", date: "20240601", compte: "661100", debit: "20,00" },
      { journal: "OD", num: "2", date: "20240601", compte: "695000", debit: "10,00" },
      { journal: "OD", num: "2", date: "20240601", compte: "740000", debit: "5,00" },
      { journal: "OD", num: "2", date: "20240601", compte: "512000", credit: "35,00" },
    ];
    const sig = computeSig(aggregateEntries(parseText(fecText(rows)).entries));
    expect(sig.resultatExceptionnel).toBe(eur(50));
    expect(sig.chargesFinancieres).toBe(eur(20));
    expect(sig.subventionsExploitation).toBe(eur(-5));
    expect(sig.resultatExercice).toBe(eur(50 - 20 - 10 - 5));
  });

  it("computes the key figures from the aggregate", () => {
    expect(computeKeyFigures(aggregate)).toEqual({
      chiffreAffairesCents: eur(1200),
      margeCommercialeCents: eur(-220),
      excedentBrutExploitationCents: eur(480),
      resultatCents: eur(480),
      tresorerieCents: eur(10500),
      creancesClientsCents: eur(240),
      dettesFournisseursCents: eur(200),
    });
  });
});

describe("monthly series", () => {
  const previous = aggregateEntries(
    parseText(
      fecText([
        { journal: "VE", num: "1", date: "20230115", compte: "411000", aux: "C001", debit: "800,00" },
        { journal: "VE", num: "1", date: "20230115", compte: "706000", credit: "800,00" },
      ]),
    ).entries,
  );

  it("gives CA, résultat and trésorerie per month, with N-1 month by month", () => {
    const series = monthlySeries(
      aggregate,
      { start: "2024-01-01", end: "2024-12-31" },
      {
        previous: { aggregate: previous, exercice: { start: "2023-01-01", end: "2023-12-31" } },
      },
    );
    expect(series).toHaveLength(12);
    expect(
      series.slice(0, 4).map((m) => [m.month, m.caCents, m.resultatCents, m.tresorerieCents, m.resultatCumulCents]),
    ).toEqual([
      [202401, eur(1000), eur(500), eur(10000), eur(500)],
      [202402, 0, eur(-300), eur(10500), eur(200)],
      [202403, eur(200), eur(280), eur(10500), eur(480)],
      [202404, 0, 0, eur(10500), eur(480)],
    ]);
    expect(series[11]?.caCumulCents).toBe(eur(1200));
    expect(series[0]?.previous).toMatchObject({ month: 202301, caCents: eur(800), resultatCents: eur(800) });
    expect(series[1]?.previous?.caCumulCents).toBe(eur(800));
  });
});

describe("grand livre", () => {
  it("lists an account's lines with the running balance, paged", () => {
    const all = generalLedgerPage(entries, { compteNum: "512", pageSize: 10 });
    expect(all.totalLines).toBe(4);
    expect(
      all.accounts[0]?.lines.map((l) => [l.date, l.journalCode, l.debitCents, l.creditCents, l.balanceCents]),
    ).toEqual([
      [20240101, "AN", eur(10000), 0, eur(10000)],
      [20240215, "BQ", eur(1200), 0, eur(11200)],
      [20240220, "BQ", 0, eur(400), eur(10800)],
      [20240228, "OD", 0, eur(300), eur(10500)],
    ]);
    const second = generalLedgerPage(entries, { compteNum: "512", pageSize: 2, page: 1 });
    expect(second).toMatchObject({ page: 1, pageCount: 2, totalLines: 4 });
    expect(second.accounts[0]?.balanceBeforePageCents).toBe(eur(11200));
    expect(second.accounts[0]?.lines.map((l) => l.balanceCents)).toEqual([eur(10800), eur(10500)]);
    expect(second.accounts[0]?.closingBalanceCents).toBe(eur(10500));
  });

  it("shows lettering, and pages across accounts", () => {
    const clients = generalLedgerPage(entries, { compteNum: "411" });
    expect(clients.accounts[0]?.lines.map((l) => [l.ecritureLet, l.letterBalanced])).toEqual([
      ["AA", true],
      ["AA", true],
      [undefined, undefined],
    ]);
    expect(generalLedgerPage(entries, { compteNum: "411", unletteredOnly: true }).totalLines).toBe(1);
    const page = generalLedgerPage(entries, { pageSize: 5, page: 1 });
    expect(page.totalLines).toBe(entries.length);
    expect(page.accounts.map((a) => [a.compteNum, a.lines.length])).toEqual([
      ["411000", 2],
      ["445660", 1],
      ["445710", 2],
    ]);
  });

  it("groups by auxiliary account and brings lines before `from` forward", () => {
    const aux = generalLedgerPage(entries, { compteNum: "411", groupBy: "auxiliary" });
    expect(aux.accounts.map((a) => [a.compAuxNum, a.closingBalanceCents])).toEqual([
      ["C001", 0],
      ["C002", eur(240)],
    ]);
    const fromFeb = generalLedgerPage(entries, { compteNum: "512", from: "2024-02-16" });
    // The à-nouveau stays a line of the grand livre; only ordinary lines before `from` are brought forward.
    expect(fromFeb.accounts[0]?.broughtForwardCents).toBe(eur(1200));
    expect(fromFeb.accounts[0]?.lines.map((l) => [l.journalCode, l.balanceCents])).toEqual([
      ["AN", eur(11200)],
      ["BQ", eur(10800)],
      ["OD", eur(10500)],
    ]);
  });
});

describe("journaux", () => {
  it("groups lines into écritures per journal, paged by écriture", () => {
    const all = journalsPage(entries);
    expect(all.journals.map((j) => [j.journalCode, j.ecritureCount, j.totalDebitCents])).toEqual([
      ["AC", 1, eur(600)],
      ["AN", 1, eur(10000)],
      ["BQ", 2, eur(1600)],
      ["OD", 2, eur(380)],
      ["VE", 2, eur(1440)],
    ]);
    const ve = all.journals[4]?.ecritures[0];
    expect(ve).toMatchObject({ ecritureNum: "1", date: 20240115, debitCents: eur(1200), creditCents: eur(1200) });
    expect(ve?.lines.map((l) => l.compteNum)).toEqual(["411000", "706000", "445710"]);
    const page = journalsPage(entries, { pageSize: 3, page: 1 });
    expect(page).toMatchObject({ totalEcritures: 8, pageCount: 3, page: 1 });
    expect(page.journals.map((j) => [j.journalCode, j.ecritures.map((e) => e.ecritureNum)])).toEqual([
      ["BQ", ["2"]],
      ["OD", ["1", "2"]],
    ]);
  });

  it("keeps non-contiguous lines of an écriture together and filters by establishment", () => {
    const rows: Row[] = [
      { journal: "OD", num: "10", date: "20240110", compte: "471000", debit: "10,00" },
      { journal: "OD", num: "2", date: "20240105", compte: "471000", debit: "1,00" },
      { journal: "OD", num: "10", date: "20240110", compte: "472000", credit: "10,00" },
      { journal: "OD", num: "2", date: "20240105", compte: "472000", credit: "1,00" },
    ];
    const parsed = parseText(fecText(rows)).entries;
    const page = journalsPage(parsed);
    expect(page.journals[0]?.ecritures.map((e) => [e.ecritureNum, e.lines.length])).toEqual([
      ["2", 2],
      ["10", 2],
    ]);
    const tagged = parsed.map((e, i) => ({ ...e, etablissement: i < 2 ? "001" : "002" }));
    expect(journalsPage(tagged, { etablissements: ["002"] }).journals[0]?.ecritures.map((e) => e.lines.length)).toEqual(
      [1, 1],
    );
    const limited = computeTrialBalance(aggregateEntries(tagged), { etablissements: ["001"] });
    expect(limited.debitCents).toBe(eur(11));
    expect(limited.creditCents).toBe(0);
  });
});

describe("pageWhileCounting", () => {
  it("reads the asked page once when it exists, and the last page again when asked past the end", async () => {
    const total = 45;
    const calls: Array<[number, number]> = [];
    const pass = (first: number, last: number) => {
      calls.push([first, last]);
      return Promise.resolve({ total, shown: Math.max(0, Math.min(last, total) - first) });
    };
    const inside = await pageWhileCounting({ page: 1, pageSize: 20 }, pass);
    expect(inside.info).toEqual({ page: 1, pageSize: 20, pageCount: 3, first: 20, last: 40 });
    expect(inside.result.shown).toBe(20);
    expect(calls).toEqual([[20, 40]]);

    calls.length = 0;
    const past = await pageWhileCounting({ page: 9, pageSize: 20 }, pass);
    expect(past.info.page).toBe(2);
    expect(past.result.shown).toBe(5);
    expect(calls).toEqual([
      [180, 200],
      [40, 45],
    ]);
  });
});

describe("sliceSections", () => {
  // Two accounts of 5 and 4 lines, counted per month bucket.
  const sections = [
    {
      id: "401",
      count: 5,
      buckets: [
        { bucket: "401-01", n: 2 },
        { bucket: "401-02", n: 3 },
      ],
    },
    {
      id: "411",
      count: 4,
      buckets: [
        { bucket: "411-01", n: 1 },
        { bucket: "411-02", n: 3 },
      ],
    },
  ];
  const slices = (page: number, pageSize: number) =>
    sliceSections(sections, pageInfo({ page, pageSize }, 9)).map(({ section, first, last, before, wanted }) => ({
      id: section.id,
      first,
      last,
      before,
      wanted,
    }));

  it("finds the sections a page touches, the buckets to read and those before the page", () => {
    expect(slices(0, 3)).toEqual([
      {
        id: "401",
        first: 0,
        last: 3,
        before: [],
        wanted: [
          { bucket: "401-01", start: 0 },
          { bucket: "401-02", start: 2 },
        ],
      },
    ]);
    expect(slices(1, 3)).toEqual([
      { id: "401", first: 3, last: 5, before: ["401-01"], wanted: [{ bucket: "401-02", start: 2 }] },
      { id: "411", first: 0, last: 1, before: [], wanted: [{ bucket: "411-01", start: 0 }] },
    ]);
    expect(slices(2, 3)).toEqual([
      { id: "411", first: 1, last: 4, before: ["411-01"], wanted: [{ bucket: "411-02", start: 1 }] },
    ]);
  });

  it("gives every item to exactly one page", () => {
    for (let pageSize = 1; pageSize <= 10; pageSize++) {
      let shown = 0;
      for (let page = 0; page * pageSize < 9; page++) for (const s of slices(page, pageSize)) shown += s.last - s.first;
      expect(shown).toBe(9);
    }
  });
});
