import type { MessageKey } from "../../i18n";

/**
 * The rubrics of the comptes annuels in the PCG's "système de base" presentation (liasse 2050–2053),
 * in the order they are printed, grouped as the statements group them.
 */
export const STATEMENT_GROUPS = {
  actif: [
    { id: "capitalNonAppele", rubrics: ["capitalSouscritNonAppele"] },
    {
      id: "actifImmobilise",
      rubrics: ["immobilisationsIncorporelles", "immobilisationsCorporelles", "immobilisationsFinancieres"],
    },
    {
      id: "actifCirculant",
      rubrics: [
        "stocks",
        "avancesAcomptesVerses",
        "creancesClients",
        "autresCreances",
        "capitalAppeleNonVerse",
        "valeursMobilieresPlacement",
        "disponibilites",
      ],
    },
    {
      id: "regularisationActif",
      rubrics: [
        "chargesConstateesAvance",
        "chargesARepartir",
        "primesRemboursementObligations",
        "ecartsConversionActif",
      ],
    },
  ],
  passif: [
    {
      id: "capitauxPropres",
      rubrics: [
        "capital",
        "primes",
        "ecartsReevaluation",
        "reserves",
        "reportANouveau",
        "resultatExercice",
        "subventionsInvestissement",
        "provisionsReglementees",
      ],
    },
    { id: "provisions", rubrics: ["provisionsRisquesCharges"] },
    {
      id: "dettes",
      rubrics: [
        "empruntsObligataires",
        "empruntsEtablissementsCredit",
        "empruntsDettesFinancieresDivers",
        "avancesAcomptesRecus",
        "dettesFournisseurs",
        "dettesFiscalesSociales",
        "dettesSurImmobilisations",
        "autresDettes",
      ],
    },
    { id: "regularisationPassif", rubrics: ["produitsConstatesAvance", "ecartsConversionPassif"] },
  ],
  produits: [
    {
      id: "produitsExploitation",
      rubrics: [
        "ventesMarchandises",
        "productionVendueBiens",
        "productionVendueServices",
        "productionStockee",
        "productionImmobilisee",
        "subventionsExploitation",
        "reprisesExploitation",
        "autresProduits",
      ],
    },
    { id: "quotesPartsProduits", rubrics: ["beneficeAttribue"] },
    { id: "produitsFinanciers", rubrics: ["produitsFinanciers"] },
    { id: "produitsExceptionnels", rubrics: ["produitsExceptionnels"] },
  ],
  charges: [
    {
      id: "chargesExploitation",
      rubrics: [
        "achatsMarchandises",
        "variationStockMarchandises",
        "achatsMatieres",
        "variationStockMatieres",
        "autresAchatsChargesExternes",
        "impotsTaxes",
        "salaires",
        "chargesSociales",
        "dotationsExploitation",
        "autresCharges",
      ],
    },
    { id: "quotesPartsCharges", rubrics: ["perteSupportee"] },
    { id: "chargesFinancieres", rubrics: ["chargesFinancieres"] },
    { id: "chargesExceptionnelles", rubrics: ["chargesExceptionnelles"] },
    { id: "participationImpots", rubrics: ["participationSalaries", "impotsBenefices"] },
  ],
} as const;

export type StatementSide = keyof typeof STATEMENT_GROUPS;
export type StatementGroupId = (typeof STATEMENT_GROUPS)[StatementSide][number]["id"];
export type RubricId = (typeof STATEMENT_GROUPS)[StatementSide][number]["rubrics"][number];

/**
 * Where an account's balance goes. On the actif, `depreciation` marks the amortissements and
 * dépréciations (28x, 29x, 39x, 49x, 59x) deducted from the gross amount of their rubric.
 */
export type Placement = { rubric: RubricId; depreciation?: true };
/** A mixed account goes by the sign of its balance: `debit` for a debit balance, `credit` otherwise. */
type Rule = { debit: Placement; credit: Placement };

const to = (rubric: RubricId): Rule => ({ debit: { rubric }, credit: { rubric } });
const depreciationOf = (rubric: RubricId): Rule => ({
  debit: { rubric, depreciation: true },
  credit: { rubric, depreciation: true },
});
const bySign = (debit: RubricId, credit: RubricId): Rule => ({ debit: { rubric: debit }, credit: { rubric: credit } });

/**
 * The account-to-rubric table of the PCG's base model; the longest prefix wins. Every account of
 * classes 1–7 has a rule (a class's one-digit prefix is its fallback); classes 8, 9 and non-PCG
 * numbers have none and stay outside the statements.
 */
const RULES: ReadonlyArray<readonly [prefix: string, rule: Rule]> = [
  // Class 1: capitaux propres, provisions, emprunts. Debit balances (119, 129…) stay on the passif, negative.
  ["1", to("capital")],
  ["101", to("capital")],
  ["108", to("capital")],
  ["109", to("capitalSouscritNonAppele")],
  ["104", to("primes")],
  ["105", to("ecartsReevaluation")],
  ["106", to("reserves")],
  ["107", to("ecartsReevaluation")],
  ["11", to("reportANouveau")],
  ["12", to("resultatExercice")],
  ["13", to("subventionsInvestissement")],
  ["14", to("provisionsReglementees")],
  ["15", to("provisionsRisquesCharges")],
  ["16", to("empruntsDettesFinancieresDivers")],
  ["161", to("empruntsObligataires")],
  ["163", to("empruntsObligataires")],
  ["164", to("empruntsEtablissementsCredit")],
  ["169", to("primesRemboursementObligations")],
  ["17", to("empruntsDettesFinancieresDivers")],
  ["18", to("empruntsDettesFinancieresDivers")],
  // Class 2: immobilisations, their amortissements (28) and dépréciations (29).
  ["2", to("immobilisationsCorporelles")],
  ["20", to("immobilisationsIncorporelles")],
  ["26", to("immobilisationsFinancieres")],
  ["27", to("immobilisationsFinancieres")],
  ["269", to("dettesSurImmobilisations")],
  ["279", to("dettesSurImmobilisations")],
  ["28", depreciationOf("immobilisationsCorporelles")],
  ["280", depreciationOf("immobilisationsIncorporelles")],
  ["29", depreciationOf("immobilisationsCorporelles")],
  ["290", depreciationOf("immobilisationsIncorporelles")],
  ["296", depreciationOf("immobilisationsFinancieres")],
  ["297", depreciationOf("immobilisationsFinancieres")],
  // Class 3: stocks and their dépréciations.
  ["3", to("stocks")],
  ["39", depreciationOf("stocks")],
  // Class 4: tiers, by the sign of each account's balance.
  ["4", bySign("autresCreances", "autresDettes")],
  ["40", bySign("autresCreances", "dettesFournisseurs")],
  ["404", bySign("autresCreances", "dettesSurImmobilisations")],
  ["405", bySign("autresCreances", "dettesSurImmobilisations")],
  ["4091", bySign("avancesAcomptesVerses", "dettesFournisseurs")],
  ["41", bySign("creancesClients", "autresDettes")],
  ["4191", bySign("creancesClients", "avancesAcomptesRecus")],
  ["419", bySign("autresCreances", "autresDettes")],
  ["42", bySign("autresCreances", "dettesFiscalesSociales")],
  ["43", bySign("autresCreances", "dettesFiscalesSociales")],
  ["44", bySign("autresCreances", "dettesFiscalesSociales")],
  ["455", bySign("autresCreances", "empruntsDettesFinancieresDivers")],
  ["4562", to("capitalAppeleNonVerse")],
  ["476", to("ecartsConversionActif")],
  ["477", to("ecartsConversionPassif")],
  ["481", to("chargesARepartir")],
  ["486", to("chargesConstateesAvance")],
  ["487", to("produitsConstatesAvance")],
  ["49", depreciationOf("autresCreances")],
  ["491", depreciationOf("creancesClients")],
  // Class 5: trésorerie. A bank in credit is a concours bancaire courant, like 519.
  ["5", bySign("disponibilites", "autresDettes")],
  ["50", to("valeursMobilieresPlacement")],
  ["509", to("autresDettes")],
  ["51", bySign("disponibilites", "empruntsEtablissementsCredit")],
  ["519", to("empruntsEtablissementsCredit")],
  ["59", depreciationOf("valeursMobilieresPlacement")],
  // Class 7: produits by nature (credit − debit).
  ["7", to("autresProduits")],
  ["70", to("productionVendueServices")],
  ["701", to("productionVendueBiens")],
  ["702", to("productionVendueBiens")],
  ["703", to("productionVendueBiens")],
  ["7091", to("productionVendueBiens")],
  ["7092", to("productionVendueBiens")],
  ["7093", to("productionVendueBiens")],
  ["707", to("ventesMarchandises")],
  ["7097", to("ventesMarchandises")],
  ["71", to("productionStockee")],
  ["72", to("productionImmobilisee")],
  ["74", to("subventionsExploitation")],
  ["755", to("beneficeAttribue")],
  ["76", to("produitsFinanciers")],
  ["77", to("produitsExceptionnels")],
  ["78", to("reprisesExploitation")],
  ["786", to("produitsFinanciers")],
  ["787", to("produitsExceptionnels")],
  ["79", to("reprisesExploitation")],
  ["796", to("produitsFinanciers")],
  ["797", to("produitsExceptionnels")],
  // Class 6: charges by nature (debit − credit).
  ["6", to("autresCharges")],
  ["60", to("autresAchatsChargesExternes")],
  ["601", to("achatsMatieres")],
  ["602", to("achatsMatieres")],
  ["6081", to("achatsMatieres")],
  ["6082", to("achatsMatieres")],
  ["6091", to("achatsMatieres")],
  ["6092", to("achatsMatieres")],
  ["6031", to("variationStockMatieres")],
  ["6032", to("variationStockMatieres")],
  ["6037", to("variationStockMarchandises")],
  ["607", to("achatsMarchandises")],
  ["6087", to("achatsMarchandises")],
  ["6097", to("achatsMarchandises")],
  ["61", to("autresAchatsChargesExternes")],
  ["62", to("autresAchatsChargesExternes")],
  ["63", to("impotsTaxes")],
  ["64", to("chargesSociales")],
  ["641", to("salaires")],
  ["642", to("salaires")],
  ["643", to("salaires")],
  ["644", to("salaires")],
  ["648", to("salaires")],
  ["655", to("perteSupportee")],
  ["66", to("chargesFinancieres")],
  ["67", to("chargesExceptionnelles")],
  ["68", to("dotationsExploitation")],
  ["686", to("chargesFinancieres")],
  ["687", to("chargesExceptionnelles")],
  ["69", to("impotsBenefices")],
  ["691", to("participationSalaries")],
];

const SORTED_RULES = [...RULES].sort((a, b) => b[0].length - a[0].length);

/**
 * Where an account's net balance (debit − credit, in cents) goes; null outside classes 1–7. The sign
 * is judged per account (the PCG's rule), not per auxiliary account: a collective 411 whose
 * customers owe more than it owes others is a créance as a whole.
 */
export function placementOf(compteNum: string, netDebitCents: number): Placement | null {
  for (const [prefix, rule] of SORTED_RULES) {
    if (compteNum.startsWith(prefix)) return netDebitCents >= 0 ? rule.debit : rule.credit;
  }
  return null;
}

/** The side of the statements a rubric belongs to. */
export const RUBRIC_SIDE: Readonly<Record<RubricId, StatementSide>> = Object.fromEntries(
  (Object.keys(STATEMENT_GROUPS) as StatementSide[]).flatMap((side) =>
    STATEMENT_GROUPS[side].flatMap((g) => g.rubrics.map((r) => [r, side])),
  ),
) as Record<RubricId, StatementSide>;

export function rubricLabelKey(id: RubricId): MessageKey {
  return `statements.rubric.${id}` as MessageKey;
}

export function groupLabelKey(id: StatementGroupId): MessageKey {
  return `statements.group.${id}` as MessageKey;
}
