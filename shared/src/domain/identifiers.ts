/** Luhn (mod 10) check used by INSEE for SIREN and SIRET numbers. */
export function luhnIsValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  return luhnSum(digits, false) % 10 === 0;
}

/** The digit to append to `partial` so that the whole number passes the Luhn check. */
export function luhnCheckDigit(partial: string): string {
  if (!/^\d*$/.test(partial)) throw new Error("luhnCheckDigit expects digits only");
  return String((10 - (luhnSum(partial, true) % 10)) % 10);
}

/** Sum with every second digit doubled, counting from the right (`shifted` when a check digit is still to come). */
function luhnSum(digits: string, shifted: boolean): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === (shifted ? 0 : 1)) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum;
}

/** People type SIREN/SIRET with spaces or dots ("732 829 320"). */
export function compactIdentifier(input: string): string {
  return input.replace(/[\s.\u00a0\u202f]/g, "");
}

export function isValidSiren(siren: string): boolean {
  return /^\d{9}$/.test(siren) && luhnIsValid(siren);
}

/**
 * La Poste has too many establishments for the Luhn key space, so INSEE numbers them with
 * a different rule: the digits of the SIRET add up to a multiple of 5.
 */
export const LA_POSTE_SIREN = "356000000";

export function isValidSiret(siret: string): boolean {
  if (!/^\d{14}$/.test(siret)) return false;
  if (siret.startsWith(LA_POSTE_SIREN)) return luhnIsValid(siret) || digitSum(siret) % 5 === 0;
  return luhnIsValid(siret);
}

function digitSum(digits: string): number {
  let sum = 0;
  for (const c of digits) sum += c.charCodeAt(0) - 48;
  return sum;
}

/** The uniqueness key of an e-mail address: trimmed, lower-case, Unicode-normalised. */
export function normalizeEmail(email: string): string {
  return email.normalize("NFC").trim().toLowerCase();
}
