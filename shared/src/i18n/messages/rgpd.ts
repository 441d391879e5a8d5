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
  "rgpd.export.campaignItems": {
    fr: "Propositions groupées (campagnes)",
    en: "Bulk proposals (campaigns)",
  },
  "rgpd.export.auditEvents": { fr: "Journal d'audit", en: "Audit log" },
  "rgpd.export.none": { fr: "Aucune donnée.", en: "No data." },
  "rgpd.export.field": { fr: "Champ", en: "Field" },
  "rgpd.menu": { fr: "RGPD", en: "GDPR" },
  "rgpd.menu.label": { fr: "Données personnelles (RGPD) de l'interlocuteur", en: "Contact's personal data (GDPR)" },
  "rgpd.action.exportJson": { fr: "Exporter les données (RGPD)", en: "Export the data (GDPR)" },
  "rgpd.action.exportHtml": { fr: "Exporter en page lisible (RGPD)", en: "Export as a readable page (GDPR)" },
  "rgpd.action.erase": { fr: "Effacer les données (RGPD)…", en: "Erase the data (GDPR)…" },
  "rgpd.exported": { fr: "Export téléchargé : {file}", en: "Export downloaded: {file}" },
  "rgpd.erase.title": { fr: "Effacer les données de {name} ?", en: "Erase the data of {name}?" },
  "rgpd.erase.intro": {
    fr: "L'effacement est définitif. Seront supprimés :",
    en: "Erasure is final. These will be deleted:",
  },
  "rgpd.erase.contact": { fr: "la fiche de l'interlocuteur", en: "the contact's record" },
  "rgpd.erase.links": { fr: "dossiers client (liens) : {count}", en: "client dossiers (links): {count}" },
  "rgpd.erase.subscriptions": { fr: "services collaboratifs : {count}", en: "collaborative services: {count}" },
  "rgpd.erase.invitations": {
    fr: "invitations et e-mails envoyés : {count}",
    en: "invitations and e-mails sent: {count}",
  },
  "rgpd.erase.conversations": {
    fr: "références de conversation Teams : {count}",
    en: "Teams conversation references: {count}",
  },
  "rgpd.erase.notices": {
    fr: "préférence et avis d'import : {count}",
    en: "import notice preference and notices: {count}",
  },
  "rgpd.erase.earlyArrivals": {
    fr: "venues avant l'ouverture de l'espace : {count}",
    en: "visits before the space was open: {count}",
  },
  "rgpd.erase.campaignItems": {
    fr: "lignes de campagnes (propositions groupées) : {count}",
    en: "campaign rows (bulk proposals): {count}",
  },
  "rgpd.erase.audit": {
    fr: "Les événements du journal d'audit qui la concernent ({count}) sont gardés, sous le pseudonyme {pseudonym}.",
    en: "The audit log events about them ({count}) are kept, under the pseudonym {pseudonym}.",
  },
  "rgpd.erase.guest.delete": {
    fr: "Son compte invité sera supprimé du tenant du cabinet.",
    en: "Their guest account will be deleted from the firm's tenant.",
  },
  "rgpd.erase.guest.none": { fr: "Aucun compte invité à supprimer.", en: "No guest account to delete." },
  "rgpd.erase.guest.notInvitedByComptoir": {
    fr: "Son compte invité est gardé : Comptoir ne l'a pas créé.",
    en: "Their guest account is kept: Comptoir did not create it.",
  },
  "rgpd.erase.guest.heldElsewhere": {
    fr: "Son compte invité est gardé : il sert encore ailleurs dans Comptoir.",
    en: "Their guest account is kept: it is still used elsewhere in Comptoir.",
  },
  "rgpd.erase.guest.notAGuest": {
    fr: "Son compte est gardé : c'est un membre du cabinet, pas un invité.",
    en: "Their account is kept: it is a member of the firm, not a guest.",
  },
  "rgpd.erase.confirm": { fr: "Effacer définitivement", en: "Erase permanently" },
  "rgpd.erased": {
    fr: "Données de {name} effacées ; le journal d'audit garde les événements sous pseudonyme.",
    en: "Data of {name} erased; the audit log keeps the events under a pseudonym.",
  },
  "rgpd.retention.title": { fr: "Conservation des journaux (RGPD)", en: "Log retention (GDPR)" },
  "rgpd.retention.help": {
    fr: "Les événements du journal d'audit et le journal des e-mails d'invitation plus anciens sont supprimés automatiquement.",
    en: "Audit log events and the invitation e-mail log older than this are deleted automatically.",
  },
  "rgpd.retention.days": { fr: "Durée de conservation (jours)", en: "Retention period (days)" },
  "rgpd.retention.bounds": {
    fr: "Entre {min} et {max} jours (par défaut {default}).",
    en: "Between {min} and {max} days ({default} by default).",
  },
  "rgpd.export.value": { fr: "Valeur", en: "Value" },
});
