import { defineMessages } from "../define";

export const errorMessages = defineMessages({
  "error.AUTH_MISSING_TOKEN": { fr: "Authentification requise : aucun jeton n'a été fourni.", en: "Authentication required: no token was provided." },
  "error.AUTH_TOKEN_EXPIRED": { fr: "Votre session a expiré. Reconnectez-vous.", en: "Your session has expired. Please sign in again." },
  "error.AUTH_INVALID_SIGNATURE": { fr: "Le jeton d'accès n'a pas une signature valide.", en: "The access token's signature is not valid." },
  "error.AUTH_INVALID_ISSUER": { fr: "Le jeton d'accès ne provient pas de l'émetteur attendu.", en: "The access token does not come from the expected issuer." },
  "error.AUTH_INVALID_AUDIENCE": { fr: "Le jeton d'accès n'est pas destiné à Comptoir.", en: "The access token is not meant for Comptoir." },
  "error.AUTH_INVALID_TENANT": { fr: "Le jeton d'accès appartient à une autre organisation.", en: "The access token belongs to another organisation." },
  "error.AUTH_UNSUPPORTED_ALGORITHM": { fr: "L'algorithme de signature du jeton n'est pas accepté.", en: "The token's signing algorithm is not accepted." },
  "error.AUTH_INVALID_TOKEN": { fr: "Le jeton d'accès est invalide.", en: "The access token is invalid." },
  "error.FORBIDDEN": { fr: "Vous n'avez pas les droits nécessaires pour cette action.", en: "You do not have permission for this action." },
  "error.NOT_FOUND": { fr: "La ressource demandée est introuvable.", en: "The requested resource was not found." },
  "error.ROUTE_NOT_FOUND": { fr: "Cette adresse de l'API n'existe pas.", en: "This API address does not exist." },
  "error.VALIDATION_FAILED": { fr: "Certaines données sont invalides.", en: "Some data is invalid." },
  "error.PAYLOAD_TOO_LARGE": { fr: "La requête dépasse la taille autorisée ({limit}).", en: "The request exceeds the allowed size ({limit})." },
  "error.CONFLICT": { fr: "Cet enregistrement a été modifié par quelqu'un d'autre. Rechargez-le avant de réessayer.", en: "This record was changed by someone else. Reload it before trying again." },
  "error.PRECONDITION_REQUIRED": { fr: "La modification doit indiquer la version lue (en-tête If-Match).", en: "The update must state the version it read (If-Match header)." },
  "error.INTERNAL": { fr: "Une erreur inattendue est survenue. Réessayez plus tard.", en: "An unexpected error occurred. Please try again later." },
  "error.SERVICE_UNAVAILABLE": { fr: "Le service est momentanément indisponible. Réessayez dans un instant.", en: "The service is temporarily unavailable. Try again in a moment." },
  "error.SUBSCRIPTION_REQUIRED": {
    fr: "Cette offre de service est soumise à un abonnement payant. Veuillez contacter votre service commercial pour de plus amples renseignements",
    en: "This service offer requires a paid subscription. Please contact your sales representative for more information",
  },
});
