import {
  LA_POSTE_SIREN,
  luhnCheckDigit,
  toE164Phone,
  type ContactCreateData,
  type DossierCreateData,
  type Etablissement,
  type LegalForm,
} from "@comptoir/shared";
import { CITIES, LINE2, STREETS } from "./addresses";
import { DEMO_COLLABORATEURS, DEMO_CONTACT, SEED_DOSSIERS } from "./fixtures";
import { FIRST_NAMES, PLACES, SITE_KINDS, SURNAMES, TRADES, type Trade } from "./names";

/**
 * Demo data for the firm back office: pure and deterministic for a given seed, so demos, tests and
 * the 10,000-dossier benchmark always see the same portfolio. Every record is a valid create input.
 * The tables it draws from are in names.ts and addresses.ts; the fixed records in fixtures.ts.
 */

// The seed's callers take everything from this module.
export { DEMO_CONTACT, DEMO_ROLES, SEED_DOSSIERS } from "./fixtures";

/** Small, fast, seedable PRNG (mulberry32): uniform floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Random {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  /** Integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(list: readonly T[]): T {
    const item = list[this.int(list.length)];
    if (item === undefined) throw new Error("pick from an empty list");
    return item;
  }
  digits(n: number): string {
    let s = "";
    for (let i = 0; i < n; i++) s += String(this.int(10));
    return s;
  }
}

const CLOSINGS = ["03-31", "06-30", "09-30"] as const;
/** Legal forms that people write after the name ("Transports Lefèvre SARL"). */
const SUFFIXABLE: readonly LegalForm[] = ["SARL", "SAS", "SA", "EURL"];

/** Appends the Luhn key: a valid SIREN from 8 digits, a valid SIRET from SIREN + 4-digit NIC. */
function withKey(partial: string): string {
  return partial + luhnCheckDigit(partial);
}

/** "de Lyon", "d'Angers", "du Mans". */
function ofCity(city: string): string {
  if (city.startsWith("Le ")) return `du ${city.slice(3)}`;
  if (city.startsWith("Les ")) return `des ${city.slice(4)}`;
  return /^[AEIOUYÉÈÊÂÎ]/.test(city) ? `d'${city}` : `de ${city}`;
}

function companyName(rng: Random, trade: Trade, form: LegalForm): string {
  const usePlace = trade.naming === "place" || (trade.naming === "either" && rng.chance(0.4));
  if (usePlace) return `${trade.label} ${rng.pick(PLACES)}`;
  const surname = rng.pick(SURNAMES);
  if (rng.chance(0.1)) return `${trade.label} ${surname} & Fils`;
  if (SUFFIXABLE.includes(form) && rng.chance(0.35)) return `${trade.label} ${surname} ${form}`;
  return `${trade.label} ${surname}`;
}

function uniqueSiren(rng: Random, taken: Set<string>): string {
  for (;;) {
    const siren = withKey(String(3 + rng.int(7)) + rng.digits(7));
    if (siren !== LA_POSTE_SIREN && !taken.has(siren)) {
      taken.add(siren);
      return siren;
    }
  }
}

function etablissements(rng: Random, siren: string, home: string): Etablissement[] {
  const roll = rng.int(100);
  const count = roll < 15 ? 0 : roll < 65 ? 1 : roll < 90 ? 2 : 3;
  const list: Etablissement[] = [];
  let nic = 0;
  for (let i = 0; i < count; i++) {
    nic += 1 + (i === 0 ? 0 : rng.int(9));
    const name = i === 0 ? `Siège social ${ofCity(home)}` : `${rng.pick(SITE_KINDS)} ${ofCity(rng.pick(CITIES).city)}`;
    list.push({ code: String(i + 1).padStart(3, "0"), name, siret: withKey(siren + String(nic).padStart(4, "0")) });
  }
  return list;
}

export type DemoDossierOptions = {
  /** Codes are sequential from here (6 digits), clear of the seed dossiers' codes. */
  firstCode?: number;
};

/** `count` realistic, valid and uniquely coded dossiers; the same `seed` always gives the same list. */
export function generateDemoDossiers(
  count: number,
  seed: number,
  options: DemoDossierOptions = {},
): DossierCreateData[] {
  const rng = new Random(seed);
  const firstCode = options.firstCode ?? 200001;
  const sirens = new Set<string>(SEED_DOSSIERS.map((d) => d.siren).filter((s): s is string => s !== null));
  const out: DossierCreateData[] = [];
  for (let i = 0; i < count; i++) {
    const trade = rng.pick(TRADES);
    const legalForm = rng.pick(trade.forms);
    const place = rng.pick(CITIES);
    const siren = uniqueSiren(rng, sirens);
    out.push({
      code: String(firstCode + i).padStart(6, "0"),
      name: companyName(rng, trade, legalForm),
      siren,
      legalForm,
      address: {
        line1: `${1 + rng.int(120)}${rng.chance(0.08) ? " bis" : ""} ${rng.pick(STREETS)}`,
        line2: rng.chance(0.2) ? rng.pick(LINE2) : null,
        postalCode: place.postalCode,
        city: place.city,
        country: "FR",
      },
      nafCode: trade.naf,
      fiscalYearEnd: rng.chance(0.75) ? "12-31" : rng.pick(CLOSINGS),
      responsible: rng.chance(0.8) ? rng.pick(DEMO_COLLABORATEURS) : null,
      etablissements: etablissements(rng, siren, place.city),
    });
  }
  return out;
}

/** RFC 2606 domains: generated contacts can never receive a real invitation. */
const DEMO_EMAIL_DOMAINS = ["example.com", "example.org", "example.net"] as const;

function emailPart(s: string): string {
  return s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

/** A valid French number with the given prefix, e.g. "6" (mobile) or "1" (Île-de-France). */
function frenchPhone(rng: Random, prefixes: readonly string[]): string | null {
  for (let attempt = 0; attempt < 5; attempt++) {
    const e164 = toE164Phone(`+33${rng.pick(prefixes)}${rng.digits(8)}`);
    if (e164 !== null) return e164;
  }
  return null;
}

/** `count` valid contacts with unique e-mails, each given one of `roleIds`; deterministic per seed. */
export function generateDemoContacts(count: number, seed: number, roleIds: readonly string[]): ContactCreateData[] {
  if (roleIds.length === 0 && count > 0) throw new Error("generateDemoContacts needs at least one role id");
  const rng = new Random(seed);
  const emails = new Set<string>([DEMO_CONTACT.email]);
  const out: ContactCreateData[] = [];
  for (let i = 0; i < count; i++) {
    const prenom = rng.pick(FIRST_NAMES);
    const nom = rng.pick(SURNAMES);
    const domain = rng.pick(DEMO_EMAIL_DOMAINS);
    const base = `${emailPart(prenom)}.${emailPart(nom)}`;
    let email = `${base}@${domain}`;
    for (let n = 2; emails.has(email); n++) email = `${base}${n}@${domain}`;
    emails.add(email);
    out.push({
      nom,
      prenom,
      email,
      phone: rng.chance(0.4) ? frenchPhone(rng, ["1", "2", "3", "4", "5"]) : null,
      mobile: rng.chance(0.7) ? frenchPhone(rng, ["6", "7"]) : null,
      roleId: rng.pick(roleIds),
      preferredLocale: rng.chance(0.9) ? "fr" : "en",
    });
  }
  return out;
}
