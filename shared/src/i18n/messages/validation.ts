import { defineMessages } from "../define";

/**
 * Field-level validation messages. Schemas put these keys in their issue messages;
 * `zodIssuesToFields` (shared/src/domain/validation.ts) translates them per locale.
 */
export const validationMessages = defineMessages({
  "validation.invalid": { fr: "Valeur invalide.", en: "Invalid value." },
  "validation.required": { fr: "Ce champ est obligatoire.", en: "This field is required." },
  "validation.invalidType": { fr: "Le type de cette valeur est incorrect.", en: "This value has the wrong type." },
  "validation.invalidNumber": { fr: "Saisissez un nombre valide.", en: "Enter a valid number." },
  "validation.notInteger": { fr: "Saisissez un nombre entier.", en: "Enter a whole number." },
  "validation.tooShort": { fr: "Saisissez au moins {min} caractères.", en: "Enter at least {min} characters." },
  "validation.tooLong": { fr: "Saisissez au plus {max} caractères.", en: "Enter at most {max} characters." },
  "validation.tooSmall": {
    fr: "La valeur doit être supérieure ou égale à {min}.",
    en: "The value must be at least {min}.",
  },
  "validation.tooBig": {
    fr: "La valeur doit être inférieure ou égale à {max}.",
    en: "The value must be at most {max}.",
  },
  "validation.tooFewItems": { fr: "Sélectionnez au moins {min} élément(s).", en: "Select at least {min} item(s)." },
  "validation.tooManyItems": { fr: "Sélectionnez au plus {max} élément(s).", en: "Select at most {max} item(s)." },
  "validation.invalidChoice": { fr: "Choisissez une valeur de la liste.", en: "Choose a value from the list." },
  "validation.invalidFormat": {
    fr: "Le format de cette valeur est incorrect.",
    en: "This value is not in the expected format.",
  },
  "validation.unknownField": { fr: "Champ non reconnu : {keys}.", en: "Unrecognised field: {keys}." },
  "validation.invalidId": {
    fr: "Identifiant invalide (lettres, chiffres, tiret ou souligné, 64 caractères au plus).",
    en: "Invalid identifier (letters, digits, hyphen or underscore, 64 characters at most).",
  },
  "validation.invalidSlug": {
    fr: "Identifiant invalide : lettres minuscules, chiffres et tirets uniquement.",
    en: "Invalid identifier: lower-case letters, digits and hyphens only.",
  },
  "validation.invalidDate": { fr: "Saisissez une date valide (AAAA-MM-JJ).", en: "Enter a valid date (YYYY-MM-DD)." },
  "validation.invalidTimestamp": { fr: "Horodatage invalide.", en: "Invalid timestamp." },
  "validation.invalidEmail": { fr: "Saisissez une adresse e-mail valide.", en: "Enter a valid e-mail address." },
  "validation.invalidPhone": {
    fr: "Saisissez un numéro de téléphone valide (par exemple 01 23 45 67 89 ou +33 1 23 45 67 89).",
    en: "Enter a valid phone number (for example +33 1 23 45 67 89).",
  },
  "validation.invalidUrl": { fr: "Saisissez une adresse web valide.", en: "Enter a valid web address." },
  "validation.invalidDossierCode": {
    fr: "Le code dossier ne peut contenir que des lettres, des chiffres, des espaces, « - » et « _ ».",
    en: "The dossier code may only contain letters, digits, spaces, “-” and “_”.",
  },
  "validation.invalidEtablissementCode": {
    fr: "Le code établissement ne peut contenir que des lettres, des chiffres, des espaces, « - » et « _ ».",
    en: "The establishment code may only contain letters, digits, spaces, “-” and “_”.",
  },
  "validation.duplicateEtablissementCode": {
    fr: "Le code établissement « {code} » est déjà utilisé dans ce dossier.",
    en: "The establishment code “{code}” is already used in this dossier.",
  },
  "validation.invalidSiren": {
    fr: "Le SIREN doit comporter 9 chiffres et être valide (clé de contrôle incorrecte).",
    en: "The SIREN must have 9 digits and be valid (wrong check digit).",
  },
  "validation.invalidSiret": {
    fr: "Le SIRET doit comporter 14 chiffres et être valide (clé de contrôle incorrecte).",
    en: "The SIRET must have 14 digits and be valid (wrong check digit).",
  },
  "validation.siretSirenMismatch": {
    fr: "Le SIRET doit commencer par le SIREN du dossier ({siren}).",
    en: "The SIRET must start with the dossier's SIREN ({siren}).",
  },
  "validation.invalidPostalCode": {
    fr: "Le code postal doit comporter 5 chiffres.",
    en: "The postal code must have 5 digits.",
  },
  "validation.invalidForeignPostalCode": {
    fr: "Le code postal doit comporter de 2 à 10 lettres ou chiffres.",
    en: "The postal code must have 2 to 10 letters or digits.",
  },
  "validation.invalidCountry": {
    fr: "Le pays doit être un code ISO à deux lettres (par exemple FR).",
    en: "The country must be a two-letter ISO code (for example FR).",
  },
  "validation.invalidNafCode": {
    fr: "Le code NAF doit avoir la forme 62.01Z.",
    en: "The NAF code must look like 62.01Z.",
  },
  "validation.invalidFiscalYearEnd": {
    fr: "La date de clôture doit avoir la forme MM-JJ et exister dans le calendrier (par exemple 12-31).",
    en: "The closing date must look like MM-DD and exist in the calendar (for example 12-31).",
  },
  "validation.invalidLimitedTo": {
    fr: "« Limité à » doit valoir « - » (tout le dossier) ou une liste de codes établissement.",
    en: "“Limited to” must be “-” (the whole dossier) or a list of establishment codes.",
  },
  "validation.limitedToEmpty": {
    fr: "Choisissez au moins un établissement, ou « - » pour tout le dossier.",
    en: "Choose at least one establishment, or “-” for the whole dossier.",
  },
  "validation.duplicateCode": {
    fr: "Le code « {code} » figure plusieurs fois.",
    en: "The code “{code}” appears more than once.",
  },
  "validation.duplicateStaffContact": {
    fr: "Un collaborateur figure deux fois dans les coordonnées.",
    en: "A collaborateur is listed twice in the contact details.",
  },
  "validation.duplicateServiceId": {
    fr: "Le service « {id} » figure plusieurs fois dans le catalogue.",
    en: "The service “{id}” appears more than once in the catalogue.",
  },
});
