import { defineMessages } from "../define";

/** Labels of the back-office domain's codes (statuses, audit actions, legal forms…). */
export const domainMessages = defineMessages({
  "domain.offer.consultation": { fr: "Offre Consultation", en: "Consultation offer" },
  "domain.limitedTo.wholeDossier": { fr: "Tout le dossier", en: "Whole dossier" },
  "domain.widget.initialize": { fr: "Initialiser", en: "Initialise" },
  "domain.widget.extensionActive": { fr: "Activation de l'extension", en: "Extension enabled" },

  "domain.subscriptionStatus.proposed": { fr: "Proposé", en: "Proposed" },
  "domain.subscriptionStatus.invited": { fr: "Invitation envoyée", en: "Invitation sent" },
  "domain.subscriptionStatus.accepted": { fr: "Accepté", en: "Accepted" },
  "domain.subscriptionStatus.active": { fr: "Actif", en: "Active" },
  "domain.subscriptionStatus.revoked": { fr: "Révoqué", en: "Revoked" },

  "domain.subscriptionShortfall.inactive": {
    fr: "L'abonnement Consultation du cabinet n'est pas actif.",
    en: "The firm's Consultation subscription is not active.",
  },
  "domain.subscriptionShortfall.expired": {
    fr: "L'abonnement Consultation du cabinet a expiré.",
    en: "The firm's Consultation subscription has expired.",
  },
  "domain.subscriptionShortfall.quota": {
    fr: "Le nombre maximal de dossiers couverts par l'abonnement est atteint.",
    en: "The subscription's maximum number of dossiers has been reached.",
  },

  "domain.access.not-client": {
    fr: "Ce compte n'est pas un compte client.",
    en: "This account is not a client account.",
  },
  "domain.access.not-bound": {
    fr: "Ce compte n'est rattaché à aucun interlocuteur.",
    en: "This account is not bound to any contact.",
  },
  "domain.access.not-linked": {
    fr: "L'interlocuteur n'est pas associé à ce dossier.",
    en: "The contact is not linked to this dossier.",
  },
  "domain.access.etablissement-not-allowed": {
    fr: "Cet établissement est hors du périmètre « Limité à » de l'interlocuteur.",
    en: "This establishment is outside the contact's “Limited to” scope.",
  },
  "domain.access.no-service": {
    fr: "Aucun service collaboratif accepté sur ce dossier.",
    en: "No accepted collaborative service on this dossier.",
  },
  "domain.access.offer-inactive": {
    fr: "L'offre Consultation n'est pas active sur ce dossier.",
    en: "The Consultation offer is not active on this dossier.",
  },
  "domain.access.extension-inactive": {
    fr: "L'extension collaborative n'est pas activée sur ce dossier.",
    en: "The collaborative extension is not enabled on this dossier.",
  },

  "domain.audit.firm.settings.updated": { fr: "Paramètres du cabinet modifiés", en: "Firm settings updated" },
  "domain.audit.dossier.created": { fr: "Dossier créé", en: "Dossier created" },
  "domain.audit.dossier.updated": { fr: "Dossier modifié", en: "Dossier updated" },
  "domain.audit.dossier.deleted": { fr: "Dossier supprimé", en: "Dossier deleted" },
  "domain.audit.dossier.offer.activated": { fr: "Offre Consultation activée", en: "Consultation offer activated" },
  "domain.audit.dossier.offer.deactivated": {
    fr: "Offre Consultation désactivée",
    en: "Consultation offer deactivated",
  },
  "domain.audit.dossier.widget.initialized": {
    fr: "Vignette collaborative initialisée",
    en: "Collaborative tile initialised",
  },
  "domain.audit.role.created": { fr: "Rôle organisationnel créé", en: "Organisational role created" },
  "domain.audit.role.updated": { fr: "Rôle organisationnel modifié", en: "Organisational role updated" },
  "domain.audit.role.deleted": { fr: "Rôle organisationnel supprimé", en: "Organisational role deleted" },
  "domain.audit.contact.created": { fr: "Interlocuteur créé", en: "Contact created" },
  "domain.audit.contact.updated": { fr: "Interlocuteur modifié", en: "Contact updated" },
  "domain.audit.contact.deleted": { fr: "Interlocuteur supprimé", en: "Contact deleted" },
  "domain.audit.contact.guest.invited": {
    fr: "Invitation envoyée sur le tenant du cabinet",
    en: "Invitation sent to the firm's tenant",
  },
  "domain.audit.contact.guest.unbound": {
    fr: "Compte invité délié de l'interlocuteur (son accès s'arrête)",
    en: "Guest account unbound from the contact (their access stops)",
  },
  "domain.audit.contact.guest.deletionRefused": {
    fr: "Suppression du compte refusée : c'est un membre du cabinet, pas un invité",
    en: "Account deletion refused: it is a member of the firm, not a guest",
  },
  "domain.audit.contact.erased": {
    fr: "Données de l'interlocuteur effacées (RGPD) ; ses événements restent sous un pseudonyme",
    en: "Contact's data erased (GDPR); their events remain under a pseudonym",
  },
  "domain.audit.link.created": { fr: "Dossier associé à l'interlocuteur", en: "Dossier linked to the contact" },
  "domain.audit.link.updated": { fr: "« Limité à » modifié", en: "“Limited to” changed" },
  "domain.audit.link.deleted": { fr: "Dossier retiré de l'interlocuteur", en: "Dossier unlinked from the contact" },
  "domain.audit.service.proposed": { fr: "Service collaboratif proposé", en: "Collaborative service proposed" },
  "domain.audit.service.invited": { fr: "Invitation au service envoyée", en: "Service invitation sent" },
  "domain.audit.service.accepted": { fr: "Service accepté par le client", en: "Service accepted by the client" },
  "domain.audit.service.activated": { fr: "Service activé", en: "Service activated" },
  "domain.audit.service.revoked": { fr: "Service révoqué", en: "Service revoked" },
  "domain.audit.service.failed": { fr: "Échec d'une étape du service", en: "A service step failed" },

  "domain.legalForm.EI": { fr: "Entreprise individuelle", en: "Sole proprietorship" },
  "domain.legalForm.EURL": {
    fr: "Entreprise unipersonnelle à responsabilité limitée",
    en: "Single-member limited liability company",
  },
  "domain.legalForm.SARL": { fr: "Société à responsabilité limitée", en: "Limited liability company" },
  "domain.legalForm.SAS": { fr: "Société par actions simplifiée", en: "Simplified joint-stock company" },
  "domain.legalForm.SASU": {
    fr: "Société par actions simplifiée unipersonnelle",
    en: "Single-member simplified joint-stock company",
  },
  "domain.legalForm.SA": { fr: "Société anonyme", en: "Public limited company" },
  "domain.legalForm.SNC": { fr: "Société en nom collectif", en: "General partnership" },
  "domain.legalForm.SCS": { fr: "Société en commandite simple", en: "Limited partnership" },
  "domain.legalForm.SCA": { fr: "Société en commandite par actions", en: "Partnership limited by shares" },
  "domain.legalForm.SCI": { fr: "Société civile immobilière", en: "Property investment partnership" },
  "domain.legalForm.SCP": { fr: "Société civile professionnelle", en: "Professional partnership" },
  "domain.legalForm.SCM": { fr: "Société civile de moyens", en: "Resource-sharing partnership" },
  "domain.legalForm.SELARL": {
    fr: "Société d'exercice libéral à responsabilité limitée",
    en: "Professional limited liability company",
  },
  "domain.legalForm.SELAS": {
    fr: "Société d'exercice libéral par actions simplifiée",
    en: "Professional simplified joint-stock company",
  },
  "domain.legalForm.SCOP": { fr: "Société coopérative et participative", en: "Workers' cooperative" },
  "domain.legalForm.GIE": { fr: "Groupement d'intérêt économique", en: "Economic interest grouping" },
  "domain.legalForm.GAEC": {
    fr: "Groupement agricole d'exploitation en commun",
    en: "Joint farming grouping",
  },
  "domain.legalForm.EARL": {
    fr: "Exploitation agricole à responsabilité limitée",
    en: "Limited liability farm",
  },
  "domain.legalForm.ASSOCIATION": { fr: "Association", en: "Association" },
  "domain.legalForm.AUTRE": { fr: "Autre forme juridique", en: "Other legal form" },
});
