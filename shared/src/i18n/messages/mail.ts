import { defineMessages } from "../define";

/**
 * E-mails and the pages around the client's invitation journey ("Le parcours client"): our own invitation
 * e-mail, plus what the local Microsoft Graph stand-in shows in local mode (Microsoft's invitation e-mail,
 * its consent page, the developer mailbox).
 */
export const mailMessages = defineMessages({
  "mail.invitation.subject": {
    fr: "{firmName} vous invite à consulter votre espace collaboratif",
    en: "{firmName} invites you to your collaborative space",
  },
  "mail.invitation.greeting": { fr: "Bonjour {contactName},", en: "Hello {contactName}," },
  "mail.invitation.intro": {
    fr: "{firmName} vous invite à rejoindre son organisation Microsoft 365 pour accéder au service « {serviceLabel} ». Vous pourrez y consulter votre dossier comptable, en lecture seule, et collaborer avec votre expert-comptable.",
    en: "{firmName} invites you to join its Microsoft 365 organisation to access the “{serviceLabel}” service. There you can view your accounting records, read-only, and work with your accountant.",
  },
  "mail.invitation.button": { fr: "Accepter l'invitation", en: "Accept invitation" },
  "mail.invitation.credentialsTitle": { fr: "Vos identifiants de connexion", en: "Your sign-in details" },
  "mail.invitation.identifierLabel": { fr: "Identifiant", en: "Username" },
  "mail.invitation.identifierHint": {
    fr: "l'adresse e-mail à laquelle vous recevez ce message",
    en: "the e-mail address this message was sent to",
  },
  "mail.invitation.passwordLabel": { fr: "Mot de passe", en: "Password" },
  "mail.invitation.passwordValue": {
    fr: "celui de votre compte Microsoft",
    en: "the one of your Microsoft account",
  },
  "mail.invitation.stepsTitle": { fr: "Pour rejoindre votre espace", en: "To join your space" },
  "mail.invitation.step1": {
    fr: "Cliquez sur « Accepter l'invitation ».",
    en: "Select “Accept invitation”.",
  },
  "mail.invitation.step2": {
    fr: "Une fenêtre Microsoft s'ouvre et vous invite à confirmer l'invitation de {firmName} : cliquez sur « Accepter ».",
    en: "A Microsoft window opens and asks you to confirm the invitation from {firmName}: select “Accept”.",
  },
  "mail.invitation.step3": {
    fr: "Si vous n'avez pas de compte Microsoft rattaché à votre adresse e-mail, cliquez sur « Pas de compte ? Créez-en un. » et suivez les étapes avec cette même adresse.",
    en: "If no Microsoft account is linked to your e-mail address, select “No account? Create one!” and follow the steps with this same address.",
  },
  "mail.invitation.fallbackLink": {
    fr: "Si le bouton ne fonctionne pas, copiez ce lien dans votre navigateur :",
    en: "If the button does not work, copy this link into your browser:",
  },
  "mail.invitation.ignore": {
    fr: "Vous n'attendiez pas cette invitation ? Ignorez simplement ce message.",
    en: "Not expecting this invitation? Simply ignore this message.",
  },
  "mail.invitation.signature": { fr: "Le cabinet {firmName}", en: "{firmName}" },
  "mail.space.title": { fr: "Votre espace, à garder dans vos favoris", en: "Your space, worth bookmarking" },
  "mail.space.body": {
    fr: "Ce lien ouvre toujours votre espace, dans votre navigateur comme depuis Teams ou Outlook. Connectez-vous avec votre identifiant et le mot de passe de votre compte Microsoft.",
    en: "This link always opens your space, in your browser as well as from Teams or Outlook. Sign in with your username and the password of your Microsoft account.",
  },
  "mail.space.afterAccept": {
    fr: "Une fois l'invitation acceptée, ce lien ouvre votre espace, dans votre navigateur comme depuis Teams ou Outlook :",
    en: "Once the invitation is accepted, this link opens your space, in your browser as well as from Teams or Outlook:",
  },
  "mail.newService.subject": {
    fr: "{firmName} vous ouvre un nouveau service : {serviceLabel}",
    en: "{firmName} opens a new service for you: {serviceLabel}",
  },
  "mail.newService.intro": {
    fr: "{firmName} vous ouvre le service « {serviceLabel} ». Vous avez déjà rejoint son organisation Microsoft 365 : il n'y a rien à accepter, le service vous attend dans votre espace.",
    en: "{firmName} opens the “{serviceLabel}” service for you. You already joined its Microsoft 365 organisation: there is nothing to accept, the service is waiting in your space.",
  },
  "mail.newService.button": { fr: "Ouvrir mon espace", en: "Open my space" },

  // What Microsoft sends when an invitation is created with sendInvitationMessage (local stand-in).
  "mail.msInvitation.subject": {
    fr: "{organization} vous a invité à accéder aux applications de son organisation",
    en: "{organization} invited you to access applications within their organization",
  },
  "mail.msInvitation.body": {
    fr: "Vous avez été invité à rejoindre l'organisation {organization}. Acceptez l'invitation pour accéder à ses applications.",
    en: "You have been invited to join the {organization} organization. Accept the invitation to access its applications.",
  },

  // Microsoft's consent page when redeeming an invitation (local stand-in).
  "mail.redeem.title": { fr: "Examiner les autorisations", en: "Review permissions" },
  "mail.redeem.organization": { fr: "Organisation : {organization}", en: "Organization: {organization}" },
  "mail.redeem.signedInAs": { fr: "Connecté en tant que {email}", en: "Signed in as {email}" },
  "mail.redeem.permissionsIntro": {
    fr: "Cette organisation souhaite :",
    en: "This organization would like to:",
  },
  "mail.redeem.permissionSignIn": {
    fr: "Vous connecter et lire votre nom, votre adresse e-mail et votre photo",
    en: "Sign you in and read your name, e-mail address and photo",
  },
  "mail.redeem.accept": { fr: "Accepter", en: "Accept" },
  "mail.redeem.cancel": { fr: "Annuler", en: "Cancel" },
  "mail.redeem.localNote": {
    fr: "Page simulée (mode local). Dans Microsoft 365, vous vous connectez d'abord avec votre compte Microsoft ; sans compte, « Pas de compte ? Créez-en un. » permet d'en créer un.",
    en: "Simulated page (local mode). In Microsoft 365, you first sign in with your Microsoft account; without one, “No account? Create one!” lets you create it.",
  },
  "mail.redeem.unknown": {
    fr: "Cette invitation n'existe pas ou n'est plus valable.",
    en: "This invitation does not exist or is no longer valid.",
  },
  "mail.redeem.cancelled": {
    fr: "Vous n'avez pas accepté l'invitation. Vous pouvez fermer cette page.",
    en: "You did not accept the invitation. You can close this page.",
  },

  // The developer mailbox of the local Graph stand-in.
  "mail.devDrive.title": { fr: "Bibliothèque de documents locale", en: "Local document library" },
  "mail.devDrive.intro": {
    fr: "Mode local : déposez ici un FEC dans le dossier d'un dossier client, comme le ferait votre logiciel de production dans SharePoint. Le dépôt automatique de Comptoir l'importe en quelques secondes. Vous pouvez aussi copier le fichier dans {root}.",
    en: "Local mode: drop a FEC here into a client's folder, as your production software would in SharePoint. Comptoir's automatic drop imports it within seconds. You may also copy the file into {root}.",
  },
  "mail.devDrive.folder": { fr: "Dossier", en: "Folder" },
  "mail.devDrive.file": { fr: "Fichier FEC", en: "FEC file" },
  "mail.devDrive.send": { fr: "Déposer", en: "Drop" },
  "mail.devDrive.folderHint": {
    fr: "Un dossier existant de la bibliothèque, ou le nom d'un nouveau dossier (le code du dossier client, par exemple).",
    en: "An existing folder of the library, or the name of a new one (the client file's code, for instance).",
  },
  "mail.devDrive.sent": { fr: "Fichier déposé : {name}.", en: "File dropped: {name}." },
  "mail.devDrive.failed": { fr: "Le dépôt a échoué ({status}).", en: "The drop failed ({status})." },
  "mail.devMailbox.title": { fr: "Boîte aux lettres de développement", en: "Development mailbox" },
  "mail.devMailbox.intro": {
    fr: "Mode local : les e-mails que Microsoft 365 aurait envoyés, du plus récent au plus ancien. Aucun n'a quitté cette machine.",
    en: "Local mode: the e-mails Microsoft 365 would have sent, newest first. None has left this machine.",
  },
  "mail.devMailbox.empty": { fr: "Aucun e-mail pour l'instant.", en: "No e-mail yet." },
  "mail.devMailbox.count_one": { fr: "{count} e-mail", en: "{count} e-mail" },
  "mail.devMailbox.count_other": { fr: "{count} e-mails", en: "{count} e-mails" },
  "mail.devMailbox.to": { fr: "À", en: "To" },
  "mail.devMailbox.from": { fr: "De", en: "From" },
  "mail.devMailbox.sentAt": { fr: "Envoyé le", en: "Sent" },
  "mail.devMailbox.kind": { fr: "Origine", en: "Source" },
  "mail.devMailbox.kindSendMail": {
    fr: "Envoyé par Comptoir (sendMail)",
    en: "Sent by Comptoir (sendMail)",
  },
  "mail.devMailbox.kindInvitation": {
    fr: "Invitation envoyée par Microsoft",
    en: "Invitation sent by Microsoft",
  },
  "mail.devMailbox.bodyFrame": { fr: "Contenu de l'e-mail « {subject} »", en: "Content of the e-mail “{subject}”" },
});
