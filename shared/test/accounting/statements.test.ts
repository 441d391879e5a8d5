import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  computeFinancialStatements,
  computeSig,
  placementOf,
  RUBRIC_SIDE,
  STATEMENT_GROUPS,
  type AccountMonthTotals,
  type FinancialStatements,
  type LedgerAggregate,
  type RubricId,
  type StatementGroup,
} from "../../src/accounting";
import { isMessageKey, translate } from "../../src/i18n";
import { rubricLabelKey, groupLabelKey } from "../../src/accounting/compute/statements-rubrics";
import { eur } from "./fixtures";

type Line = [compteNum: string, euros: number, opening?: "AN"];

function aggregateOf(lines: readonly Line[], month = 202412): LedgerAggregate {
  const rows: AccountMonthTotals[] = lines.map(([compteNum, euros, opening]) => ({
    compteNum,
    compAuxNum: "",
    journalCode: opening ?? "OD",
    month,
    etablissement: "",
    opening: opening !== undefined,
    debitCents: euros > 0 ? eur(euros) : 0,
    creditCents: euros < 0 ? eur(-euros) : 0,
    lineCount: 1,
  }));
  return { rows, accountLabels: { "512000": "Banque", "512100": "Banque 2" }, auxiliaryLabels: {}, journalLabels: {} };
}

/** Debit positive, credit negative, in euros: one account (at least) for every rubric, mixed accounts on both sides. */
const EXAMPLE: Line[] = [
  // Actif.
  ["109000", 1000],
  ["205000", 3000, "AN"],
  ["280500", -1000, "AN"],
  ["218300", 5000, "AN"],
  ["281830", -2000],
  ["275000", 800],
  ["297000", -100],
  ["370000", 2500],
  ["397000", -500],
  ["409100", 300], // supplier advance: avances et acomptes versés
  ["411000", 4000],
  ["491000", -400],
  ["401100", 150], // supplier in debit: autres créances
  ["445660", 600], // class 44 in debit: autres créances
  ["456200", 200],
  ["503000", 700],
  ["590000", -70],
  ["512000", 6000, "AN"],
  ["512000", 15000],
  ["512000", -3660],
  ["530000", 100],
  ["486000", 250],
  ["481000", 90],
  ["169000", 60],
  ["476000", 40],
  // Passif.
  ["101000", -10000, "AN"],
  ["104000", -1000],
  ["105000", -500],
  ["106100", -1500],
  ["110000", -800],
  ["120000", -300],
  ["131000", -400],
  ["145000", -350],
  ["151000", -450],
  ["163000", -2000],
  ["164000", -3000],
  ["512100", -250], // bank in credit: concours bancaire, with 519
  ["519000", -150],
  ["168000", -500],
  ["455000", -600],
  ["419100", -350],
  ["401000", -2800],
  ["421000", -900],
  ["445710", -700],
  ["404000", -450],
  ["411200", -120], // customer in credit: autres dettes
  ["467000", -230],
  ["487000", -220],
  ["477000", -30],
  // Produits.
  ["707000", -8000],
  ["701000", -2000],
  ["706000", -9000],
  ["713000", -300],
  ["721000", -200],
  ["740000", -150],
  ["781500", -120],
  ["758000", -80],
  ["755000", -50],
  ["761000", -60],
  ["786000", -40],
  ["771000", -70],
  ["787000", -30],
  // Charges.
  ["607000", 3500],
  ["603700", 200],
  ["601000", 1500],
  ["603100", 100],
  ["606100", 400],
  ["613200", 1200],
  ["622600", 800],
  ["635100", 300],
  ["641000", 4000],
  ["645000", 1600],
  ["681100", 900],
  ["651000", 100],
  ["655000", 40],
  ["661000", 250],
  ["686000", 50],
  ["671000", 90],
  ["687000", 10],
  ["691000", 100],
  ["695000", 500],
  // Hors bilan: outside the statements.
  ["801000", 100],
  ["802000", -100],
];

/** rubric → [gross, depreciation, net] in euros, or just net for passif, produits and charges. */
function table(groups: readonly StatementGroup[]): Record<string, number | [number, number, number]> {
  const out: Record<string, number | [number, number, number]> = {};
  for (const g of groups) {
    for (const r of g.rubrics) {
      out[r.id] =
        RUBRIC_SIDE[r.id] === "actif"
          ? [r.grossCents / 100, r.depreciationCents / 100, r.netCents / 100]
          : r.netCents / 100;
    }
  }
  return out;
}

function accountsOf(s: FinancialStatements, rubric: RubricId): string[] {
  const all = [...s.bilan.actif, ...s.bilan.passif, ...s.compteDeResultat.produits, ...s.compteDeResultat.charges];
  return all.flatMap((g) =>
    g.rubrics.filter((r) => r.id === rubric).flatMap((r) => r.accounts.map((a) => a.compteNum)),
  );
}

describe("financial statements: the hand-built example", () => {
  const s = computeFinancialStatements(aggregateOf(EXAMPLE));

  it("puts every actif rubric's gross, depreciation and net where the PCG does", () => {
    expect(table(s.bilan.actif)).toEqual({
      capitalSouscritNonAppele: [1000, 0, 1000],
      immobilisationsIncorporelles: [3000, 1000, 2000],
      immobilisationsCorporelles: [5000, 2000, 3000],
      immobilisationsFinancieres: [800, 100, 700],
      stocks: [2500, 500, 2000],
      avancesAcomptesVerses: [300, 0, 300],
      creancesClients: [4000, 400, 3600],
      autresCreances: [750, 0, 750],
      capitalAppeleNonVerse: [200, 0, 200],
      valeursMobilieresPlacement: [700, 70, 630],
      disponibilites: [17440, 0, 17440],
      chargesConstateesAvance: [250, 0, 250],
      chargesARepartir: [90, 0, 90],
      primesRemboursementObligations: [60, 0, 60],
      ecartsConversionActif: [40, 0, 40],
    });
    expect(s.bilan.actif.map((g) => [g.id, g.grossCents / 100, g.depreciationCents / 100, g.netCents / 100])).toEqual([
      ["capitalNonAppele", 1000, 0, 1000],
      ["actifImmobilise", 8800, 3100, 5700],
      ["actifCirculant", 25890, 970, 24920],
      ["regularisationActif", 440, 0, 440],
    ]);
    expect(s.bilan.totalActif).toEqual({ grossCents: eur(36130), depreciationCents: eur(4070), netCents: eur(32060) });
  });

  it("puts every passif rubric, with the résultat of the compte de résultat added to class 12", () => {
    expect(table(s.bilan.passif)).toEqual({
      capital: 10000,
      primes: 1000,
      ecartsReevaluation: 500,
      reserves: 1500,
      reportANouveau: 800,
      resultatExercice: 4760,
      subventionsInvestissement: 400,
      provisionsReglementees: 350,
      provisionsRisquesCharges: 450,
      empruntsObligataires: 2000,
      empruntsEtablissementsCredit: 3400,
      empruntsDettesFinancieresDivers: 1100,
      avancesAcomptesRecus: 350,
      dettesFournisseurs: 2800,
      dettesFiscalesSociales: 1600,
      dettesSurImmobilisations: 450,
      autresDettes: 350,
      produitsConstatesAvance: 220,
      ecartsConversionPassif: 30,
    });
    expect(s.bilan.passif.map((g) => [g.id, g.netCents / 100])).toEqual([
      ["capitauxPropres", 19310],
      ["provisions", 450],
      ["dettes", 12050],
      ["regularisationPassif", 250],
    ]);
    expect(s.bilan.totalPassifCents).toBe(eur(32060));
    expect(s.bilan.resultatNotInAccountsCents).toBe(eur(4460));
  });

  it("classifies mixed accounts by the sign of their balance", () => {
    expect(accountsOf(s, "disponibilites")).toEqual(["512000", "530000"]);
    expect(accountsOf(s, "empruntsEtablissementsCredit")).toEqual(["164000", "512100", "519000"]);
    expect(accountsOf(s, "creancesClients")).toEqual(["411000", "491000"]);
    expect(accountsOf(s, "autresDettes")).toEqual(["411200", "467000"]);
    expect(accountsOf(s, "avancesAcomptesRecus")).toEqual(["419100"]);
    expect(accountsOf(s, "dettesFournisseurs")).toEqual(["401000"]);
    expect(accountsOf(s, "autresCreances")).toEqual(["401100", "445660"]);
    expect(accountsOf(s, "avancesAcomptesVerses")).toEqual(["409100"]);
    expect(accountsOf(s, "dettesFiscalesSociales")).toEqual(["421000", "445710"]);
    expect(accountsOf(s, "resultatExercice")).toEqual(["120000"]);
    const bank = s.bilan.actif.flatMap((g) => g.rubrics).find((r) => r.id === "disponibilites")?.accounts[0];
    expect(bank).toEqual({
      compteNum: "512000",
      compteLib: "Banque",
      grossCents: eur(17340),
      depreciationCents: 0,
      netCents: eur(17340),
    });
  });

  it("lays out the compte de résultat by nature with its intermediate results", () => {
    const cr = s.compteDeResultat;
    expect(table(cr.produits)).toEqual({
      ventesMarchandises: 8000,
      productionVendueBiens: 2000,
      productionVendueServices: 9000,
      productionStockee: 300,
      productionImmobilisee: 200,
      subventionsExploitation: 150,
      reprisesExploitation: 120,
      autresProduits: 80,
      beneficeAttribue: 50,
      produitsFinanciers: 100,
      produitsExceptionnels: 100,
    });
    expect(table(cr.charges)).toEqual({
      achatsMarchandises: 3500,
      variationStockMarchandises: 200,
      achatsMatieres: 1500,
      variationStockMatieres: 100,
      autresAchatsChargesExternes: 2400,
      impotsTaxes: 300,
      salaires: 4000,
      chargesSociales: 1600,
      dotationsExploitation: 900,
      autresCharges: 100,
      perteSupportee: 40,
      chargesFinancieres: 300,
      chargesExceptionnelles: 100,
      participationSalaries: 100,
      impotsBenefices: 500,
    });
    expect(
      [
        cr.totalProduitsCents,
        cr.totalChargesCents,
        cr.resultatExploitationCents,
        cr.resultatFinancierCents,
        cr.resultatCourantAvantImpotsCents,
        cr.resultatExceptionnelCents,
        cr.resultatExerciceCents,
      ].map((c) => c / 100),
    ).toEqual([20100, 15640, 5250, -200, 5060, 0, 4460]);
    expect(cr.resultatExerciceCents).toBe(computeSig(aggregateOf(EXAMPLE)).resultatExercice);
  });

  it("leaves classes 8 and 9 outside the statements, listed", () => {
    expect(s.unclassified.map((u) => [u.compteNum, u.netDebitCents / 100])).toEqual([
      ["801000", 100],
      ["802000", -100],
    ]);
  });

  it("has a label for every rubric and group, in French and English", () => {
    for (const side of Object.values(STATEMENT_GROUPS)) {
      for (const g of side) {
        expect(isMessageKey(groupLabelKey(g.id))).toBe(true);
        for (const r of g.rubrics) {
          expect(isMessageKey(rubricLabelKey(r))).toBe(true);
          expect(translate("fr", rubricLabelKey(r))).not.toBe("");
        }
      }
    }
  });
});

describe("financial statements: properties over generated books", () => {
  const prefixes = [
    "101",
    "106",
    "109",
    "110",
    "119",
    "120",
    "129",
    "131",
    "145",
    "151",
    "164",
    "169",
    "168",
    "205",
    "2154",
    "2183",
    "269",
    "275",
    "2805",
    "2815",
    "296",
    "310",
    "370",
    "397",
    "401",
    "404",
    "4091",
    "411",
    "4191",
    "4198",
    "421",
    "431",
    "44566",
    "44571",
    "455",
    "4562",
    "467",
    "471",
    "476",
    "477",
    "486",
    "487",
    "491",
    "503",
    "509",
    "512",
    "519",
    "530",
    "580",
    "590",
    "601",
    "6031",
    "6037",
    "607",
    "613",
    "626",
    "635",
    "641",
    "645",
    "655",
    "661",
    "671",
    "681",
    "686",
    "687",
    "691",
    "695",
    "701",
    "706",
    "707",
    "7097",
    "713",
    "721",
    "740",
    "755",
    "758",
    "761",
    "771",
    "781",
    "786",
    "787",
    "791",
  ];
  const account = fc.tuple(fc.constantFrom(...prefixes), fc.constantFrom("", "0", "1", "00")).map(([p, s]) => p + s);
  const entry = fc.record({
    debit: account,
    credit: account,
    cents: fc.integer({ min: 1, max: 10_000_000 }),
    opening: fc.boolean(),
    month: fc.integer({ min: 1, max: 12 }),
  });

  function aggregateOfEntries(
    entries: ReadonlyArray<{ debit: string; credit: string; cents: number; opening: boolean; month: number }>,
  ): LedgerAggregate {
    const rows: AccountMonthTotals[] = entries.flatMap((e) =>
      [
        [e.debit, e.cents, 0],
        [e.credit, 0, e.cents],
      ].map(([compteNum, debitCents, creditCents]) => ({
        compteNum: String(compteNum),
        compAuxNum: "",
        journalCode: e.opening ? "AN" : "OD",
        month: 202400 + e.month,
        etablissement: "",
        opening: e.opening,
        debitCents: Number(debitCents),
        creditCents: Number(creditCents),
        lineCount: 1,
      })),
    );
    return { rows, accountLabels: {}, auxiliaryLabels: {}, journalLabels: {} };
  }

  const books = fc.tuple(fc.array(entry, { minLength: 1, maxLength: 60 }), fc.integer({ min: 1, max: 12 }));

  it("actif equals passif, the résultat is the SIG's, and every balance lands in exactly one rubric", () => {
    fc.assert(
      fc.property(books, ([entries, to]) => {
        const aggregate = aggregateOfEntries(entries);
        const scope = { period: { from: 202401, to: 202400 + to } };
        const s = computeFinancialStatements(aggregate, scope);
        expect(s.bilan.totalActif.netCents).toBe(s.bilan.totalPassifCents);
        expect(s.compteDeResultat.resultatExerciceCents).toBe(computeSig(aggregate, scope).resultatExercice);
        expect(s.unclassified).toEqual([]);

        // Expected balance per account, by hand: closing for classes 1–5, movements for 6/7.
        const expected = new Map<string, number>();
        for (const r of aggregate.rows) {
          if (!r.opening && r.month > scope.period.to) continue;
          if (r.opening && /^[67]/.test(r.compteNum)) continue;
          expected.set(r.compteNum, (expected.get(r.compteNum) ?? 0) + r.debitCents - r.creditCents);
        }
        const seen = new Map<string, number>();
        const groups = [
          ...s.bilan.actif,
          ...s.bilan.passif,
          ...s.compteDeResultat.produits,
          ...s.compteDeResultat.charges,
        ];
        for (const g of groups) {
          for (const r of g.rubrics) {
            const side = RUBRIC_SIDE[r.id];
            for (const a of r.accounts) {
              expect(seen.has(a.compteNum)).toBe(false);
              const netDebit = side === "actif" || side === "charges" ? a.netCents : -a.netCents;
              seen.set(a.compteNum, netDebit);
              expect(placementOf(a.compteNum, netDebit)?.rubric).toBe(r.id);
            }
            if (r.id !== "resultatExercice") expect(r.netCents).toBe(r.accounts.reduce((n, a) => n + a.netCents, 0));
          }
        }
        expect(seen).toEqual(new Map([...expected].filter(([, v]) => v !== 0)));
      }),
      { numRuns: 300, seed: 17 },
    );
  });
});
