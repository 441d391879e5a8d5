import { defineMessages } from "../define";

/** The bot's Adaptive Cards (Teams, Outlook) and its chat commands. */
export const cardMessages = defineMessages({
  "cards.status.proposed": { fr: "Proposé", en: "Proposed" },
  "cards.status.invited": { fr: "Invité", en: "Invited" },
  "cards.status.accepted": { fr: "Accepté", en: "Accepted" },
  "cards.status.active": { fr: "Actif", en: "Active" },
  "cards.status.revoked": { fr: "Révoqué", en: "Revoked" },

  "cards.field.firm": { fr: "Cabinet", en: "Firm" },
  "cards.field.dossier": { fr: "Dossier", en: "Dossier" },
  "cards.field.service": { fr: "Service", en: "Service" },
  "cards.field.status": { fr: "Statut", en: "Status" },
  "cards.field.contact": { fr: "Interlocuteur", en: "Contact" },
  "cards.field.email": { fr: "E-mail", en: "Email" },
  "cards.field.phone": { fr: "Téléphone", en: "Phone" },
  "cards.field.mobile": { fr: "Mobile", en: "Mobile" },
  "cards.field.role": { fr: "Rôle organisationnel", en: "Organisational role" },
  "cards.field.lastSignIn": { fr: "Dernière connexion", en: "Last sign-in" },
  "cards.field.code": { fr: "Code", en: "Code" },
  "cards.field.name": { fr: "Nom", en: "Name" },
  "cards.field.siren": { fr: "SIREN", en: "SIREN" },
  "cards.field.responsible": { fr: "Collaborateur", en: "Accountant in charge" },
  "cards.field.consultationOffer": { fr: "Offre Consultation", en: "Consultation offer" },
  "cards.field.extension": { fr: "Extension collaborative", en: "Collaborative extension" },
  "cards.field.proposedBy": { fr: "Proposé par", en: "Proposed by" },
  "cards.field.when": { fr: "Date", en: "Date" },

  "cards.value.on": { fr: "Activée", en: "On" },
  "cards.value.off": { fr: "Désactivée", en: "Off" },
  "cards.value.notSet": { fr: "Non renseigné", en: "Not set" },
  "cards.value.neverSignedIn": { fr: "Jamais connecté", en: "Never signed in" },
  "cards.dossierLabel": { fr: "{code} – {name}", en: "{code} – {name}" },
  "cards.choice.contact": { fr: "{name} ({email})", en: "{name} ({email})" },
  "cards.more_one": { fr: "… et {count} autre", en: "… and {count} more" },
  "cards.more_other": { fr: "… et {count} autres", en: "… and {count} more" },
  "cards.errorCode": { fr: "Code : {code}", en: "Code: {code}" },

  "cards.action.propose": { fr: "Proposer", en: "Propose" },
  "cards.action.refresh": { fr: "Actualiser", en: "Refresh" },
  "cards.action.viewStatus": { fr: "Voir le statut", en: "View status" },
  "cards.action.openInApp": { fr: "Ouvrir dans Comptoir", en: "Open in Comptoir" },
  "cards.action.openSpace": { fr: "Ouvrir mon espace", en: "Open my space" },

  "cards.welcome.title": { fr: "Bienvenue dans votre espace collaboratif", en: "Welcome to your collaborative space" },
  "cards.welcome.intro": {
    fr: "{firm} vous ouvre la consultation du dossier {dossier}.",
    en: "{firm} is opening the dossier {dossier} to you for consultation.",
  },
  "cards.welcome.help": {
    fr: "Votre espace est en lecture seule : vous y consultez votre comptabilité sans rien pouvoir modifier. Pour toute question, écrivez-moi « aide » ou contactez votre cabinet.",
    en: "Your space is read-only: you can view your accounting but cannot change anything. For any question, send me “help” or contact your firm.",
  },
  "cards.welcome.hint.proposed": {
    fr: "Votre cabinet prépare votre accès : vous recevrez bientôt une invitation par e-mail.",
    en: "Your firm is preparing your access: you will soon receive an invitation by email.",
  },
  "cards.welcome.hint.invited": {
    fr: "Acceptez l'invitation reçue par e-mail, puis ouvrez votre espace.",
    en: "Accept the invitation you received by email, then open your space.",
  },
  "cards.welcome.hint.accepted": {
    fr: "Votre accès est prêt : ouvrez votre espace pour consulter votre dossier.",
    en: "Your access is ready: open your space to view your dossier.",
  },
  "cards.welcome.hint.active": {
    fr: "Votre espace est actif : vous pouvez consulter votre dossier à tout moment.",
    en: "Your space is active: you can view your dossier at any time.",
  },
  "cards.welcome.hint.revoked": {
    fr: "Ce service a été révoqué : le dossier n'est plus consultable. Contactez votre cabinet pour en savoir plus.",
    en: "This service has been revoked: the dossier can no longer be viewed. Contact your firm to find out more.",
  },

  "cards.proposal.title": { fr: "Proposer un service collaboratif", en: "Propose a collaborative service" },
  "cards.proposal.intro": {
    fr: "Dossier {dossier} : choisissez l'interlocuteur et le service à lui proposer.",
    en: "Dossier {dossier}: choose the contact and the service to propose to them.",
  },
  "cards.proposal.contact.label": { fr: "Interlocuteur", en: "Contact" },
  "cards.proposal.contact.placeholder": { fr: "Choisir un interlocuteur", en: "Choose a contact" },
  "cards.proposal.contact.required": { fr: "Choisissez un interlocuteur.", en: "Choose a contact." },
  "cards.proposal.service.label": { fr: "Service", en: "Service" },
  "cards.proposal.service.placeholder": { fr: "Choisir un service", en: "Choose a service" },
  "cards.proposal.service.required": { fr: "Choisissez un service.", en: "Choose a service." },
  "cards.proposal.noContacts": {
    fr: "Aucun interlocuteur n'est associé à ce dossier. Ajoutez d'abord le dossier dans l'onglet « Dossiers client » d'un interlocuteur.",
    en: "No contact is linked to this dossier. First add the dossier in a contact's “Client dossiers” tab.",
  },
  "cards.proposal.noServices": {
    fr: "Aucun service collaboratif n'est disponible pour le moment.",
    en: "No collaborative service is available at the moment.",
  },
  "cards.proposal.errorTitle": { fr: "La proposition n'a pas abouti", en: "The proposal did not go through" },

  "cards.proposalResult.created": { fr: "Service proposé", en: "Service proposed" },
  "cards.proposalResult.existing": { fr: "Service déjà proposé", en: "Service already proposed" },
  "cards.proposalResult.createdText": {
    fr: "Le service « {service} » a été proposé à {contact} sur le dossier {dossier}.",
    en: "The service “{service}” has been proposed to {contact} on the dossier {dossier}.",
  },
  "cards.proposalResult.existingText": {
    fr: "{contact} a déjà le service « {service} » en cours sur le dossier {dossier} : rien n'a été ajouté.",
    en: "{contact} already has the service “{service}” in progress on the dossier {dossier}: nothing was added.",
  },

  "cards.dossier.title": { fr: "Dossier {dossier}", en: "Dossier {dossier}" },
  "cards.dossier.services": { fr: "Services collaboratifs", en: "Collaborative services" },
  "cards.dossier.noServices": {
    fr: "Aucun service collaboratif sur ce dossier.",
    en: "No collaborative service on this dossier.",
  },
  "cards.dossier.serviceStatus": { fr: "{service} — {status}", en: "{service} — {status}" },

  "cards.contact.dossiers": { fr: "Dossiers client", en: "Client dossiers" },
  "cards.contact.noDossiers": {
    fr: "Cet interlocuteur n'est associé à aucun dossier.",
    en: "This contact is not linked to any dossier.",
  },

  "cards.statusCard.title": { fr: "Statut des services – {dossier}", en: "Service status – {dossier}" },

  "cards.help.title": { fr: "Ce que je peux faire pour vous", en: "What I can do for you" },
  "cards.help.intro": { fr: "Écrivez-moi l'une de ces commandes :", en: "Send me one of these commands:" },
  "cards.help.cmd.help": { fr: "aide", en: "help" },
  "cards.help.cmd.help.desc": { fr: "Affiche cette aide.", en: "Shows this help." },
  "cards.help.cmd.dossier": { fr: "dossier <code ou nom>", en: "dossier <code or name>" },
  "cards.help.cmd.dossier.desc": {
    fr: "Affiche un dossier et ses services collaboratifs.",
    en: "Shows a dossier and its collaborative services.",
  },
  "cards.help.cmd.contact": { fr: "interlocuteur <e-mail ou nom>", en: "contact <email or name>" },
  "cards.help.cmd.contact.desc": {
    fr: "Affiche un interlocuteur et ses dossiers.",
    en: "Shows a contact and their dossiers.",
  },
  "cards.help.cmd.propose": { fr: "proposer <code>", en: "propose <code>" },
  "cards.help.cmd.propose.desc": {
    fr: "Propose un service collaboratif à un interlocuteur du dossier.",
    en: "Proposes a collaborative service to a contact of the dossier.",
  },
  "cards.help.cmd.status": { fr: "statut <code>", en: "status <code>" },
  "cards.help.cmd.status.desc": {
    fr: "Montre où en sont les services collaboratifs du dossier.",
    en: "Shows where the dossier's collaborative services stand.",
  },
  "cards.help.footer": {
    fr: "Majuscules et accents n'ont pas d'importance. Les commandes anglaises fonctionnent aussi.",
    en: "Case and accents do not matter. The French commands work too.",
  },

  "cards.client.title": { fr: "Vos sociétés", en: "Your companies" },
  "cards.client.intro": {
    fr: "Voici les sociétés que vous pouvez consulter. Ouvrez votre espace pour voir leur comptabilité.",
    en: "Here are the companies you can view. Open your space to see their accounting.",
  },
  "cards.client.societe": { fr: "{name} ({code})", en: "{name} ({code})" },
  "cards.client.none": {
    fr: "Aucune société n'est encore consultable depuis votre compte. Contactez votre cabinet si cela vous surprend.",
    en: "No company can be viewed from your account yet. Contact your firm if this is unexpected.",
  },

  "cards.intake.rejected.title": { fr: "FEC refusé au dépôt automatique", en: "FEC refused by the automatic drop" },
  "cards.intake.rejected.text": {
    fr: "Le fichier {file}, trouvé dans le dossier de dépôt de {dossier}, a été refusé par la validation : les clients voient toujours les chiffres du dernier import. Le rapport est dans l'onglet Comptabilité du dossier.",
    en: "The file {file}, found in the drop folder of {dossier}, was refused by validation: clients still see the figures of the last import. The report is in the dossier's Accounting tab.",
  },
  "cards.intake.field.file": { fr: "Fichier", en: "File" },
  "cards.notification.earlyArrival.title": {
    fr: "Un client attend l'ouverture de son espace",
    en: "A client is waiting for their space to open",
  },
  "cards.notification.earlyArrival.text": {
    fr: "{contact} a voulu consulter le dossier {dossier}, mais son espace n'est pas encore ouvert : vérifiez que l'offre Consultation est activée et initialisez le widget collaboratif du tableau de bord (Activation de l'extension).",
    en: "{contact} tried to consult the dossier {dossier}, but their space is not open yet: check that the Consultation offer is on and initialise the dashboard's collaborative widget (Activation de l'extension).",
  },
  "cards.notification.accepted.title": { fr: "Service accepté", en: "Service accepted" },
  "cards.notification.accepted.text": {
    fr: "{contact} a accepté le service collaboratif sur le dossier {dossier}.",
    en: "{contact} has accepted the collaborative service on the dossier {dossier}.",
  },
  "cards.notification.firstSignIn.title": { fr: "Première connexion", en: "First sign-in" },
  "cards.notification.firstSignIn.text": {
    fr: "Première connexion de {contact} à son espace collaboratif (dossier {dossier}).",
    en: "{contact} signed in to their collaborative space for the first time (dossier {dossier}).",
  },

  "cards.error.title": { fr: "Une erreur est survenue", en: "Something went wrong" },

  "cards.noRole.title": { fr: "Aucun rôle Comptoir sur votre compte", en: "Your account has no Comptoir role" },
  "cards.noRole.text": {
    fr: "Vous êtes membre du cabinet, mais aucun rôle Comptoir ne vous est attribué : je ne peux ni vous montrer les dossiers ni proposer de services en votre nom.",
    en: "You are a member of the firm, but you have no Comptoir role: I can neither show you the dossiers nor propose services on your behalf.",
  },
  "cards.noRole.ask": {
    fr: "Demandez à l'administrateur de votre cabinet de vous attribuer l'un de ces rôles dans Microsoft Entra ID (centre d'administration Microsoft Entra › Applications d'entreprise › Comptoir › Utilisateurs et groupes › Ajouter un utilisateur/groupe) :",
    en: "Ask your firm's administrator to assign you one of these roles in Microsoft Entra ID (Microsoft Entra admin center › Enterprise applications › Comptoir › Users and groups › Add user/group):",
  },
  "cards.noRole.role.staff": {
    fr: "Collaborateur du cabinet : dossiers, interlocuteurs, services collaboratifs.",
    en: "Firm staff: dossiers, contacts, collaborative services.",
  },
  "cards.noRole.role.admin": {
    fr: "Administrateur du cabinet : tout ce que fait un collaborateur, plus les paramètres du cabinet.",
    en: "Firm administrator: everything staff do, plus the firm's settings.",
  },
  "cards.noRole.delay": {
    fr: "Une fois le rôle attribué, écrivez-moi de nouveau dans quelques minutes.",
    en: "Once the role is assigned, write to me again in a few minutes.",
  },

  "cards.noAccess.title": { fr: "Aucun espace client sur votre compte", en: "No client space on your account" },
  "cards.noAccess.text": {
    fr: "Votre compte invité n'est associé à aucun interlocuteur du cabinet : je n'ai rien à vous montrer. Si le cabinet vous a proposé un service, ouvrez le lien reçu par e-mail ; sinon, contactez votre interlocuteur au cabinet.",
    en: "Your guest account is not linked to any of the firm's contacts: I have nothing to show you. If the firm proposed a service to you, open the link you received by email; otherwise, contact the firm.",
  },
});
