import { defineMessages } from "../define";

/** Bulk proposals in the tab: choosing rows in Interlocuteurs and Portefeuille, the campaign's progress and report. */
export const campaignUiMessages = defineMessages({
  "staff.selection.allContacts": {
    fr: "Sélectionner tous les interlocuteurs affichés",
    en: "Select all the contacts shown",
  },
  "staff.selection.contact": { fr: "Sélectionner {name}", en: "Select {name}" },
  "staff.selection.allDossiers": { fr: "Sélectionner tous les dossiers affichés", en: "Select all the dossiers shown" },
  "staff.selection.dossier": { fr: "Sélectionner le dossier {code} {name}", en: "Select dossier {code} {name}" },
  "staff.selection.contacts_one": { fr: "{count} interlocuteur sélectionné", en: "{count} contact selected" },
  "staff.selection.contacts_other": { fr: "{count} interlocuteurs sélectionnés", en: "{count} contacts selected" },
  "staff.selection.dossiers_one": { fr: "{count} dossier sélectionné", en: "{count} dossier selected" },
  "staff.selection.dossiers_other": { fr: "{count} dossiers sélectionnés", en: "{count} dossiers selected" },
  "staff.selection.none": { fr: "Aucune sélection", en: "Nothing selected" },
  "staff.selection.toolbar": { fr: "Sélection", en: "Selection" },

  "staff.campaign.propose": { fr: "Proposer un service…", en: "Propose a service…" },
  "staff.campaign.start.title": { fr: "Proposer un service", en: "Propose a service" },
  "staff.campaign.start.help.contacts": {
    fr: "Chaque interlocuteur choisi se verra proposer le service pour chacun de ses dossiers client.",
    en: "Each chosen contact is offered the service for each of their client dossiers.",
  },
  "staff.campaign.start.help.dossiers": {
    fr: "Chaque interlocuteur des dossiers choisis se verra proposer le service pour ce dossier.",
    en: "Each contact of the chosen dossiers is offered the service for that dossier.",
  },
  "staff.campaign.start.next": { fr: "Suivant", en: "Next" },
  "staff.campaign.start.back": { fr: "Retour", en: "Back" },
  "staff.campaign.start.go": { fr: "Proposer", en: "Propose" },
  "staff.campaign.start.pace": {
    fr: "Les invitations partent au rythme permis par Microsoft : vous pouvez suivre la campagne ici, la mettre en pause ou l'annuler.",
    en: "Invitations go out at the pace Microsoft allows: you can follow the campaign here, pause it or cancel it.",
  },
  "staff.campaign.start.tooMany": {
    fr: "Une campagne compte au plus {max} éléments : réduisez la sélection.",
    en: "A campaign holds at most {max} items: make the selection smaller.",
  },
  "staff.campaign.confirm.contacts_one": {
    fr: "Proposer le service « {service} » à {count} interlocuteur ?",
    en: "Propose the service “{service}” to {count} contact?",
  },
  "staff.campaign.confirm.contacts_other": {
    fr: "Proposer le service « {service} » à {count} interlocuteurs ?",
    en: "Propose the service “{service}” to {count} contacts?",
  },
  "staff.campaign.confirm.dossiers_one": {
    fr: "Proposer le service « {service} » aux interlocuteurs de {count} dossier ?",
    en: "Propose the service “{service}” to the contacts of {count} dossier?",
  },
  "staff.campaign.confirm.dossiers_other": {
    fr: "Proposer le service « {service} » aux interlocuteurs de {count} dossiers ?",
    en: "Propose the service “{service}” to the contacts of {count} dossiers?",
  },
  "staff.campaign.started": {
    fr: "Campagne lancée : {total} propositions du service « {service} ».",
    en: "Campaign started: {total} proposals of the service “{service}”.",
  },

  "staff.campaign.panel.title": { fr: "Campagnes de propositions", en: "Proposal campaigns" },
  "staff.campaign.panel.label": {
    fr: "Campagne « {service} » lancée le {date}",
    en: "Campaign “{service}” started on {date}",
  },
  "staff.campaign.progressLabel": { fr: "Avancement", en: "Progress" },
  "staff.campaign.counts": {
    fr: "{handled} sur {total} traitées : {done} faites, {failed} en échec",
    en: "{handled} of {total} handled: {done} done, {failed} failed",
  },
  "staff.campaign.cancelledCount": {
    fr: "{cancelled} non envoyées (annulation)",
    en: "{cancelled} not sent (cancelled)",
  },
  "staff.campaign.timeLeft": { fr: "Temps restant estimé : {time}", en: "Estimated time left: {time}" },
  "staff.campaign.eta.unknown": { fr: "estimation en cours", en: "estimating" },
  "staff.campaign.eta.underMinute": { fr: "moins d'une minute", en: "under a minute" },
  "staff.campaign.eta.minutes": { fr: "environ {minutes} min", en: "about {minutes} min" },
  "staff.campaign.eta.hours": { fr: "environ {hours} h {minutes}", en: "about {hours} h {minutes}" },
  "staff.campaign.pause": { fr: "Pause", en: "Pause" },
  "staff.campaign.resume": { fr: "Reprendre", en: "Resume" },
  "staff.campaign.cancel": { fr: "Annuler la campagne", en: "Cancel the campaign" },
  "staff.campaign.cancel.title": { fr: "Annuler la campagne ?", en: "Cancel the campaign?" },
  "staff.campaign.cancel.body": {
    fr: "Les {pending} propositions qui restent ne partiront pas. Celles déjà faites sont conservées.",
    en: "The {pending} proposals left will not be sent. Those already made are kept.",
  },
  "staff.campaign.cancel.confirm": { fr: "Annuler la campagne", en: "Cancel the campaign" },
  "staff.campaign.cancel.keep": { fr: "Continuer", en: "Keep going" },

  "staff.campaign.report.title": { fr: "Rapport des échecs", en: "Failures report" },
  "staff.campaign.report.show": { fr: "Voir le rapport des échecs", en: "See the failures report" },
  "staff.campaign.report.none": { fr: "Aucun échec.", en: "No failures." },
  "staff.campaign.report.contact": { fr: "Interlocuteur", en: "Contact" },
  "staff.campaign.report.dossier": { fr: "Dossier", en: "Dossier" },
  "staff.campaign.report.reason": { fr: "Motif", en: "Reason" },
  "staff.campaign.report.retry": { fr: "Renvoyer", en: "Send again" },
  "staff.campaign.report.export": { fr: "Exporter le rapport", en: "Export the report" },
  "staff.campaign.report.close": { fr: "Fermer", en: "Close" },
  "staff.campaign.report.fileName": { fr: "campagne-echecs", en: "campaign-failures" },
});
