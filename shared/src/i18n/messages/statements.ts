import { defineMessages } from "../define";

/**
 * The financial statements (bilan, compte de résultat): the PCG's rubric and group labels, then the
 * tab's screen and export texts.
 */
export const statementsMessages = defineMessages({
  // Bilan actif.
  "statements.rubric.capitalSouscritNonAppele": {
    fr: "Capital souscrit non appelé",
    en: "Uncalled subscribed capital",
  },
  "statements.rubric.immobilisationsIncorporelles": { fr: "Immobilisations incorporelles", en: "Intangible assets" },
  "statements.rubric.immobilisationsCorporelles": { fr: "Immobilisations corporelles", en: "Tangible assets" },
  "statements.rubric.immobilisationsFinancieres": { fr: "Immobilisations financières", en: "Financial assets" },
  "statements.rubric.stocks": { fr: "Stocks et en-cours", en: "Inventories and work in progress" },
  "statements.rubric.avancesAcomptesVerses": {
    fr: "Avances et acomptes versés sur commandes",
    en: "Advances and down payments made on orders",
  },
  "statements.rubric.creancesClients": { fr: "Créances clients et comptes rattachés", en: "Trade receivables" },
  "statements.rubric.autresCreances": { fr: "Autres créances", en: "Other receivables" },
  "statements.rubric.capitalAppeleNonVerse": {
    fr: "Capital souscrit appelé, non versé",
    en: "Called-up capital unpaid",
  },
  "statements.rubric.valeursMobilieresPlacement": {
    fr: "Valeurs mobilières de placement",
    en: "Marketable securities",
  },
  "statements.rubric.disponibilites": { fr: "Disponibilités", en: "Cash at bank and in hand" },
  "statements.rubric.chargesConstateesAvance": { fr: "Charges constatées d'avance", en: "Prepaid expenses" },
  "statements.rubric.chargesARepartir": {
    fr: "Charges à répartir sur plusieurs exercices",
    en: "Deferred charges",
  },
  "statements.rubric.primesRemboursementObligations": {
    fr: "Primes de remboursement des obligations",
    en: "Bond redemption premiums",
  },
  "statements.rubric.ecartsConversionActif": { fr: "Écarts de conversion actif", en: "Translation losses" },
  // Bilan passif.
  "statements.rubric.capital": { fr: "Capital social ou individuel", en: "Share capital" },
  "statements.rubric.primes": {
    fr: "Primes d'émission, de fusion, d'apport",
    en: "Share premiums",
  },
  "statements.rubric.ecartsReevaluation": { fr: "Écarts de réévaluation", en: "Revaluation reserve" },
  "statements.rubric.reserves": { fr: "Réserves", en: "Reserves" },
  "statements.rubric.reportANouveau": { fr: "Report à nouveau", en: "Retained earnings" },
  "statements.rubric.resultatExercice": { fr: "Résultat de l'exercice", en: "Profit or loss for the year" },
  "statements.rubric.subventionsInvestissement": { fr: "Subventions d'investissement", en: "Investment grants" },
  "statements.rubric.provisionsReglementees": { fr: "Provisions réglementées", en: "Regulated provisions" },
  "statements.rubric.provisionsRisquesCharges": {
    fr: "Provisions pour risques et charges",
    en: "Provisions for liabilities and charges",
  },
  "statements.rubric.empruntsObligataires": { fr: "Emprunts obligataires", en: "Bonds" },
  "statements.rubric.empruntsEtablissementsCredit": {
    fr: "Emprunts et dettes auprès des établissements de crédit",
    en: "Bank loans and overdrafts",
  },
  "statements.rubric.empruntsDettesFinancieresDivers": {
    fr: "Emprunts et dettes financières divers",
    en: "Other borrowings",
  },
  "statements.rubric.avancesAcomptesRecus": {
    fr: "Avances et acomptes reçus sur commandes en cours",
    en: "Advances and down payments received on orders",
  },
  "statements.rubric.dettesFournisseurs": { fr: "Dettes fournisseurs et comptes rattachés", en: "Trade payables" },
  "statements.rubric.dettesFiscalesSociales": { fr: "Dettes fiscales et sociales", en: "Tax and social liabilities" },
  "statements.rubric.dettesSurImmobilisations": {
    fr: "Dettes sur immobilisations et comptes rattachés",
    en: "Amounts owed for fixed assets",
  },
  "statements.rubric.autresDettes": { fr: "Autres dettes", en: "Other liabilities" },
  "statements.rubric.produitsConstatesAvance": { fr: "Produits constatés d'avance", en: "Deferred income" },
  "statements.rubric.ecartsConversionPassif": { fr: "Écarts de conversion passif", en: "Translation gains" },
  // Compte de résultat: produits.
  "statements.rubric.ventesMarchandises": { fr: "Ventes de marchandises", en: "Sales of goods for resale" },
  "statements.rubric.productionVendueBiens": { fr: "Production vendue (biens)", en: "Sales of goods produced" },
  "statements.rubric.productionVendueServices": { fr: "Production vendue (services)", en: "Sales of services" },
  "statements.rubric.productionStockee": { fr: "Production stockée", en: "Change in finished goods and WIP" },
  "statements.rubric.productionImmobilisee": { fr: "Production immobilisée", en: "Own work capitalised" },
  "statements.rubric.subventionsExploitation": { fr: "Subventions d'exploitation", en: "Operating grants" },
  "statements.rubric.reprisesExploitation": {
    fr: "Reprises sur amortissements et provisions, transferts de charges",
    en: "Reversals of depreciation and provisions, expense transfers",
  },
  "statements.rubric.autresProduits": { fr: "Autres produits", en: "Other operating income" },
  "statements.rubric.beneficeAttribue": {
    fr: "Bénéfice attribué ou perte transférée",
    en: "Share of profit from joint operations",
  },
  "statements.rubric.produitsFinanciers": { fr: "Produits financiers", en: "Financial income" },
  "statements.rubric.produitsExceptionnels": { fr: "Produits exceptionnels", en: "Exceptional income" },
  // Compte de résultat: charges.
  "statements.rubric.achatsMarchandises": { fr: "Achats de marchandises", en: "Purchases of goods for resale" },
  "statements.rubric.variationStockMarchandises": {
    fr: "Variation de stock (marchandises)",
    en: "Change in stock of goods for resale",
  },
  "statements.rubric.achatsMatieres": {
    fr: "Achats de matières premières et autres approvisionnements",
    en: "Purchases of raw materials and supplies",
  },
  "statements.rubric.variationStockMatieres": {
    fr: "Variation de stock (matières premières et approvisionnements)",
    en: "Change in stock of raw materials and supplies",
  },
  "statements.rubric.autresAchatsChargesExternes": {
    fr: "Autres achats et charges externes",
    en: "Other purchases and external charges",
  },
  "statements.rubric.impotsTaxes": { fr: "Impôts, taxes et versements assimilés", en: "Taxes and duties" },
  "statements.rubric.salaires": { fr: "Salaires et traitements", en: "Wages and salaries" },
  "statements.rubric.chargesSociales": { fr: "Charges sociales", en: "Social security charges" },
  "statements.rubric.dotationsExploitation": {
    fr: "Dotations aux amortissements et aux provisions",
    en: "Depreciation, amortisation and provisions",
  },
  "statements.rubric.autresCharges": { fr: "Autres charges", en: "Other operating expenses" },
  "statements.rubric.perteSupportee": {
    fr: "Perte supportée ou bénéfice transféré",
    en: "Share of loss from joint operations",
  },
  "statements.rubric.chargesFinancieres": { fr: "Charges financières", en: "Financial expenses" },
  "statements.rubric.chargesExceptionnelles": { fr: "Charges exceptionnelles", en: "Exceptional expenses" },
  "statements.rubric.participationSalaries": {
    fr: "Participation des salariés aux résultats",
    en: "Employee profit-sharing",
  },
  "statements.rubric.impotsBenefices": { fr: "Impôts sur les bénéfices", en: "Income tax" },

  // Groups and totals.
  "statements.group.capitalNonAppele": { fr: "Capital souscrit non appelé", en: "Uncalled subscribed capital" },
  "statements.group.actifImmobilise": { fr: "Actif immobilisé", en: "Fixed assets" },
  "statements.group.actifCirculant": { fr: "Actif circulant", en: "Current assets" },
  "statements.group.regularisationActif": { fr: "Comptes de régularisation", en: "Accruals and deferrals" },
  "statements.group.capitauxPropres": { fr: "Capitaux propres", en: "Equity" },
  "statements.group.provisions": { fr: "Provisions", en: "Provisions" },
  "statements.group.dettes": { fr: "Dettes", en: "Liabilities" },
  "statements.group.regularisationPassif": { fr: "Comptes de régularisation", en: "Accruals and deferrals" },
  "statements.group.produitsExploitation": { fr: "Produits d'exploitation", en: "Operating income" },
  "statements.group.quotesPartsProduits": {
    fr: "Quotes-parts de résultat sur opérations faites en commun (produits)",
    en: "Joint operations (income)",
  },
  "statements.group.produitsFinanciers": { fr: "Produits financiers", en: "Financial income" },
  "statements.group.produitsExceptionnels": { fr: "Produits exceptionnels", en: "Exceptional income" },
  "statements.group.chargesExploitation": { fr: "Charges d'exploitation", en: "Operating expenses" },
  "statements.group.quotesPartsCharges": {
    fr: "Quotes-parts de résultat sur opérations faites en commun (charges)",
    en: "Joint operations (expenses)",
  },
  "statements.group.chargesFinancieres": { fr: "Charges financières", en: "Financial expenses" },
  "statements.group.chargesExceptionnelles": { fr: "Charges exceptionnelles", en: "Exceptional expenses" },
  "statements.group.participationImpots": {
    fr: "Participation et impôts sur les bénéfices",
    en: "Profit-sharing and income tax",
  },
  "statements.total.actif": { fr: "Total actif", en: "Total assets" },
  "statements.total.passif": { fr: "Total passif", en: "Total equity and liabilities" },
  "statements.total.produits": { fr: "Total des produits", en: "Total income" },
  "statements.total.charges": { fr: "Total des charges", en: "Total expenses" },
  "statements.total.group": { fr: "Total {group}", en: "Total {group}" },
  "statements.result.exploitation": { fr: "Résultat d'exploitation", en: "Operating profit or loss" },
  "statements.result.financier": { fr: "Résultat financier", en: "Financial profit or loss" },
  "statements.result.courantAvantImpots": {
    fr: "Résultat courant avant impôts",
    en: "Profit or loss before exceptional items and tax",
  },
  "statements.result.exceptionnel": { fr: "Résultat exceptionnel", en: "Exceptional profit or loss" },
  "statements.result.exercice": { fr: "Résultat de l'exercice", en: "Profit or loss for the year" },
  "statements.resultatFromIncomeStatement": {
    fr: "Produits − charges (compte de résultat)",
    en: "Income − expenses (income statement)",
  },

  // The tab.
  "statements.tab": { fr: "États financiers", en: "Financial statements" },
  "statements.tabs": { fr: "État affiché", en: "Statement shown" },
  "statements.bilan": { fr: "Bilan", en: "Balance sheet" },
  "statements.compteDeResultat": { fr: "Compte de résultat", en: "Income statement" },
  "statements.actif": { fr: "Actif", en: "Assets" },
  "statements.passif": { fr: "Passif", en: "Equity and liabilities" },
  "statements.produits": { fr: "Produits", en: "Income" },
  "statements.charges": { fr: "Charges", en: "Expenses" },
  "statements.col.rubric": { fr: "Rubrique", en: "Item" },
  "statements.col.gross": { fr: "Brut", en: "Gross" },
  "statements.col.depreciation": { fr: "Amort. et dépréc.", en: "Depreciation" },
  "statements.col.net": { fr: "Net {year}", en: "Net {year}" },
  "statements.col.amount": { fr: "Exercice {year}", en: "Year {year}" },
  "statements.asOf": {
    fr: "Situation au {date}, depuis l'ouverture de l'exercice.",
    en: "Position at {date}, since the start of the financial year.",
  },
  "statements.noPrevious": {
    fr: "L'exercice précédent n'est pas importé : pas de colonne N-1.",
    en: "The previous financial year is not imported: no prior-year column.",
  },
  "statements.showAccounts": { fr: "Voir les comptes de {rubric}", en: "Show the accounts of {rubric}" },
  "statements.hideAccounts": { fr: "Masquer les comptes de {rubric}", en: "Hide the accounts of {rubric}" },
  "statements.empty": {
    fr: "Aucun compte de bilan ou de gestion ne porte de solde sur cette période : les états sont vides.",
    en: "No balance-sheet or income-statement account has a balance over this period: the statements are empty.",
  },
  "statements.unclassified": {
    fr: "Comptes hors bilan et hors gestion (classes 8, 9…), non repris dans les états : {accounts}.",
    en: "Off-balance-sheet and other accounts (classes 8, 9…), not in the statements: {accounts}.",
  },
  "statements.unbalanced": {
    fr: "Le total de l'actif diffère de celui du passif : le fichier importé n'est pas équilibré sur ces comptes.",
    en: "Total assets differ from total equity and liabilities: the imported file does not balance on these accounts.",
  },
});
