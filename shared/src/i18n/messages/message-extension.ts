import { defineMessages } from "../define";

/** The message extension (Teams compose box, Outlook mail): the "Dossiers" search and the shared dossier card. */
export const messageExtensionMessages = defineMessages({
  "msgext.preview.siren": { fr: "SIREN : {siren}", en: "SIREN: {siren}" },
  "msgext.preview.noSiren": { fr: "SIREN non renseigné", en: "SIREN not set" },
  "msgext.preview.staff": {
    fr: "Offre Consultation : {offer} · {status}",
    en: "Consultation offer: {offer} · {status}",
  },
  "msgext.status.none": { fr: "Aucun service", en: "No service" },
  "msgext.card.collaborative": { fr: "Statut collaboratif", en: "Collaborative status" },
  "msgext.card.liveServices": { fr: "Services en cours", en: "Services in progress" },
  "msgext.card.neutral": {
    fr: "Le suivi de ce dossier est réservé au cabinet. Ouvrez Comptoir pour le consulter si vous y avez accès.",
    en: "Only the firm can follow this dossier. Open Comptoir to view it if you have access.",
  },
  "msgext.action.open": { fr: "Ouvrir dans Comptoir", en: "Open in Comptoir" },
  "msgext.action.openInBrowser": { fr: "Ouvrir dans le navigateur", en: "Open in the browser" },
  "msgext.action.viewStatus": { fr: "Voir le statut", en: "See the status" },
});
