import { defineMessages } from "../define";

/**
 * The accounting screens of the tab: the views shared by staff and clients (synthèse, balance, grand
 * livre, journaux, exports) and the staff's FEC import. Class, SIG and key-figure labels and the FEC
 * anomaly messages live in accounting.ts and errors.ts.
 */
export const accountingUiMessages = defineMessages({
  "accountingUi.title": { fr: "Comptabilité", en: "Accounting" },
  "accountingUi.tabs": { fr: "Vues comptables", en: "Accounting views" },
  "accountingUi.tab.synthese": { fr: "Synthèse", en: "Summary" },
  "accountingUi.tab.balance": { fr: "Balance", en: "Trial balance" },
  "accountingUi.tab.grandLivre": { fr: "Grand livre", en: "General ledger" },
  "accountingUi.tab.journaux": { fr: "Journaux", en: "Journals" },

  // Period and search.
  "accountingUi.period": { fr: "Période", en: "Period" },
  "accountingUi.period.exercice": { fr: "Exercice", en: "Financial year" },
  "accountingUi.period.exerciceOption": {
    fr: "Exercice du {start} au {end}",
    en: "Financial year {start} to {end}",
  },
  "accountingUi.period.from": { fr: "Du mois", en: "From" },
  "accountingUi.period.to": { fr: "Au mois", en: "To" },
  "accountingUi.period.months": { fr: "de {from} à {to}", en: "{from} to {to}" },
  "accountingUi.search": { fr: "Rechercher", en: "Search" },
  "accountingUi.search.balance": { fr: "Numéro ou libellé de compte", en: "Account number or name" },
  "accountingUi.search.grandLivre": {
    fr: "Libellé, pièce ou n° d'écriture",
    en: "Description, document or entry number",
  },
  "accountingUi.search.journaux": {
    fr: "Débuts de mots : libellé, compte, pièce, n° d'écriture",
    en: "Beginnings of words: description, account, document, entry number",
  },
  "accountingUi.source": {
    fr: "Données issues du FEC importé le {date}.",
    en: "Figures from the FEC imported on {date}.",
  },
  "accountingUi.sourceStaff": {
    fr: "Données issues du FEC {fileName}, importé le {date} par {name}.",
    en: "Figures from the FEC {fileName}, imported on {date} by {name}.",
  },
  "accountingUi.restricted": {
    fr: "Vous ne voyez que les écritures des établissements auxquels votre accès est limité.",
    en: "You only see the entries of the establishments your access is limited to.",
  },
  "accountingUi.amountsInEuros": { fr: "Montants en euros.", en: "Amounts in euros." },
  "accountingUi.updating": { fr: "Mise à jour…", en: "Updating…" },

  // Empty states.
  "accountingUi.empty.title": {
    fr: "Aucune écriture importée pour cet exercice",
    en: "No entries imported for this financial year",
  },
  "accountingUi.empty.staff": {
    fr: "Importez ci-dessus le fichier des écritures comptables (FEC) de l'exercice : la synthèse, la balance, le grand livre et les journaux apparaîtront ici, et le client les verra dans sa fiche société.",
    en: "Import the financial year's accounting entries file (FEC) above: the summary, trial balance, general ledger and journals will appear here, and the client will see them on their company page.",
  },
  "accountingUi.empty.client": {
    fr: "La synthèse, la balance, le grand livre et les journaux de votre société apparaîtront ici dès que votre cabinet aura importé son fichier des écritures comptables (FEC).",
    en: "Your company's summary, trial balance, general ledger and journals will appear here as soon as your firm has imported its accounting entries file (FEC).",
  },
  "accountingUi.j.indexPending": {
    fr: "L'index de recherche de cet import est en préparation : cette recherche a parcouru toutes les écritures. Les suivantes seront plus rapides dans quelques instants.",
    en: "This import's search index is being prepared: this search read every entry. The next ones will be faster in a few moments.",
  },
  "accountingUi.noMatch": {
    fr: "Aucune écriture ne correspond à cette période ou à cette recherche.",
    en: "No entries match this period or search.",
  },

  // Synthèse.
  "accountingUi.synthese.keyFigures": { fr: "Chiffres clés", en: "Key figures" },
  "accountingUi.synthese.previous": { fr: "N-1 : {amount}", en: "Prior year: {amount}" },
  "accountingUi.synthese.noPrevious": { fr: "N-1 non importé", en: "Prior year not imported" },
  "accountingUi.synthese.variation": { fr: "{value} % par rapport à N-1", en: "{value}% on prior year" },
  "accountingUi.synthese.sig": { fr: "Soldes intermédiaires de gestion", en: "Intermediate management balances" },
  "accountingUi.synthese.sigLine": { fr: "Solde", en: "Balance" },
  "accountingUi.synthese.current": { fr: "Exercice N", en: "Year N" },
  "accountingUi.synthese.previousYear": { fr: "Exercice N-1", en: "Year N-1" },
  "accountingUi.synthese.charts": { fr: "Évolution mensuelle", en: "Month by month" },
  "accountingUi.chart.ca": { fr: "Chiffre d'affaires mensuel", en: "Monthly revenue" },
  "accountingUi.chart.resultat": { fr: "Résultat mensuel", en: "Monthly profit" },
  "accountingUi.chart.tresorerie": { fr: "Trésorerie en fin de mois", en: "Cash at month end" },
  "accountingUi.chart.month": { fr: "Mois", en: "Month" },

  // Columns.
  "accountingUi.col.compte": { fr: "Compte", en: "Account" },
  "accountingUi.col.libelle": { fr: "Libellé", en: "Description" },
  "accountingUi.col.compteLib": { fr: "Intitulé du compte", en: "Account name" },
  "accountingUi.col.opening": { fr: "À-nouveaux", en: "Opening balances" },
  "accountingUi.col.movements": { fr: "Mouvements de la période", en: "Movements for the period" },
  "accountingUi.col.closing": { fr: "Solde", en: "Balance" },
  "accountingUi.col.debit": { fr: "Débit", en: "Debit" },
  "accountingUi.col.credit": { fr: "Crédit", en: "Credit" },
  "accountingUi.col.closingDebit": { fr: "Solde débiteur", en: "Debit balance" },
  "accountingUi.col.closingCredit": { fr: "Solde créditeur", en: "Credit balance" },
  "accountingUi.col.debiteur": { fr: "Débiteur", en: "Debit" },
  "accountingUi.col.crediteur": { fr: "Créditeur", en: "Credit" },
  "accountingUi.col.date": { fr: "Date", en: "Date" },
  "accountingUi.col.journal": { fr: "Journal", en: "Journal" },
  "accountingUi.col.piece": { fr: "Pièce", en: "Document" },
  "accountingUi.col.runningBalance": { fr: "Solde progressif", en: "Running balance" },
  "accountingUi.col.lettrage": { fr: "Lettrage", en: "Matching" },
  "accountingUi.col.ecriture": { fr: "N° d'écriture", en: "Entry no." },

  // Balance.
  "accountingUi.balance.caption": { fr: "Balance générale, {period}", en: "Trial balance, {period}" },
  "accountingUi.balance.class": { fr: "Classe {n} — {label}", en: "Class {n} — {label}" },
  "accountingUi.balance.classTotal": { fr: "Total classe {n}", en: "Class {n} total" },
  "accountingUi.balance.total": { fr: "Total général", en: "Grand total" },
  "accountingUi.balance.showAux": {
    fr: "Afficher les comptes auxiliaires du compte {compte}",
    en: "Show the subsidiary accounts of account {compte}",
  },
  "accountingUi.balance.auxCount_one": { fr: "{count} compte auxiliaire", en: "{count} subsidiary account" },
  "accountingUi.balance.auxCount_other": { fr: "{count} comptes auxiliaires", en: "{count} subsidiary accounts" },

  // Grand livre.
  "accountingUi.gl.account": { fr: "Compte", en: "Account" },
  "accountingUi.gl.allAccounts": { fr: "Tous les comptes", en: "All accounts" },
  "accountingUi.gl.accountPlaceholder": { fr: "Numéro ou libellé", en: "Number or name" },
  "accountingUi.gl.unlettered": { fr: "Lignes non lettrées uniquement", en: "Unmatched lines only" },
  "accountingUi.gl.tableCaption": { fr: "Grand livre, {period}", en: "General ledger, {period}" },
  "accountingUi.gl.caption": { fr: "Compte {compte} — {libelle}", en: "Account {compte} — {libelle}" },
  "accountingUi.gl.broughtForward": { fr: "Solde reporté", en: "Balance brought forward" },
  "accountingUi.gl.carriedFromPage": {
    fr: "Report de la page précédente",
    en: "Carried over from the previous page",
  },
  "accountingUi.gl.accountTotal": { fr: "Total du compte {compte}", en: "Account {compte} total" },
  "accountingUi.gl.letterPartial": { fr: "partiel", en: "partial" },
  "accountingUi.gl.lineCount_one": { fr: "{count} ligne", en: "{count} line" },
  "accountingUi.gl.lineCount_other": { fr: "{count} lignes", en: "{count} lines" },
  "accountingUi.side.debit": { fr: "débiteur", en: "debit" },
  "accountingUi.side.credit": { fr: "créditeur", en: "credit" },
  "accountingUi.side.debitShort": { fr: "D", en: "Dr" },
  "accountingUi.side.creditShort": { fr: "C", en: "Cr" },

  // Journaux.
  "accountingUi.j.journal": { fr: "Journal", en: "Journal" },
  "accountingUi.j.allJournals": { fr: "Tous les journaux", en: "All journals" },
  "accountingUi.codeAndLabel": { fr: "{code} — {label}", en: "{code} — {label}" },
  "accountingUi.j.caption": { fr: "Journal {code} — {label}", en: "Journal {code} — {label}" },
  "accountingUi.j.ecriture": {
    fr: "Écriture {num} du {date}, pièce {piece} : {label}",
    en: "Entry {num} of {date}, document {piece}: {label}",
  },
  "accountingUi.j.total": { fr: "Total du journal {code}", en: "Journal {code} total" },
  "accountingUi.j.count_one": { fr: "{count} écriture", en: "{count} entry" },
  "accountingUi.j.count_other": { fr: "{count} écritures", en: "{count} entries" },

  // Paging.
  "accountingUi.pager": { fr: "Pages", en: "Pages" },
  "accountingUi.pager.status": { fr: "Page {page} sur {count}", en: "Page {page} of {count}" },
  "accountingUi.pager.previous": { fr: "Page précédente", en: "Previous page" },
  "accountingUi.pager.next": { fr: "Page suivante", en: "Next page" },

  // Exports.
  "accountingUi.export.group": { fr: "Exporter", en: "Export" },
  "accountingUi.export.csv": { fr: "Exporter en CSV", en: "Export as CSV" },
  "accountingUi.export.xlsx": { fr: "Exporter en XLSX", en: "Export as XLSX" },
  "accountingUi.export.pending": { fr: "Préparation du fichier…", en: "Preparing the file…" },
  "accountingUi.export.done": { fr: "Fichier {fileName} téléchargé.", en: "File {fileName} downloaded." },

  // FEC import (staff).
  "fecImport.title": { fr: "Import du FEC", en: "FEC import" },
  "fecImport.intro": {
    fr: "Le fichier des écritures comptables (FEC) d'un exercice alimente la synthèse, la balance, le grand livre et les journaux que le client consulte dans sa fiche société.",
    en: "A financial year's accounting entries file (FEC) feeds the summary, trial balance, general ledger and journals the client reads on their company page.",
  },
  "fecImport.exercice": { fr: "Exercice importé", en: "Financial year to import" },
  "fecImport.start": { fr: "Début de l'exercice", en: "Start of the financial year" },
  "fecImport.end": { fr: "Clôture de l'exercice", en: "Closing date" },
  "fecImport.invalidExercice": {
    fr: "La clôture doit suivre le début, et l'exercice durer 24 mois au plus.",
    en: "The closing date must follow the start, and the financial year last 24 months at most.",
  },
  "fecImport.drop.title": { fr: "Déposez le fichier FEC ici", en: "Drop the FEC file here" },
  "fecImport.drop.or": { fr: "ou", en: "or" },
  "fecImport.drop.choose": { fr: "Choisir un fichier", en: "Choose a file" },
  "fecImport.drop.hint": {
    fr: "Nom attendu : {pattern}. Texte séparé par des tabulations ou des « | », {max} au plus.",
    en: "Expected name: {pattern}. Text separated by tabs or “|”, {max} at most.",
  },
  "fecImport.drop.siren": { fr: "SIREN", en: "SIREN" },
  "fecImport.drop.input": { fr: "Fichier FEC", en: "FEC file" },
  "fecImport.selected": { fr: "Fichier choisi : {name} ({size})", en: "Chosen file: {name} ({size})" },
  "fecImport.tooLarge": {
    fr: "Ce fichier pèse {size} : la taille maximale est de {max}.",
    en: "This file weighs {size}: the maximum size is {max}.",
  },
  "fecImport.action.import": { fr: "Importer", en: "Import" },
  "fecImport.action.cancel": { fr: "Annuler l'envoi", en: "Cancel the upload" },
  "fecImport.progress": { fr: "Envoi du fichier", en: "Uploading the file" },
  "fecImport.uploading": { fr: "Envoi du fichier… {percent} %", en: "Uploading the file… {percent}%" },
  "fecImport.validating": { fr: "Validation en cours…", en: "Validating…" },
  "fecImport.cancelled": { fr: "Envoi annulé : rien n'a été importé.", en: "Upload cancelled: nothing was imported." },
  "fecImport.replace.title": { fr: "Remplacer l'exercice déjà importé ?", en: "Replace the imported financial year?" },
  "fecImport.replace.body": {
    fr: "Le FEC de l'exercice clos le {end} a déjà été importé le {date} ({fileName}). Le nouveau fichier le remplacera entièrement s'il ne comporte aucune erreur bloquante ; sinon les données actuelles resteront en place.",
    en: "The FEC of the financial year ending {end} was already imported on {date} ({fileName}). The new file will replace it entirely if it has no blocking error; otherwise the current figures stay in place.",
  },
  "fecImport.replace.confirm": { fr: "Remplacer", en: "Replace" },

  // Validation report.
  "fecImport.report.title": { fr: "Rapport de validation", en: "Validation report" },
  "fecImport.report.rejected": {
    fr: "Fichier refusé : rien n'a été importé",
    en: "File rejected: nothing was imported",
  },
  "fecImport.report.rejectedBody_one": {
    fr: "{count} erreur bloquante. Corrigez le fichier puis importez-le à nouveau ; les données déjà importées restent consultables.",
    en: "{count} blocking error. Fix the file and import it again; the figures already imported remain available.",
  },
  "fecImport.report.rejectedBody_other": {
    fr: "{count} erreurs bloquantes. Corrigez le fichier puis importez-le à nouveau ; les données déjà importées restent consultables.",
    en: "{count} blocking errors. Fix the file and import it again; the figures already imported remain available.",
  },
  "fecImport.report.imported": { fr: "Import réussi", en: "Import complete" },
  "fecImport.report.importedBody": {
    fr: "{lines} lignes et {ecritures} écritures importées pour l'exercice du {start} au {end}.",
    en: "{lines} lines and {ecritures} entries imported for the financial year {start} to {end}.",
  },
  "fecImport.report.warnings_one": {
    fr: "{count} avertissement : il n'a pas empêché l'import.",
    en: "{count} warning: it did not prevent the import.",
  },
  "fecImport.report.warnings_other": {
    fr: "{count} avertissements : ils n'ont pas empêché l'import.",
    en: "{count} warnings: they did not prevent the import.",
  },
  "fecImport.report.caption": { fr: "Anomalies relevées dans {fileName}", en: "Issues found in {fileName}" },
  "fecImport.report.line": { fr: "Ligne", en: "Line" },
  "fecImport.report.severity": { fr: "Gravité", en: "Severity" },
  "fecImport.report.message": { fr: "Message", en: "Message" },
  "fecImport.severity.error": { fr: "Erreur bloquante", en: "Blocking error" },
  "fecImport.severity.warning": { fr: "Avertissement", en: "Warning" },

  // Import history.
  "fecImport.history.title": { fr: "Historique des imports", en: "Import history" },
  "fecImport.history.empty": { fr: "Aucun FEC importé pour ce dossier.", en: "No FEC imported for this dossier." },
  "fecImport.history.when": { fr: "Date", en: "Date" },
  "fecImport.history.who": { fr: "Par", en: "By" },
  "fecImport.history.file": { fr: "Fichier", en: "File" },
  "fecImport.history.exercice": { fr: "Exercice", en: "Financial year" },
  "fecImport.history.exerciceRange": { fr: "du {start} au {end}", en: "{start} to {end}" },
  "fecImport.history.lines": { fr: "Lignes", en: "Lines" },
  "fecImport.history.checksum": { fr: "Empreinte SHA-256", en: "SHA-256 checksum" },
  "fecImport.history.warnings": { fr: "Avertissements", en: "Warnings" },
  "fecImport.history.status": { fr: "Statut", en: "Status" },
  "fecImport.history.copy": {
    fr: "Copier l'empreinte SHA-256 de {fileName}",
    en: "Copy the SHA-256 checksum of {fileName}",
  },
  "fecImport.history.copied": { fr: "Empreinte copiée.", en: "Checksum copied." },
  "fecImport.history.noChecksum": { fr: "Non calculée", en: "Not computed" },
  "fecImport.status.current": { fr: "En consultation", en: "In use" },
  "fecImport.status.replaced": { fr: "Remplacé", en: "Replaced" },
  "fecImport.status.rejected": { fr: "Refusé", en: "Rejected" },
  "fecImport.status.aborted": { fr: "Interrompu", en: "Interrupted" },
  "fecImport.status.importing": { fr: "En cours", en: "In progress" },
});
