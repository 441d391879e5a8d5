import { Readable } from "node:stream";
import type { Principal } from "@comptoir/shared";
import type { AccountingDeps } from "../../src/accounting/deps";
import { uploadFec } from "../../src/accounting/import/service";
import type { ServiceDeps } from "../../src/core/services/context";
import { DEMO_STAFF } from "../demo-persons";
import { fecText } from "../fec-text";

/** The seed dossier whose FEC is imported at seeding (fixtures.ts): two établissements, 001 and 002. */
export const DEMO_FEC_DOSSIER_CODE = "000120";
const DEMO_FEC_EXERCICE = { start: "2025-01-01", end: "2025-12-31" } as const;

type Line = [
  journal: string,
  num: string,
  date: string,
  compte: string,
  aux: string,
  lib: string,
  debit: string,
  credit: string,
  etab: string,
];

/**
 * A small balanced exercice in which every écriture belongs to one établissement and its libellé names the
 * town, so that a contact limited to one établissement visibly sees only that town's lines.
 */
const LINES: readonly Line[] = [
  ["VE", "VE1", "20250131", "411000", "CLI001", "Ventes de Rennes janvier", "1200,00", "0,00", "001"],
  ["VE", "VE1", "20250131", "706000", "", "Ventes de Rennes janvier", "0,00", "1000,00", "001"],
  ["VE", "VE1", "20250131", "445710", "", "Ventes de Rennes janvier", "0,00", "200,00", "001"],
  ["VE", "VE2", "20250131", "411000", "CLI002", "Ventes de Vannes janvier", "840,00", "0,00", "002"],
  ["VE", "VE2", "20250131", "706000", "", "Ventes de Vannes janvier", "0,00", "700,00", "002"],
  ["VE", "VE2", "20250131", "445710", "", "Ventes de Vannes janvier", "0,00", "140,00", "002"],
  ["AC", "AC1", "20250210", "601000", "", "Farine de Rennes février", "300,00", "0,00", "001"],
  ["AC", "AC1", "20250210", "401000", "FOU001", "Farine de Rennes février", "0,00", "300,00", "001"],
  ["AC", "AC2", "20250212", "601000", "", "Farine de Vannes février", "250,00", "0,00", "002"],
  ["AC", "AC2", "20250212", "401000", "FOU001", "Farine de Vannes février", "0,00", "250,00", "002"],
  ["BQ", "BQ1", "20250215", "512000", "", "Encaissement de Rennes", "1200,00", "0,00", "001"],
  ["BQ", "BQ1", "20250215", "411000", "CLI001", "Encaissement de Rennes", "0,00", "1200,00", "001"],
  ["BQ", "BQ2", "20250220", "512000", "", "Encaissement de Vannes", "840,00", "0,00", "002"],
  ["BQ", "BQ2", "20250220", "411000", "CLI002", "Encaissement de Vannes", "0,00", "840,00", "002"],
];

const JOURNALS: Record<string, string> = { VE: "Ventes", AC: "Achats", BQ: "Banque" };
const ACCOUNTS: Record<string, string> = {
  "411000": "Clients",
  "706000": "Prestations de services",
  "445710": "TVA collectée",
  "601000": "Achats de matières premières",
  "401000": "Fournisseurs",
  "512000": "Banque",
};
const AUX: Record<string, string> = {
  CLI001: "Épicerie Rennaise",
  CLI002: "Hôtel du Golfe",
  FOU001: "Minoterie Bretonne",
};

export function demoFecText(): string {
  return fecText(
    LINES.map(([journal, num, date, compte, aux, lib, debit, credit, etab]) => ({
      journal,
      journalLib: JOURNALS[journal] ?? journal,
      num,
      date,
      compte,
      compteLib: ACCOUNTS[compte] ?? compte,
      ...(aux ? { aux, auxLib: AUX[aux] ?? aux } : {}),
      piece: num,
      lib,
      debit,
      credit,
      etab,
    })),
  );
}

/** Imports the demo FEC into the dossier as the demo collaboratrice would, through the import service. */
export async function importDemoFec(
  deps: ServiceDeps,
  accounting: AccountingDeps,
  tenantId: string,
  dossierId: string,
  siren: string,
): Promise<void> {
  const staff: Principal = {
    tenantId,
    oid: DEMO_STAFF.oid,
    name: DEMO_STAFF.name,
    username: DEMO_STAFF.username,
    roles: DEMO_STAFF.roles,
    kind: "staff",
  };
  const file = Buffer.from(demoFecText(), "utf8");
  const fileName = `${siren}FEC${DEMO_FEC_EXERCICE.end.replace(/-/g, "")}.txt`;
  const outcome = await uploadFec(
    deps,
    accounting,
    staff,
    dossierId,
    { exercice: DEMO_FEC_EXERCICE, fileName },
    Readable.from([file]),
    file.length,
  );
  if (outcome.kind !== "imported") throw new Error(`The demo FEC was refused: ${outcome.firstError ?? "?"}`);
}
