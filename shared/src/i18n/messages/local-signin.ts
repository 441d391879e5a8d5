import { defineMessages } from "../define";

/** The local-mode sign-in page (served by the backend, loopback only). */
export const localSignInMessages = defineMessages({
  "localSignIn.title": { fr: "Connexion locale", en: "Local sign-in" },
  "localSignIn.intro": {
    fr: "Mode local : choisissez la personne de démonstration avec laquelle vous connecter. Dans Microsoft 365, cette étape est remplacée par la connexion Microsoft Entra ID.",
    en: "Local mode: choose the demo person to sign in as. In Microsoft 365, Microsoft Entra ID sign-in replaces this step.",
  },
  "localSignIn.staff": { fr: "Cabinet", en: "Firm" },
  "localSignIn.clients": { fr: "Clients invités", en: "Invited clients" },
  "localSignIn.badRedirect": {
    fr: "L'adresse de retour doit être une adresse locale (localhost).",
    en: "The return address must be a local address (localhost).",
  },
  "localSignIn.unknownPerson": { fr: "Cette personne n'existe pas.", en: "This person does not exist." },
});
