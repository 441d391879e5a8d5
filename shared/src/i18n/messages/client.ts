import { defineMessages } from "../define";

/** The client's read-only space: *Ma société*, the *fiche société* and the no-access pages. */
export const clientMessages = defineMessages({
  "client.home.search": { fr: "Rechercher société", en: "Search companies" },
  "client.home.searchPlaceholder": { fr: "Nom, code ou SIREN", en: "Name, code or SIREN" },
  "client.home.count_one": { fr: "{count} société", en: "{count} company" },
  "client.home.count_other": { fr: "{count} sociétés", en: "{count} companies" },
  "client.home.countNone": { fr: "Aucune société", en: "No company" },
  "client.home.sort": { fr: "Trier par", en: "Sort by" },
  "client.home.sort.asc": { fr: "Nom A-Z", en: "Name A-Z" },
  "client.home.sort.desc": { fr: "Nom Z-A", en: "Name Z-A" },
  "client.home.listLabel": { fr: "Vos sociétés", en: "Your companies" },
  "client.home.openFiche": { fr: "Voir la fiche société", en: "View company details" },
  "client.home.openFicheOf": { fr: "Voir la fiche société {name}", en: "View company details {name}" },
  "client.home.city": { fr: "Ville", en: "City" },
  "client.home.noMatch.title": {
    fr: "Aucune société ne correspond à votre recherche",
    en: "No company matches your search",
  },
  "client.home.noMatch.body": {
    fr: "Vérifiez l'orthographe, ou cherchez par code ou par SIREN. Effacez la recherche pour revoir toutes vos sociétés.",
    en: "Check the spelling, or search by code or SIREN. Clear the search to see all your companies again.",
  },
  "client.noAccess.title": {
    fr: "Vous n'avez pas encore accès à votre espace",
    en: "You do not have access to your space yet",
  },
  "client.noAccess.why": {
    fr: "Votre espace de consultation s'ouvre dès que votre cabinet comptable a activé pour vous un service collaboratif sur votre société.",
    en: "Your consultation space opens as soon as your accounting firm has activated a collaborative service for you on your company.",
  },
  "client.noAccess.justAccepted": {
    fr: "Si vous venez d'accepter l'invitation du cabinet, patientez un instant puis rechargez la page.",
    en: "If you have just accepted the firm's invitation, wait a moment, then reload the page.",
  },
  "client.noAccess.contactFirm": {
    fr: "Sinon, contactez votre cabinet d'expertise comptable, {firm}.",
    en: "Otherwise, contact your accounting firm, {firm}.",
  },
  "client.noAccess.reload": { fr: "Recharger la page", en: "Reload the page" },
  "client.waiting.title": { fr: "Ce qui manque encore", en: "What is still missing" },
  "client.waiting.extensionInactive": {
    fr: "{societe} : votre cabinet n'a pas encore ouvert l'espace de consultation (il doit encore activer le widget collaboratif de votre dossier).",
    en: "{societe}: your firm has not opened the consultation space yet (it still has to activate your dossier's collaborative widget).",
  },
  "client.waiting.offerInactive": {
    fr: "{societe} : l'offre Consultation de votre dossier n'est pas encore active au cabinet.",
    en: "{societe}: your dossier's Consultation offer is not active at the firm yet.",
  },
  "client.waiting.firmTold": {
    fr: "{firm} a été prévenu de votre visite. Revenez un peu plus tard ou rechargez la page : votre espace s'ouvrira dès que ce sera fait.",
    en: "{firm} has been told of your visit. Come back a little later or reload the page: your space opens as soon as it is done.",
  },
  "client.revoked.title": {
    fr: "Vous n'avez plus accès à cette société",
    en: "You no longer have access to this company",
  },
  "client.revoked.body": {
    fr: "Votre cabinet comptable a retiré ou suspendu votre accès à cette société, ou elle n'existe plus. Pour en savoir plus, contactez votre cabinet d'expertise comptable.",
    en: "Your accounting firm has withdrawn or suspended your access to this company, or it no longer exists. To find out more, contact your accounting firm.",
  },
  "client.revoked.bodyFirm": {
    fr: "Votre cabinet comptable a retiré ou suspendu votre accès à cette société, ou elle n'existe plus. Pour en savoir plus, contactez votre cabinet d'expertise comptable, {firm}.",
    en: "Your accounting firm has withdrawn or suspended your access to this company, or it no longer exists. To find out more, contact your accounting firm, {firm}.",
  },
  "client.back": { fr: "Retour à Ma société", en: "Back to My company" },
  "client.readOnly": { fr: "Lecture seule", en: "Read-only" },
  "client.fiche.title": { fr: "Fiche société", en: "Company details" },
  "client.fiche.identity": { fr: "Identité de la société", en: "Company identity" },
  "client.fiche.name": { fr: "Raison sociale", en: "Company name" },
  "client.fiche.siren": { fr: "SIREN", en: "SIREN" },
  "client.fiche.legalForm": { fr: "Forme juridique", en: "Legal form" },
  "client.fiche.legalFormValue": { fr: "{code} — {label}", en: "{code} — {label}" },
  "client.fiche.address": { fr: "Adresse", en: "Address" },
  "client.fiche.naf": { fr: "Code NAF", en: "NAF code" },
  "client.fiche.closing": { fr: "Date de clôture", en: "Year-end closing date" },
  "client.fiche.notSet": { fr: "Non renseigné", en: "Not provided" },
  "client.fiche.etablissements": { fr: "Établissements", en: "Establishments" },
  "client.fiche.etablissements.code": { fr: "Code", en: "Code" },
  "client.fiche.etablissements.name": { fr: "Nom", en: "Name" },
  "client.fiche.etablissements.siret": { fr: "SIRET", en: "SIRET" },
  "client.fiche.etablissements.empty": {
    fr: "Aucun établissement n'est partagé avec vous pour cette société.",
    en: "No establishment of this company is shared with you.",
  },
  "client.fiche.firm.title": { fr: "Votre interlocuteur au cabinet", en: "Your contact at the firm" },
  "client.fiche.firm.contact": { fr: "Collaborateur en charge", en: "Accountant in charge" },
  "client.fiche.firm.email": { fr: "E-mail du collaborateur", en: "Accountant's e-mail" },
  "client.fiche.firm.phone": { fr: "Téléphone du collaborateur", en: "Accountant's phone" },
  "client.fiche.firm.name": { fr: "Cabinet", en: "Firm" },
  "client.accounting.title": { fr: "Comptabilité", en: "Accounting" },
});
