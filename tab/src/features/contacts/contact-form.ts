import type { Contact, ContactCreateInput, ContactUpdateInput } from "@comptoir/shared/domain/contact";
import type { Locale } from "@comptoir/shared/i18n/locale";
import { formatPhone } from "../../components/format";

/** The *Général* tab as typed (phones as shown, blank = none). */
export type ContactFormValues = {
  nom: string;
  prenom: string;
  email: string;
  phone: string;
  mobile: string;
  roleId: string;
  preferredLocale: Locale;
};

export const EMPTY_CONTACT_FORM: ContactFormValues = {
  nom: "",
  prenom: "",
  email: "",
  phone: "",
  mobile: "",
  roleId: "",
  preferredLocale: "fr",
};

/** Nom, Prénom, E-mail and the role must be filled before the server is asked. */
export const REQUIRED_CONTACT_FIELDS = ["nom", "prenom", "email", "roleId"] as const;

export function contactFormValues(contact: Contact): ContactFormValues {
  return {
    nom: contact.nom,
    prenom: contact.prenom,
    email: contact.email,
    phone: formatPhone(contact.phone),
    mobile: formatPhone(contact.mobile),
    roleId: contact.roleId,
    preferredLocale: contact.preferredLocale,
  };
}

export function missingContactFields(values: ContactFormValues): (keyof ContactFormValues)[] {
  return REQUIRED_CONTACT_FIELDS.filter((field) => values[field].trim() === "");
}

/** `POST /contacts` body; the server normalises e-mail and phones. */
export function contactCreateBody(values: ContactFormValues): ContactCreateInput {
  return { ...values };
}

/** `PATCH /contacts/:id` body: only the fields that changed. */
export function contactPatch(base: ContactFormValues, values: ContactFormValues): ContactUpdateInput {
  const patch: ContactUpdateInput = {};
  if (values.nom !== base.nom) patch.nom = values.nom;
  if (values.prenom !== base.prenom) patch.prenom = values.prenom;
  if (values.email !== base.email) patch.email = values.email;
  if (values.phone !== base.phone) patch.phone = values.phone;
  if (values.mobile !== base.mobile) patch.mobile = values.mobile;
  if (values.roleId !== base.roleId) patch.roleId = values.roleId;
  if (values.preferredLocale !== base.preferredLocale) patch.preferredLocale = values.preferredLocale;
  return patch;
}

/** The server's field errors, and `required` on the fields *Ok* found blank that are still blank. */
export function contactFieldErrors(
  server: Readonly<Record<string, string>>,
  missing: readonly (keyof ContactFormValues)[],
  values: ContactFormValues | null,
  required: string,
): Record<string, string> {
  const errors = { ...server };
  for (const field of missing) {
    if (values && values[field].trim() === "") errors[field] = required;
  }
  return errors;
}
