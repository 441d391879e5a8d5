import {
  LA_POSTE_SIREN,
  luhnCheckDigit,
  toE164Phone,
  type Actor,
  type ContactCreateData,
  type DossierCreateData,
  type Etablissement,
  type LegalForm,
  type RoleCreateData,
} from "@comptoir/shared";

/**
 * Demo data for the firm back office: pure and deterministic for a given seed, so demos, tests and
 * the 10,000-dossier benchmark always see the same portfolio. Every record is a valid create input.
 */

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

type Trade = {
  label: string;
  naf: string;
  forms: readonly LegalForm[];
  /** How names are built: after a family name ("Boulangerie Martin"), a place ("… du Parc"), or either. */
  naming: "surname" | "place" | "either";
};

const TRADES: readonly Trade[] = [
  { label: "Boulangerie", naf: "10.71C", forms: ["SARL", "EURL", "SAS", "EI"], naming: "either" },
  { label: "Boucherie", naf: "47.22Z", forms: ["SARL", "EURL", "EI"], naming: "surname" },
  { label: "Transports", naf: "49.41A", forms: ["SARL", "SAS", "SA"], naming: "surname" },
  { label: "Taxis", naf: "49.32Z", forms: ["EI", "SASU", "EURL"], naming: "surname" },
  { label: "Cabinet Dentaire", naf: "86.23Z", forms: ["SELARL", "SELAS", "SCP"], naming: "either" },
  { label: "Cabinet Infirmier", naf: "86.90D", forms: ["SCM", "SELARL", "EI"], naming: "place" },
  { label: "Cabinet de Kinésithérapie", naf: "86.90E", forms: ["SCM", "SELARL", "EI"], naming: "place" },
  { label: "Pharmacie", naf: "47.73Z", forms: ["SELARL", "SELAS", "SNC"], naming: "either" },
  { label: "Restaurant", naf: "56.10A", forms: ["SARL", "SAS", "SASU"], naming: "place" },
  { label: "Brasserie", naf: "56.10A", forms: ["SARL", "SAS"], naming: "place" },
  { label: "Traiteur", naf: "56.21Z", forms: ["SARL", "EURL", "EI"], naming: "surname" },
  { label: "Hôtel", naf: "55.10Z", forms: ["SARL", "SAS", "SA"], naming: "place" },
  { label: "Plomberie", naf: "43.22A", forms: ["SARL", "EURL", "EI", "SASU"], naming: "surname" },
  { label: "Électricité", naf: "43.21A", forms: ["SARL", "EURL", "EI", "SASU"], naming: "surname" },
  { label: "Menuiserie", naf: "43.32A", forms: ["SARL", "EURL", "SAS"], naming: "surname" },
  { label: "Maçonnerie", naf: "43.99C", forms: ["SARL", "EURL", "SAS"], naming: "surname" },
  { label: "Peinture", naf: "43.34Z", forms: ["SARL", "EURL", "EI"], naming: "surname" },
  { label: "Garage", naf: "45.20A", forms: ["SARL", "SAS", "EURL"], naming: "either" },
  { label: "Coiffure", naf: "96.02A", forms: ["EI", "EURL", "SARL"], naming: "either" },
  { label: "Pressing", naf: "96.01B", forms: ["EI", "SARL"], naming: "place" },
  { label: "Fleurs", naf: "47.76Z", forms: ["EI", "EURL", "SARL"], naming: "either" },
  { label: "Librairie", naf: "47.61Z", forms: ["SARL", "SCOP", "EURL"], naming: "place" },
  { label: "Épicerie", naf: "47.11B", forms: ["EI", "SARL", "SAS"], naming: "either" },
  { label: "Cave", naf: "47.25Z", forms: ["SARL", "SAS", "EURL"], naming: "place" },
  { label: "Optique", naf: "47.78A", forms: ["SARL", "SAS"], naming: "either" },
  { label: "Agence Immobilière", naf: "68.31Z", forms: ["SARL", "SAS"], naming: "place" },
  { label: "Auto-École", naf: "85.53Z", forms: ["SARL", "EURL", "SAS"], naming: "place" },
  { label: "Paysages", naf: "81.30Z", forms: ["SARL", "EURL", "EI"], naming: "surname" },
  { label: "Nettoyage", naf: "81.21Z", forms: ["SARL", "SAS"], naming: "surname" },
  { label: "Studio Photo", naf: "74.20Z", forms: ["EI", "EURL"], naming: "place" },
  { label: "Architectes", naf: "71.11Z", forms: ["SARL", "SELARL", "SCP"], naming: "surname" },
  { label: "Conseil", naf: "70.22Z", forms: ["SAS", "SASU", "EURL"], naming: "surname" },
  { label: "Informatique", naf: "62.02A", forms: ["SAS", "SASU", "SARL"], naming: "surname" },
  { label: "Logiciels", naf: "62.01Z", forms: ["SAS", "SASU"], naming: "surname" },
  { label: "Communication", naf: "73.11Z", forms: ["SAS", "SARL", "EURL"], naming: "surname" },
  { label: "Clinique Vétérinaire", naf: "75.00Z", forms: ["SELARL", "SELAS"], naming: "place" },
];

const SURNAMES = [
  "Martin",
  "Bernard",
  "Thomas",
  "Petit",
  "Robert",
  "Richard",
  "Durand",
  "Dubois",
  "Moreau",
  "Laurent",
  "Simon",
  "Michel",
  "Lefèvre",
  "Leroy",
  "Roux",
  "David",
  "Bertrand",
  "Morel",
  "Fournier",
  "Girard",
  "Bonnet",
  "Dupont",
  "Lambert",
  "Fontaine",
  "Rousseau",
  "Vincent",
  "Muller",
  "Faure",
  "André",
  "Mercier",
  "Blanc",
  "Guérin",
  "Boyer",
  "Garnier",
  "Chevalier",
  "François",
  "Legrand",
  "Gauthier",
  "Garcia",
  "Perrin",
  "Robin",
  "Clément",
  "Morin",
  "Nicolas",
  "Henry",
  "Roussel",
  "Mathieu",
  "Masson",
  "Marchand",
  "Duval",
  "Denis",
  "Dumont",
  "Lemaire",
  "Noël",
  "Meyer",
  "Dufour",
  "Meunier",
  "Brun",
  "Blanchard",
  "Giraud",
  "Joly",
  "Rivière",
  "Lucas",
  "Brunet",
  "Gaillard",
  "Barbier",
  "Arnaud",
  "Roche",
  "Renard",
  "Schmitt",
  "Colin",
  "Vidal",
  "Caron",
  "Picard",
  "Fabre",
  "Aubert",
  "Lemoine",
  "Renaud",
  "Lacroix",
  "Le Gall",
  "Bourgeois",
  "Leclerc",
  "Guillaume",
  "Lecomte",
  "Hubert",
  "Berger",
  "Carpentier",
  "Deschamps",
  "Fleury",
  "Poirier",
] as const;

const FIRST_NAMES = [
  "Marie",
  "Jean",
  "Pierre",
  "Sophie",
  "Nathalie",
  "Philippe",
  "Isabelle",
  "Nicolas",
  "Catherine",
  "Julien",
  "Sandrine",
  "Thomas",
  "Céline",
  "Laurent",
  "Stéphanie",
  "Sébastien",
  "Aurélie",
  "Christophe",
  "Émilie",
  "Olivier",
  "Camille",
  "Antoine",
  "Julie",
  "Mathieu",
  "Claire",
  "François",
  "Élodie",
  "Guillaume",
  "Chloé",
  "Hélène",
  "Lucas",
  "Léa",
  "Hugo",
  "Manon",
  "Louis",
  "Inès",
  "Gabriel",
  "Sarah",
  "Arthur",
  "Zoé",
  "Benoît",
  "Agnès",
  "Thierry",
  "Valérie",
  "Yannick",
  "Brigitte",
  "Jérôme",
  "Véronique",
  "Karim",
  "Amina",
] as const;

const PLACES = [
  "du Parc",
  "des Lilas",
  "de la Gare",
  "du Centre",
  "des Halles",
  "du Port",
  "du Marché",
  "des Tilleuls",
  "de l'Europe",
  "du Lac",
  "des Vignes",
  "du Moulin",
  "de la Fontaine",
  "des Arcades",
  "Saint-Michel",
  "de la Cathédrale",
  "du Vieux Pont",
  "des Remparts",
  "de la Plage",
  "du Château",
] as const;

/** Real postcode/city pairs. */
const CITIES: readonly { postalCode: string; city: string }[] = [
  { postalCode: "75011", city: "Paris" },
  { postalCode: "75015", city: "Paris" },
  { postalCode: "75008", city: "Paris" },
  { postalCode: "69003", city: "Lyon" },
  { postalCode: "69100", city: "Villeurbanne" },
  { postalCode: "13001", city: "Marseille" },
  { postalCode: "13100", city: "Aix-en-Provence" },
  { postalCode: "31000", city: "Toulouse" },
  { postalCode: "06000", city: "Nice" },
  { postalCode: "44000", city: "Nantes" },
  { postalCode: "67000", city: "Strasbourg" },
  { postalCode: "34000", city: "Montpellier" },
  { postalCode: "33000", city: "Bordeaux" },
  { postalCode: "59000", city: "Lille" },
  { postalCode: "59100", city: "Roubaix" },
  { postalCode: "35000", city: "Rennes" },
  { postalCode: "35400", city: "Saint-Malo" },
  { postalCode: "51100", city: "Reims" },
  { postalCode: "76600", city: "Le Havre" },
  { postalCode: "76000", city: "Rouen" },
  { postalCode: "42000", city: "Saint-Étienne" },
  { postalCode: "83000", city: "Toulon" },
  { postalCode: "38000", city: "Grenoble" },
  { postalCode: "21000", city: "Dijon" },
  { postalCode: "49000", city: "Angers" },
  { postalCode: "30000", city: "Nîmes" },
  { postalCode: "63000", city: "Clermont-Ferrand" },
  { postalCode: "72000", city: "Le Mans" },
  { postalCode: "29200", city: "Brest" },
  { postalCode: "29000", city: "Quimper" },
  { postalCode: "37000", city: "Tours" },
  { postalCode: "80000", city: "Amiens" },
  { postalCode: "87000", city: "Limoges" },
  { postalCode: "74000", city: "Annecy" },
  { postalCode: "66000", city: "Perpignan" },
  { postalCode: "57000", city: "Metz" },
  { postalCode: "25000", city: "Besançon" },
  { postalCode: "45000", city: "Orléans" },
  { postalCode: "68100", city: "Mulhouse" },
  { postalCode: "68000", city: "Colmar" },
  { postalCode: "14000", city: "Caen" },
  { postalCode: "54000", city: "Nancy" },
  { postalCode: "84000", city: "Avignon" },
  { postalCode: "86000", city: "Poitiers" },
  { postalCode: "64000", city: "Pau" },
  { postalCode: "64100", city: "Bayonne" },
  { postalCode: "17000", city: "La Rochelle" },
  { postalCode: "56000", city: "Vannes" },
  { postalCode: "73000", city: "Chambéry" },
  { postalCode: "10000", city: "Troyes" },
  { postalCode: "79000", city: "Niort" },
  { postalCode: "26000", city: "Valence" },
  { postalCode: "20000", city: "Ajaccio" },
  { postalCode: "97400", city: "Saint-Denis" },
];

const STREETS = [
  "rue de la République",
  "avenue Jean Jaurès",
  "boulevard Victor Hugo",
  "place du Marché",
  "rue des Tilleuls",
  "rue Pasteur",
  "avenue du Général de Gaulle",
  "rue Nationale",
  "chemin des Vignes",
  "allée des Acacias",
  "impasse du Moulin",
  "rue Gambetta",
  "rue de la Gare",
  "avenue de la Libération",
  "rue du Commerce",
  "boulevard Carnot",
  "rue Émile Zola",
  "rue des Écoles",
  "route de Paris",
  "quai des Marchands",
] as const;

const LINE2 = [
  "Bâtiment B",
  "2e étage",
  "ZA des Portes",
  "Résidence Les Cèdres",
  "BP 42",
  "Zone artisanale Nord",
] as const;
const SITE_KINDS = ["Agence", "Dépôt", "Atelier", "Magasin", "Bureau"] as const;
const CLOSINGS = ["03-31", "06-30", "09-30"] as const;
/** Legal forms that people write after the name ("Transports Lefèvre SARL"). */
const SUFFIXABLE: readonly LegalForm[] = ["SARL", "SAS", "SA", "EURL"];

/** Placeholder collaborateurs of the demo firm (oids are fixed fakes). */
export const DEMO_COLLABORATEURS: readonly Actor[] = [
  { oid: "00000000-0000-4000-8000-000000000001", name: "Sophie Bernard" },
  { oid: "00000000-0000-4000-8000-000000000002", name: "Marc Lefèvre" },
  { oid: "00000000-0000-4000-8000-000000000003", name: "Nadia Benali" },
  { oid: "00000000-0000-4000-8000-000000000004", name: "Julien Moreau" },
];

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

/** The dossiers named in the user story. RPTEST2 has two établissements to demo "Limité à". */
export const SEED_DOSSIERS: readonly DossierCreateData[] = [
  {
    code: "000001",
    name: "TESTESTRADE",
    siren: "904128733",
    legalForm: "SAS",
    address: { line1: "12 rue de la République", line2: null, postalCode: "69002", city: "Lyon", country: "FR" },
    nafCode: "46.90Z",
    fiscalYearEnd: "12-31",
    responsible: DEMO_COLLABORATEURS[0] ?? null,
    etablissements: [{ code: "001", name: "Siège social de Lyon", siret: "90412873300014" }],
  },
  {
    code: "000097",
    name: "ROLL N CO 2",
    siren: "812345676",
    legalForm: "SARL",
    address: { line1: "4 quai des Chartrons", line2: null, postalCode: "33000", city: "Bordeaux", country: "FR" },
    nafCode: "56.10A",
    fiscalYearEnd: "06-30",
    responsible: DEMO_COLLABORATEURS[1] ?? null,
    etablissements: [{ code: "001", name: "Siège social de Bordeaux", siret: "81234567600017" }],
  },
  {
    code: "000100",
    name: "TESTROLNCO",
    siren: "532198769",
    legalForm: "EURL",
    address: { line1: "27 avenue Jean Médecin", line2: "3e étage", postalCode: "06000", city: "Nice", country: "FR" },
    nafCode: "56.10A",
    fiscalYearEnd: "12-31",
    responsible: DEMO_COLLABORATEURS[1] ?? null,
    etablissements: [],
  },
  {
    code: "RPTEST2",
    name: "RPTEST2",
    siren: "798456125",
    legalForm: "SAS",
    address: { line1: "8 place du Commerce", line2: null, postalCode: "44000", city: "Nantes", country: "FR" },
    nafCode: "47.11B",
    fiscalYearEnd: "12-31",
    responsible: DEMO_COLLABORATEURS[2] ?? null,
    etablissements: [
      { code: "001", name: "Siège social de Nantes", siret: "79845612500011" },
      { code: "002", name: "Magasin de Saint-Nazaire", siret: "79845612500029" },
    ],
  },
  {
    code: "DIRECT3",
    name: "DIRECT3",
    siren: "887654325",
    legalForm: "SASU",
    address: { line1: "15 rue Nationale", line2: null, postalCode: "59000", city: "Lille", country: "FR" },
    nafCode: "62.02A",
    fiscalYearEnd: "03-31",
    responsible: DEMO_COLLABORATEURS[3] ?? null,
    etablissements: [{ code: "001", name: "Siège social de Lille", siret: "88765432500018" }],
  },
];

/** Demo organisational roles, with fixed ids so seeding twice finds them again. */
export const DEMO_ROLES: readonly (RoleCreateData & { id: string })[] = [
  { id: "demo-role-dirigeant", label: "Dirigeant", description: "Dirige l'entreprise et valide les comptes annuels." },
  { id: "demo-role-comptable-interne", label: "Comptable interne", description: "Tient la comptabilité au quotidien." },
  { id: "demo-role-assistant-direction", label: "Assistant(e) de direction", description: null },
  {
    id: "demo-role-directeur-financier",
    label: "Directeur financier",
    description: "Suit la trésorerie et le budget.",
  },
];

/** The contact of the user story. */
export const DEMO_CONTACT: ContactCreateData = {
  nom: "Collaboratif",
  prenom: "Client",
  email: "client.collaboratif@exemple.fr",
  phone: null,
  mobile: null,
  roleId: "demo-role-dirigeant",
  preferredLocale: "fr",
};

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
