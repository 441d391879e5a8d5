import { defineMessages } from "../define";

export const errorMessages = defineMessages({
  "error.AUTH_MISSING_TOKEN": {
    fr: "Authentification requise : aucun jeton n'a été fourni.",
    en: "Authentication required: no token was provided.",
  },
  "error.AUTH_TOKEN_EXPIRED": {
    fr: "Votre session a expiré. Reconnectez-vous.",
    en: "Your session has expired. Please sign in again.",
  },
  "error.AUTH_INVALID_SIGNATURE": {
    fr: "Le jeton d'accès n'a pas une signature valide.",
    en: "The access token's signature is not valid.",
  },
  "error.AUTH_INVALID_ISSUER": {
    fr: "Le jeton d'accès ne provient pas de l'émetteur attendu.",
    en: "The access token does not come from the expected issuer.",
  },
  "error.AUTH_INVALID_AUDIENCE": {
    fr: "Le jeton d'accès n'est pas destiné à Comptoir.",
    en: "The access token is not meant for Comptoir.",
  },
  "error.AUTH_INVALID_TENANT": {
    fr: "Le jeton d'accès appartient à une autre organisation.",
    en: "The access token belongs to another organisation.",
  },
  "error.AUTH_UNSUPPORTED_ALGORITHM": {
    fr: "L'algorithme de signature du jeton n'est pas accepté.",
    en: "The token's signing algorithm is not accepted.",
  },
  "error.AUTH_INVALID_TOKEN": { fr: "Le jeton d'accès est invalide.", en: "The access token is invalid." },
  "error.AUTH_NOT_DELEGATED_TOKEN": {
    fr: "Ce jeton n'autorise pas Comptoir à agir pour une personne connectée (portée access_as_user attendue).",
    en: "This token does not let Comptoir act for a signed-in person (the access_as_user scope is expected).",
  },
  "error.CLIENT_NO_ACCESS": {
    fr: "Vous n'avez pas (ou plus) accès à cette société. Contactez votre cabinet d'expertise comptable.",
    en: "You do not (or no longer) have access to this company. Please contact your accounting firm.",
  },
  "error.FORBIDDEN": {
    fr: "Vous n'avez pas les droits nécessaires pour cette action.",
    en: "You do not have permission for this action.",
  },
  "error.NOT_FOUND": { fr: "La ressource demandée est introuvable.", en: "The requested resource was not found." },
  "error.ROUTE_NOT_FOUND": { fr: "Cette adresse de l'API n'existe pas.", en: "This API address does not exist." },
  "error.VALIDATION_FAILED": { fr: "Certaines données sont invalides.", en: "Some data is invalid." },
  "error.INVALID_JSON": {
    fr: "Le corps de la requête n'est pas du JSON valide.",
    en: "The request body is not valid JSON.",
  },
  "error.PAYLOAD_TOO_LARGE": {
    fr: "La requête dépasse la taille autorisée ({limit}).",
    en: "The request exceeds the allowed size ({limit}).",
  },
  "error.CONFLICT": {
    fr: "Cet enregistrement a été modifié par quelqu'un d'autre. Rechargez-le avant de réessayer.",
    en: "This record was changed by someone else. Reload it before trying again.",
  },
  "error.PRECONDITION_REQUIRED": {
    fr: "La modification doit indiquer la version lue (en-tête If-Match).",
    en: "The update must state the version it read (If-Match header).",
  },
  "error.INTERNAL": {
    fr: "Une erreur inattendue est survenue. Réessayez plus tard.",
    en: "An unexpected error occurred. Please try again later.",
  },
  "error.SERVICE_UNAVAILABLE": {
    fr: "Le service est momentanément indisponible. Réessayez dans un instant.",
    en: "The service is temporarily unavailable. Try again in a moment.",
  },
  "error.STORAGE_UNAVAILABLE": {
    fr: "Le stockage de Comptoir est momentanément injoignable. Réessayez dans un instant.",
    en: "Comptoir's storage is temporarily unreachable. Try again in a moment.",
  },
  "error.SUBSCRIPTION_REQUIRED": {
    fr: "Cette offre de service est soumise à un abonnement payant. Veuillez contacter votre service commercial pour de plus amples renseignements",
    en: "This service offer requires a paid subscription. Please contact your sales representative for more information",
  },
  "error.ROLE_NOT_FOUND": {
    fr: "Le rôle organisationnel sélectionné n'existe pas.",
    en: "The selected organisational role does not exist.",
  },
  "error.ROLE_IN_USE": {
    fr: "Ce rôle est attribué à {count} interlocuteur(s) : retirez-le d'abord de leur fiche.",
    en: "This role is assigned to {count} contact(s): remove it from their record first.",
  },
  "error.ROLE_LABEL_TAKEN": {
    fr: "Un rôle organisationnel nommé « {label} » existe déjà.",
    en: "An organisational role named “{label}” already exists.",
  },
  "error.CONTACT_NOT_FOUND": { fr: "Cet interlocuteur est introuvable.", en: "This contact was not found." },
  "error.CONTACT_EMAIL_TAKEN": {
    fr: "Un autre interlocuteur utilise déjà l'adresse e-mail {email}.",
    en: "Another contact already uses the e-mail address {email}.",
  },
  "error.DOSSIER_NOT_FOUND": { fr: "Ce dossier client est introuvable.", en: "This client dossier was not found." },
  "error.DOSSIER_CODE_TAKEN": {
    fr: "Le code dossier « {code} » est déjà utilisé.",
    en: "The dossier code “{code}” is already in use.",
  },
  "error.DOSSIER_HAS_LIVE_SERVICES": {
    fr: "Ce dossier a encore {count} service(s) collaboratif(s) en cours : révoquez-les avant de le supprimer.",
    en: "This dossier still has {count} collaborative service(s) in progress: revoke them before deleting it.",
  },
  "error.ETABLISSEMENT_NOT_FOUND": {
    fr: "Établissement inconnu dans ce dossier : {codes}.",
    en: "Unknown establishment in this dossier: {codes}.",
  },
  "error.ETABLISSEMENT_IN_USE": {
    fr: "Impossible de retirer l'établissement {codes} : il figure dans le « Limité à » d'un interlocuteur.",
    en: "Cannot remove establishment {codes}: a contact's “Limited to” still names it.",
  },
  "error.LINK_EXISTS": {
    fr: "Ce dossier est déjà associé à cet interlocuteur. Modifiez plutôt sa colonne « Limité à ».",
    en: "This dossier is already linked to this contact. Change its “Limited to” column instead.",
  },
  "error.LINK_NOT_FOUND": {
    fr: "Cet interlocuteur n'est pas associé à ce dossier. Ajoutez d'abord le dossier dans son onglet « Dossiers client ».",
    en: "This contact is not linked to this dossier. First add the dossier in their “Client dossiers” tab.",
  },
  "error.OFFER_NOT_ACTIVE": {
    fr: "L'offre Consultation n'est pas activée sur le dossier {dossier}. Activez-la d'abord depuis le portefeuille.",
    en: "The Consultation offer is not active on dossier {dossier}. Activate it first from the portfolio.",
  },
  "error.SERVICE_NOT_FOUND": {
    fr: "Ce service collaboratif n'existe pas ou n'est plus proposé.",
    en: "This collaborative service does not exist or is no longer offered.",
  },
  "error.SUBSCRIPTION_NOT_FOUND": {
    fr: "Ce service collaboratif est introuvable.",
    en: "This collaborative service was not found.",
  },
  "error.INVALID_TRANSITION": {
    fr: "Ce changement d'état du service n'est pas possible ({from} → {to}).",
    en: "This service status change is not allowed ({from} → {to}).",
  },
  "error.FEC_EMPTY": { fr: "Le fichier FEC est vide.", en: "The FEC file is empty." },
  "error.FEC_NO_ENTRIES": {
    fr: "Le fichier FEC ne contient aucune écriture après sa ligne d'en-tête.",
    en: "The FEC file has no entries after its header line.",
  },
  "error.FEC_TOO_LARGE": {
    fr: "Le fichier dépasse la taille maximale autorisée ({maxBytes} octets).",
    en: "The file exceeds the maximum allowed size ({maxBytes} bytes).",
  },
  "error.FEC_BINARY_FILE": {
    fr: "Ce fichier n'est pas un fichier texte : ce ne peut pas être un FEC.",
    en: "This is not a text file, so it cannot be a FEC.",
  },
  "error.FEC_BAD_ENCODING": {
    fr: "Encodage non accepté ou caractères de contrôle invalides : le FEC doit être en ASCII, ISO 8859-15 ou UTF-8.",
    en: "Unsupported encoding or invalid control characters: the FEC must be ASCII, ISO 8859-15 or UTF-8.",
  },
  "error.FEC_BAD_SEPARATOR": {
    fr: "Séparateur de zones non reconnu : l'en-tête doit utiliser la tabulation ou la barre verticale (|).",
    en: "Unrecognised field separator: the header must use tabs or the vertical bar (|).",
  },
  "error.FEC_MISSING_COLUMN": {
    fr: "Colonne obligatoire absente de l'en-tête : {column}.",
    en: "Mandatory column missing from the header: {column}.",
  },
  "error.FEC_DUPLICATE_COLUMN": {
    fr: "La colonne {column} figure plusieurs fois dans l'en-tête.",
    en: "Column {column} appears more than once in the header.",
  },
  "error.FEC_FIELD_COUNT": {
    fr: "Nombre de zones incorrect : {found} au lieu de {expected}.",
    en: "Wrong number of fields: {found} instead of {expected}.",
  },
  "error.FEC_TRUNCATED": {
    fr: "Le fichier semble tronqué : sa dernière ligne est incomplète ({found} zones sur {expected}).",
    en: "The file looks truncated: its last line is incomplete ({found} of {expected} fields).",
  },
  "error.FEC_LINE_TOO_LONG": {
    fr: "Ligne trop longue (plus de {maxBytes} octets).",
    en: "Line too long (more than {maxBytes} bytes).",
  },
  "error.FEC_REQUIRED_FIELD_EMPTY": {
    fr: "La zone obligatoire {column} est vide.",
    en: "The mandatory field {column} is empty.",
  },
  "error.FEC_BAD_DATE": {
    fr: "Date invalide dans {column} : « {value} » (format attendu AAAAMMJJ).",
    en: "Invalid date in {column}: “{value}” (expected YYYYMMDD).",
  },
  "error.FEC_BAD_AMOUNT": {
    fr: "Montant invalide dans {column} : « {value} » (virgule décimale, sans séparateur de milliers).",
    en: "Invalid amount in {column}: “{value}” (decimal comma, no thousands separator).",
  },
  "error.FEC_BAD_SENS": {
    fr: "Sens invalide : « {value} » (valeurs admises : D, C, +1, -1).",
    en: "Invalid direction (Sens): “{value}” (allowed: D, C, +1, -1).",
  },
  "error.FEC_DATE_OUTSIDE_EXERCICE": {
    fr: "La date d'écriture {date} est en dehors de l'exercice ({start} – {end}).",
    en: "The entry date {date} is outside the financial year ({start} – {end}).",
  },
  "error.FEC_UNBALANCED_ENTRY": {
    fr: "L'écriture {ecritureNum} du journal {journalCode} n'est pas équilibrée : débit {debit}, crédit {credit}.",
    en: "Entry {ecritureNum} in journal {journalCode} is not balanced: debit {debit}, credit {credit}.",
  },
  "error.FEC_UNBALANCED_FILE": {
    fr: "Le fichier n'est pas équilibré : total des débits {debit}, total des crédits {credit}.",
    en: "The file is not balanced: total debits {debit}, total credits {credit}.",
  },
  "error.INVITE_EMAIL_REJECTED": {
    fr: "L'adresse e-mail a été refusée par Microsoft 365 lors de l'invitation : vérifiez-la dans la fiche de l'interlocuteur.",
    en: "Microsoft 365 rejected the e-mail address when sending the invitation: check it on the contact's record.",
  },
  "error.INVITE_NOT_A_GUEST": {
    fr: "Cette adresse e-mail est celle d'un membre du cabinet dans Microsoft 365, pas d'un invité : un interlocuteur ne peut être lié qu'à un compte invité. Vérifiez l'adresse dans la fiche de l'interlocuteur.",
    en: "This e-mail address belongs to a member of the firm in Microsoft 365, not to a guest: a contact can only be bound to a guest account. Check the address on the contact's record.",
  },
  "error.GRAPH_FORBIDDEN": {
    fr: "Microsoft 365 a refusé l'opération : l'application n'a pas les autorisations nécessaires (consentement de l'administrateur manquant). Contactez l'administrateur du cabinet.",
    en: "Microsoft 365 refused the operation: the app lacks the required permissions (admin consent missing). Contact the firm's administrator.",
  },
  "error.GRAPH_NOT_FOUND": {
    fr: "L'élément demandé est introuvable dans Microsoft 365 (il a peut-être été supprimé).",
    en: "The requested item was not found in Microsoft 365 (it may have been deleted).",
  },
  "error.GRAPH_THROTTLED": {
    fr: "Microsoft 365 limite temporairement le nombre de demandes. L'opération sera retentée plus tard.",
    en: "Microsoft 365 is temporarily limiting the number of requests. The operation will be retried later.",
  },
  "error.GRAPH_UNAVAILABLE": {
    fr: "Microsoft 365 est momentanément indisponible. L'opération sera retentée plus tard.",
    en: "Microsoft 365 is temporarily unavailable. The operation will be retried later.",
  },
  "error.GRAPH_AUTH_FAILED": {
    fr: "Comptoir n'a pas pu s'authentifier auprès de Microsoft 365 : vérifiez l'identifiant et le secret de l'application.",
    en: "Comptoir could not authenticate with Microsoft 365: check the app's client id and secret.",
  },
  "error.GRAPH_REQUEST_REJECTED": {
    fr: "Microsoft 365 a refusé la demande (erreur {status}).",
    en: "Microsoft 365 rejected the request (error {status}).",
  },
  "error.GRAPH_BAD_RESPONSE": {
    fr: "Microsoft 365 a renvoyé une réponse inattendue.",
    en: "Microsoft 365 returned an unexpected response.",
  },
  "error.TEAMS_APP_NOT_PUBLISHED": {
    fr: "L'application Comptoir n'est pas publiée dans le catalogue d'applications Teams du cabinet : demandez à l'administrateur de la publier.",
    en: "The Comptoir app is not published in the firm's Teams app catalogue: ask the administrator to publish it.",
  },
  "error.FEC_IMPORT_INTERRUPTED": {
    fr: "L'import a été interrompu (serveur arrêté ou stockage injoignable trop longtemps) ; les données précédentes restent affichées. Relancez l'import.",
    en: "The import was interrupted (the server stopped or storage was unreachable for too long); the previous data is still shown. Start the import again.",
  },
  "error.FEC_IMPORT_BUSY": {
    fr: "Un autre import FEC est en cours sur ce dossier, ou le serveur importe déjà autant de fichiers qu'il le peut : réessayez dans {retryAfter} s environ.",
    en: "Another FEC import is running on this dossier, or the server is already importing as many files as it can: try again in about {retryAfter} s.",
  },
  "error.TOO_MANY_REQUESTS": {
    fr: "Vous avez déjà un export ou un import en cours : attendez qu'il se termine, puis réessayez (dans {retryAfter} s environ).",
    en: "You already have an export or import running: wait for it to finish, then try again (in about {retryAfter} s).",
  },
  "error.SERVER_BUSY": {
    fr: "Comptoir traite déjà le maximum d'exports et d'imports simultanés : réessayez dans {retryAfter} s environ.",
    en: "Comptoir is already running as many exports and imports as it can: try again in about {retryAfter} s.",
  },
  "error.FEC_IMPORT_NOT_FOUND": { fr: "Cet import FEC est introuvable.", en: "This FEC import was not found." },
  "error.ACCOUNTING_EXERCICE_NOT_FOUND": {
    fr: "Aucune comptabilité n'a été importée pour cet exercice.",
    en: "No accounting data has been imported for this financial year.",
  },
  "error.ACCOUNTING_EXPORT_TOO_LARGE": {
    fr: "L'export dépasse la limite d'Excel ({maxRows} lignes) : réduisez la période ou choisissez le format CSV.",
    en: "The export exceeds Excel's limit ({maxRows} rows): narrow the period or choose the CSV format.",
  },
  "error.AGED_BALANCE_ACCOUNT_UNSUPPORTED": {
    fr: "La balance âgée et l'échéancier portent sur les comptes clients (411) ou fournisseurs (401) uniquement.",
    en: "The aged balance and the schedule cover customer (411) or supplier (401) accounts only.",
  },
  "error.AGED_BALANCE_DATE_INVALID": {
    fr: "La date de référence n'est pas une date valide (format attendu : AAAA-MM-JJ).",
    en: "The reference date is not a valid date (expected format: YYYY-MM-DD).",
  },
  "error.AGED_BALANCE_DATE_OUTSIDE_EXERCICE": {
    fr: "La date de référence doit être comprise dans l'exercice (du {start} au {end}).",
    en: "The reference date must fall within the financial year ({start} to {end}).",
  },
  "error.FEC_REIMPORT_REQUIRED": {
    fr: "Les écritures de cet exercice ont été enregistrées par une version antérieure de Comptoir : importez à nouveau son FEC pour consulter le grand livre et les journaux.",
    en: "This financial year's entries were stored by an earlier version of Comptoir: import its FEC again to view the general ledger and journals.",
  },
  "error.INTAKE_NOT_A_FOLDER": {
    fr: "Cet élément n'est pas un dossier : choisissez le dossier où votre logiciel de production dépose les FEC.",
    en: "This item is not a folder: choose the folder where your production software drops the FEC files.",
  },
  "error.INTAKE_FOLDER_TAKEN": {
    fr: "Ce dossier de dépôt alimente déjà le dossier client {code} : un dossier de dépôt ne sert qu'un dossier client.",
    en: "This drop folder already feeds client file {code}: a drop folder serves one client file only.",
  },
  "error.INTAKE_DRIVE_NOT_FOUND": {
    fr: "Ce dossier de dépôt est introuvable ou Comptoir n'y a pas accès : vérifiez le lien et les autorisations du site SharePoint.",
    en: "This drop folder cannot be found or Comptoir has no access to it: check the link and the SharePoint site's permissions.",
  },
  "error.LOCAL_ONLY": {
    fr: "Le mode local ne répond qu'à cette machine, sans intermédiaire : ouvrez Comptoir à l'adresse http://localhost affichée par npm start, sans tunnel ni redirection de port. Pour un accès depuis le réseau, déployez en mode teams.",
    en: "Local mode only answers this machine, with nothing in between: open Comptoir at the http://localhost address printed by npm start, without a tunnel or port forwarding. For access over the network, deploy in teams mode.",
  },
  "error.LOCAL_SIGNIN_LINK_REQUIRED": {
    fr: "La connexion locale demande le lien de connexion affiché par npm start à son démarrage (il change à chaque démarrage) : ouvrez ce lien dans ce navigateur.",
    en: "The local sign-in needs the sign-in link printed by npm start when it starts (it changes at every start): open that link in this browser.",
  },
  "error.LOCAL_SERVICE_URL_REFUSED": {
    fr: "Le bot local ne répond qu'au connecteur local (l'Agents Playground) : l'activité désigne un autre serviceUrl.",
    en: "The local bot only answers the local connector (the Agents Playground): the activity names another serviceUrl.",
  },
  "error.CAMPAIGN_NOT_FOUND": {
    fr: "Cette campagne de propositions est introuvable.",
    en: "This proposal campaign cannot be found.",
  },
  "error.CAMPAIGN_TOO_LARGE": {
    fr: "Une campagne compte au plus {max} propositions ; cette sélection en donnerait {count}. Scindez-la en plusieurs campagnes.",
    en: "A campaign holds at most {max} proposals; this selection would make {count}. Split it into several campaigns.",
  },
  "error.CAMPAIGN_EMPTY": {
    fr: "Aucune proposition à faire : les interlocuteurs choisis ne sont rattachés à aucun dossier, ou les dossiers choisis n'ont aucun interlocuteur.",
    en: "Nothing to propose: the chosen contacts are linked to no dossier, or the chosen dossiers have no contact.",
  },
  "error.CAMPAIGN_INVALID_TRANSITION": {
    fr: "Cette action n'est pas possible dans l'état actuel de la campagne (déjà en pause, reprise, annulée ou terminée) : rechargez-la pour voir où elle en est.",
    en: "This action is not possible in the campaign's current state (already paused, resumed, cancelled or finished): reload it to see where it stands.",
  },
});
