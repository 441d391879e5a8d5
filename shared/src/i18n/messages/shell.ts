import { defineMessages } from "../define";

/** The tab shell: header, navigation, sign-in states and the placeholder pages. */
export const shellMessages = defineMessages({
  "app.name": { fr: "Comptoir", en: "Comptoir" },
  "shell.documentTitle": { fr: "{page} – Comptoir", en: "{page} – Comptoir" },
  "shell.skipLink": { fr: "Aller au contenu", en: "Skip to content" },
  "shell.header.signedInAs": { fr: "Connecté en tant que {name}", en: "Signed in as {name}" },
  "shell.nav.label": { fr: "Navigation principale", en: "Main navigation" },
  "shell.nav.portfolio": { fr: "Portefeuille", en: "Portfolio" },
  "shell.nav.contacts": { fr: "Interlocuteurs", en: "Contacts" },
  "shell.nav.roles": { fr: "Rôles organisationnels", en: "Organisational roles" },
  "shell.nav.settings": { fr: "Paramètres", en: "Settings" },
  "shell.nav.clientHome": { fr: "Ma société", en: "My company" },
  "shell.language.label": { fr: "Langue", en: "Language" },
  // Each language is named in its own language, whatever the current one.
  "shell.language.fr": { fr: "Français", en: "Français" },
  "shell.language.en": { fr: "English", en: "English" },
  "shell.signOut": { fr: "Se déconnecter", en: "Sign out" },
  "shell.loading.start": { fr: "Démarrage de Comptoir…", en: "Starting Comptoir…" },
  "shell.loading.signIn": { fr: "Connexion en cours…", en: "Signing in…" },
  "shell.loading.redirect": { fr: "Redirection vers la page de connexion…", en: "Redirecting to the sign-in page…" },
  "shell.loading.profile": { fr: "Chargement de votre profil…", en: "Loading your profile…" },
  "shell.loading.page": { fr: "Chargement de la page…", en: "Loading the page…" },
  "shell.error.title": { fr: "Un problème est survenu", en: "Something went wrong" },
  "shell.error.retry": { fr: "Réessayer", en: "Try again" },
  "shell.auth.signInAgain": { fr: "Se reconnecter", en: "Sign in again" },
  "shell.auth.stateMismatch": {
    fr: "La réponse de connexion n'a pas pu être vérifiée. Reconnectez-vous.",
    en: "The sign-in response could not be verified. Please sign in again.",
  },
  "shell.auth.misconfigured": {
    fr: "La connexion à Comptoir n'est pas configurée correctement ({setting} manquant). Contactez l'administrateur de Comptoir.",
    en: "Sign-in to Comptoir is not configured correctly ({setting} missing). Contact your Comptoir administrator.",
  },
  "shell.auth.teamsFailed": {
    fr: "Microsoft 365 n'a pas pu vous connecter à Comptoir. Réessayez dans un instant.",
    en: "Microsoft 365 could not sign you in to Comptoir. Try again in a moment.",
  },
  "shell.auth.browserFailed": {
    fr: "La connexion avec votre compte Microsoft a échoué. Réessayez dans un instant.",
    en: "Signing in with your Microsoft account failed. Try again in a moment.",
  },
  "shell.auth.consent.title": { fr: "Autorisation nécessaire", en: "Permission needed" },
  "shell.auth.consent.body": {
    fr: "Pour vous connecter, Comptoir a besoin de votre accord pour utiliser votre compte Microsoft 365. Une fenêtre Microsoft va s'ouvrir.",
    en: "To sign you in, Comptoir needs your permission to use your Microsoft 365 account. A Microsoft window will open.",
  },
  "shell.auth.consent.action": { fr: "Donner mon accord", en: "Give permission" },
  "shell.auth.consent.failed": {
    fr: "L'autorisation n'a pas été accordée. Réessayez, ou demandez à l'administrateur de votre organisation de l'accorder pour tous.",
    en: "Permission was not granted. Try again, or ask your organisation's administrator to grant it for everyone.",
  },
  "shell.popup.title": { fr: "Connexion à Comptoir", en: "Signing in to Comptoir" },
  "shell.popup.redirecting": { fr: "Redirection vers Microsoft…", en: "Redirecting to Microsoft…" },
  "shell.popup.done": { fr: "C'est fait. Cette fenêtre va se fermer.", en: "Done. This window will close." },
  "shell.popup.failed": {
    fr: "L'autorisation n'a pas abouti. Vous pouvez fermer cette fenêtre et réessayer depuis Comptoir.",
    en: "Permission could not be completed. You can close this window and try again from Comptoir.",
  },
  "shell.portfolio.empty.title": { fr: "Aucun dossier pour l'instant", en: "No client files yet" },
  "shell.contacts.empty.title": { fr: "Aucun interlocuteur pour l'instant", en: "No contacts yet" },
  "shell.roles.empty.title": { fr: "Aucun rôle organisationnel pour l'instant", en: "No organisational roles yet" },
});
