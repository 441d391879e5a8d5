import { defineMessages } from "../define";

/**
 * Why a refusal happened and what the reader can do next, appended to the error's own sentence
 * (`explainError`). `admin` is for a reader who can fix it in Paramètres, `staff` for one who cannot.
 */
export const refusalMessages = defineMessages({
  "refusal.subscription.inactive.admin": {
    fr: "Motif : l'abonnement Consultation du cabinet n'est pas actif. Vous pouvez l'activer dans Paramètres, rubrique « Abonnement Consultation ».",
    en: "Reason: the firm's Consultation subscription is not active. You can switch it on in Settings, under “Consultation subscription”.",
  },
  "refusal.subscription.inactive.staff": {
    fr: "Motif : l'abonnement Consultation du cabinet n'est pas actif. Demandez à un administrateur de Comptoir dans votre cabinet de l'activer dans Paramètres.",
    en: "Reason: the firm's Consultation subscription is not active. Ask a Comptoir administrator in your firm to switch it on in Settings.",
  },
  "refusal.subscription.expired.admin": {
    fr: "Motif : l'abonnement Consultation du cabinet a expiré le {until}. Après son renouvellement, reportez la nouvelle date de fin dans Paramètres, rubrique « Abonnement Consultation ».",
    en: "Reason: the firm's Consultation subscription expired on {until}. Once it is renewed, enter the new end date in Settings, under “Consultation subscription”.",
  },
  "refusal.subscription.expired.staff": {
    fr: "Motif : l'abonnement Consultation du cabinet a expiré le {until}. Demandez à un administrateur de Comptoir dans votre cabinet de le renouveler.",
    en: "Reason: the firm's Consultation subscription expired on {until}. Ask a Comptoir administrator in your firm to renew it.",
  },
  "refusal.subscription.quota.admin": {
    fr: "Motif : l'abonnement couvre {maxDossiers} dossier(s) et tous sont pris. Désactivez l'offre sur un dossier qui n'en a plus besoin, ou augmentez le nombre de dossiers dans Paramètres après avoir étendu l'abonnement.",
    en: "Reason: the subscription covers {maxDossiers} dossier(s) and all are taken. Switch the offer off on a dossier that no longer needs it, or raise the number of dossiers in Settings once the subscription is extended.",
  },
  "refusal.subscription.quota.staff": {
    fr: "Motif : l'abonnement couvre {maxDossiers} dossier(s) et tous sont pris. Désactivez l'offre sur un dossier qui n'en a plus besoin, ou demandez à un administrateur de Comptoir dans votre cabinet d'étendre l'abonnement.",
    en: "Reason: the subscription covers {maxDossiers} dossier(s) and all are taken. Switch the offer off on a dossier that no longer needs it, or ask a Comptoir administrator in your firm to extend the subscription.",
  },
});
