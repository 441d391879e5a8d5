import { defineMessages } from "../define";

/** Bulk proposals (campagnes, issue 19 part 2): statuses and the failures report's export. */
export const campaignMessages = defineMessages({
  "campaign.status.running": { fr: "En cours", en: "Running" },
  "campaign.status.paused": { fr: "En pause", en: "Paused" },
  "campaign.status.cancelled": { fr: "Annulée", en: "Cancelled" },
  "campaign.status.done": { fr: "Terminée", en: "Finished" },
  "campaign.csv.fileName": { fr: "campagne-echecs", en: "campaign-failures" },
  "campaign.csv.contact": { fr: "Interlocuteur", en: "Contact" },
  "campaign.csv.email": { fr: "E-mail", en: "E-mail" },
  "campaign.csv.dossierCode": { fr: "Code dossier", en: "Dossier code" },
  "campaign.csv.dossierName": { fr: "Dossier", en: "Dossier" },
  "campaign.csv.code": { fr: "Code d'erreur", en: "Error code" },
  "campaign.csv.reason": { fr: "Motif", en: "Reason" },
  "campaign.csv.at": { fr: "Date", en: "Date" },
});
