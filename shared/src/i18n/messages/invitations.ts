import { defineMessages } from "../define";

/** Staff's view of the invitation pipeline, beside each service of a dossier. */
export const invitationMessages = defineMessages({
  "invitations.mail.queued": { fr: "E-mail en file d'attente", en: "E-mail queued" },
  "invitations.mail.sent": { fr: "E-mail envoyé le {at}", en: "E-mail sent on {at}" },
  "invitations.mail.pending": { fr: "Invitation en préparation", en: "Invitation being prepared" },
  "invitations.error": { fr: "Échec de l'invitation : {message}", en: "Invitation failed: {message}" },
  "invitations.resend": { fr: "Renvoyer", en: "Resend" },
  "invitations.resend.label": {
    fr: "Renvoyer l'invitation de {service}",
    en: "Resend the invitation for {service}",
  },
  "invitations.resend.done": {
    fr: "C'est reparti : l'invitation et l'e-mail sont de nouveau en file d'attente.",
    en: "On its way: the invitation and the e-mail are queued again.",
  },
});
