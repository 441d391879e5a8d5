import type { Address, LegalForm } from "@comptoir/shared/domain/dossier";
import type { MessageKey } from "@comptoir/shared/i18n/fr";
import type { Locale } from "@comptoir/shared/i18n/locale";
import { translate } from "@comptoir/shared/i18n/translate";
import { formatMonthDay, formatSiren } from "../../components/format";

const INTL_LOCALE: Record<Locale, string> = { fr: "fr-FR", en: "en-GB" };

/** `88765432500018` → "887 654 325 00018": the SIREN by threes, then the NIC of the établissement. */
export function formatSiret(siret: string): string {
  const compact = siret.replace(/\s/g, "");
  if (!/^\d{14}$/.test(compact)) return siret;
  return `${formatSiren(compact.slice(0, 9))} ${compact.slice(9)}`;
}

/** The fiscal year end `MM-DD` as a day of the year: "31 décembre" / "31 December". */
export function formatClosingDate(locale: Locale, fiscalYearEnd: string): string {
  return formatMonthDay(locale, fiscalYearEnd);
}

function legalFormKey(form: LegalForm): MessageKey {
  return `domain.legalForm.${form}`;
}

/** "SAS — Société par actions simplifiée"; the name alone when the code adds nothing ("Association"). */
export function legalFormLabel(locale: Locale, form: LegalForm): string {
  const label = translate(locale, legalFormKey(form));
  if (form === "AUTRE" || label.toUpperCase() === form) return label;
  return translate(locale, "client.fiche.legalFormValue", { code: form, label });
}

/** The postal lines of an address; a foreign country is named in the reader's language. */
export function addressLines(locale: Locale, address: Address): string[] {
  const lines = [address.line1, address.line2 ?? "", `${address.postalCode} ${address.city}`.trim()];
  if (address.country !== "FR") {
    const names = new Intl.DisplayNames([INTL_LOCALE[locale]], { type: "region" });
    lines.push(names.of(address.country) ?? address.country);
  }
  return lines.filter((line) => line !== "");
}
