import { defineMessages } from "../define";

/** The invitation card's preview in the proposal dialog. */
export const cardPreviewMessages = defineMessages({
  "cardPreview.title": { fr: "Aperçu de la carte envoyée au client", en: "Preview of the card sent to the client" },
  "cardPreview.loading": { fr: "Préparation de l'aperçu…", en: "Preparing the preview…" },
  "cardPreview.label": {
    fr: "Carte d'invitation Teams pour « {service} »",
    en: "Teams invitation card for “{service}”",
  },
});
