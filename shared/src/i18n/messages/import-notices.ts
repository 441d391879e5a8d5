import { defineMessages } from "../define";

/** The client's card when new accounting is imported, its opt-out, and the staff's list of who was told. */
export const importNoticeMessages = defineMessages({
  "importNotice.card.title": { fr: "Nouvelle comptabilité disponible", en: "New accounts available" },
  "importNotice.card.text": {
    fr: "Le cabinet a importé la comptabilité de {dossier} pour l'exercice clos le {exercice}.",
    en: "The firm imported the accounts of {dossier} for the year ended {exercice}.",
  },
  "importNotice.card.limited": {
    fr: "Chiffres limités à vos établissements.",
    en: "Figures limited to your establishments.",
  },
  "importNotice.card.chiffreAffaires": { fr: "Chiffre d'affaires", en: "Revenue" },
  "importNotice.card.resultat": { fr: "Résultat", en: "Net income" },
  "importNotice.card.tresorerie": { fr: "Trésorerie", en: "Cash" },
  "importNotice.card.withPrevious": { fr: "{value} (N-1 : {previous})", en: "{value} (prior year: {previous})" },
  "importNotice.card.open": { fr: "Ouvrir la synthèse", en: "Open the summary" },
  "importNotice.card.turnOff": { fr: "Ne plus me prévenir", en: "Stop notifying me" },
  "importNotice.card.turnOn": { fr: "Me prévenir à nouveau", en: "Notify me again" },
  "importNotice.card.offTitle": { fr: "Vous ne serez plus prévenu", en: "You will no longer be notified" },
  "importNotice.card.offText": {
    fr: "Vous ne recevrez plus de message quand le cabinet importe une nouvelle comptabilité.",
    en: "You will no longer get a message when the firm imports new accounts.",
  },
  "importNotice.card.onTitle": { fr: "Vous serez prévenu", en: "You will be notified" },
  "importNotice.card.onText": {
    fr: "Vous recevrez un message à chaque nouvelle comptabilité importée par le cabinet.",
    en: "You will get a message each time the firm imports new accounts.",
  },

  "importNotice.pref.label": { fr: "Prévenir lors d'une nouvelle comptabilité", en: "Notify on new accounts" },
  "importNotice.pref.hint": {
    fr: "Une carte Teams avec les chiffres clés à chaque import FEC d'un dossier consulté.",
    en: "A Teams card with the key figures after each FEC import of a dossier they consult.",
  },

  "importNotice.list.title": { fr: "Interlocuteurs prévenus", en: "Contacts notified" },
  "importNotice.list.empty": {
    fr: "Personne à prévenir pour cet import : aucun interlocuteur n'a de Consultation active sur ce dossier.",
    en: "No one to notify for this import: no contact has an active Consultation on this dossier.",
  },
  "importNotice.list.contact": { fr: "Interlocuteur", en: "Contact" },
  "importNotice.list.status": { fr: "État", en: "Status" },
  "importNotice.list.when": { fr: "Le", en: "When" },
  "importNotice.list.column": { fr: "Prévenus", en: "Notified" },
  "importNotice.list.close": { fr: "Fermer", en: "Close" },
  "importNotice.status.queued": { fr: "En file d'attente", en: "Queued" },
  "importNotice.status.sent": { fr: "Envoyé", en: "Sent" },
  "importNotice.status.failed": { fr: "Échec de l'envoi", en: "Sending failed" },
  "importNotice.status.skipped": { fr: "Non prévenu", en: "Not notified" },
  "importNotice.reason.optedOut": { fr: "notifications désactivées", en: "notifications turned off" },
  "importNotice.reason.noLines": {
    fr: "aucune écriture sur ses établissements",
    en: "no entries for their establishments",
  },
  "importNotice.reason.unreachable": {
    fr: "pas encore joignable dans Teams",
    en: "not yet reachable in Teams",
  },
});
