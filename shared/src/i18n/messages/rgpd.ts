import { defineMessages } from "../define";

/** The RGPD export of one contact, as a printable page (right of access). */
export const rgpdMessages = defineMessages({
  "rgpd.export.title": { fr: "Données personnelles de {name}", en: "Personal data of {name}" },
  "rgpd.export.generatedAt": { fr: "Export généré le {date}", en: "Export generated on {date}" },
  "rgpd.export.identity": { fr: "Identité", en: "Identity" },
  "rgpd.export.links": { fr: "Dossiers client", en: "Client dossiers" },
  "rgpd.export.subscriptions": { fr: "Services collaboratifs", en: "Collaborative services" },
  "rgpd.export.invitations": { fr: "Invitations", en: "Invitations" },
  "rgpd.export.mailsSent": { fr: "E-mails envoyés", en: "E-mails sent" },
  "rgpd.export.conversationReferences": { fr: "Conversations Teams", en: "Teams conversations" },
  "rgpd.export.importNotices": { fr: "Avis d'import", en: "Import notices" },
  "rgpd.export.importNoticesOff": {
    fr: "Avis d'import désactivés par la personne.",
    en: "Import notices turned off by the person.",
  },
  "rgpd.export.earlyArrivals": {
    fr: "Venues avant l'ouverture de l'espace",
    en: "Visits before the space was open",
  },
  "rgpd.export.auditEvents": { fr: "Journal d'audit", en: "Audit log" },
  "rgpd.export.none": { fr: "Aucune donnée.", en: "No data." },
  "rgpd.export.field": { fr: "Champ", en: "Field" },
  "rgpd.export.value": { fr: "Valeur", en: "Value" },
});
