import { parsePhoneNumberFromString } from "libphonenumber-js/max";
import type { CountryCode } from "libphonenumber-js/max";

// Its own module so that SIREN/SIRET checks (dossier forms, first page) do not pull in the
// numbering plans (~50 KB gzip); only the contact schema needs them.
export const DEFAULT_PHONE_COUNTRY: CountryCode = "FR";

/**
 * Parses a phone number as people type it ("01 23 45 67 89", "+33 6 12 34 56 78") into E.164
 * ("+33123456789"); `null` when it is not a valid number. Uses the full metadata so digits are
 * checked against real numbering plans, not only the length. Extensions are refused: E.164 has none.
 */
export function toE164Phone(input: string, defaultCountry: CountryCode = DEFAULT_PHONE_COUNTRY): string | null {
  const parsed = parsePhoneNumberFromString(input.trim(), defaultCountry);
  if (!parsed || !parsed.isValid() || parsed.ext) return null;
  return parsed.number;
}
