import type { Actor, ContactCreateData, DossierCreateData, RoleCreateData } from "@comptoir/shared";

/* The fixed records of the demo firm: its collaborateurs, and the dossiers, roles and contact of the user story. */

/** Placeholder collaborateurs of the demo firm (oids are fixed fakes). */
export const DEMO_COLLABORATEURS: readonly Actor[] = [
  { oid: "00000000-0000-4000-8000-000000000001", name: "Sophie Bernard" },
  { oid: "00000000-0000-4000-8000-000000000002", name: "Marc Lefèvre" },
  { oid: "00000000-0000-4000-8000-000000000003", name: "Nadia Benali" },
  { oid: "00000000-0000-4000-8000-000000000004", name: "Julien Moreau" },
];

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
  {
    // Not in the story: a dossier with two établissements and a demo FEC (seed/demo-fec.ts), to show the
    // accounting of a contact limited to one établissement.
    code: "000120",
    name: "BOULANGERIES LEROUX",
    siren: "352148969",
    legalForm: "SAS",
    address: { line1: "3 rue d'Antrain", line2: null, postalCode: "35000", city: "Rennes", country: "FR" },
    nafCode: "10.71C",
    fiscalYearEnd: "12-31",
    responsible: DEMO_COLLABORATEURS[0] ?? null,
    etablissements: [
      { code: "001", name: "Boulangerie de Rennes", siret: "35214896900012" },
      { code: "002", name: "Boulangerie de Vannes", siret: "35214896900020" },
    ],
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
