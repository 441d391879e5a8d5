import { readFileSync } from "node:fs";
import { expect, test, type APIRequestContext, type Browser, type Locator, type Page } from "@playwright/test";
import { fecText as fecLines } from "../bot/dev/fec-text";
import {
  expectAccessible,
  inviteClient,
  json,
  newSiren,
  openConsultation,
  signInAs,
  signInFromInvitation,
  staffApi,
} from "./support";

/**
 * Issue 17 from the screens: staff import a small FEC through the API, then open the Balance âgée,
 * drill down to a client's open lines and export the table as CSV; the client of the dossier does the
 * same from the fiche société, exporting one third party's lines.
 */
test.use({ locale: "fr-FR", viewport: { width: 1280, height: 900 } });
test.describe.configure({ mode: "serial" });

const stamp = Date.now().toString(36).toUpperCase();
const CODE = `AGE${stamp}`;
const NAME = `Atelier Âgé ${stamp}`;
const CLIENT = { prenom: "Léa", nom: `Agee${stamp}`, email: `lea.agee.${stamp.toLowerCase()}@exemple.fr` };

type Row = [
  journal: string,
  num: string,
  date: string,
  compte: string,
  aux: string,
  piece: string,
  pieceDate: string,
  lib: string,
  debit: string,
  credit: string,
  letter: string,
  dateLet: string,
];

/**
 * At 31/12/2024: CLI001 owes 1 200,00 from an invoice dated 15/10 (77 days: 61–90) after paying the
 * March one (lettered); CLI002 owes 300,00 entered on 20/12 for a piece dated 31/08 (122 days: over 90);
 * FOU001 is owed 480,00 from 05/12 (26 days).
 */
const ROWS: Row[] = [
  ["VE", "VE1", "20240315", "411000", "CLI001", "FA1", "20240315", "Facture mars", "600,00", "0,00", "A", "20240410"],
  ["VE", "VE1", "20240315", "706000", "", "FA1", "20240315", "Facture mars", "0,00", "600,00", "", ""],
  ["BQ", "BQ1", "20240410", "512000", "", "VIR1", "20240410", "Règlement mars", "600,00", "0,00", "", ""],
  [
    "BQ",
    "BQ1",
    "20240410",
    "411000",
    "CLI001",
    "VIR1",
    "20240410",
    "Règlement mars",
    "0,00",
    "600,00",
    "A",
    "20240410",
  ],
  ["VE", "VE2", "20241015", "411000", "CLI001", "FA2", "20241015", "Facture octobre", "1200,00", "0,00", "", ""],
  ["VE", "VE2", "20241015", "706000", "", "FA2", "20241015", "Facture octobre", "0,00", "1200,00", "", ""],
  ["VE", "VE3", "20241220", "411000", "CLI002", "FA3", "20240831", "Facture août", "300,00", "0,00", "", ""],
  ["VE", "VE3", "20241220", "706000", "", "FA3", "20240831", "Facture août", "0,00", "300,00", "", ""],
  ["AC", "AC1", "20241205", "606100", "", "FF1", "20241205", "Fournitures", "480,00", "0,00", "", ""],
  ["AC", "AC1", "20241205", "401000", "FOU001", "FF1", "20241205", "Fournitures", "0,00", "480,00", "", ""],
];

const JOURNALS: Record<string, string> = { VE: "Ventes", BQ: "Banque", AC: "Achats" };
const ACCOUNTS: Record<string, string> = {
  "411000": "Clients",
  "706000": "Prestations de services",
  "512000": "Banque",
  "606100": "Fournitures non stockables",
  "401000": "Fournisseurs",
};
const AUX: Record<string, string> = { CLI001: "Client Alpha", CLI002: "Client Beta", FOU001: "Papeterie Durand" };

function fecText(): string {
  return fecLines(
    ROWS.map(([journal, num, date, compte, aux, piece, pieceDate, lib, debit, credit, letter, dateLet]) => ({
      journal,
      journalLib: JOURNALS[journal] ?? journal,
      num,
      date,
      compte,
      compteLib: ACCOUNTS[compte] ?? compte,
      ...(aux ? { aux, auxLib: AUX[aux] ?? "" } : {}),
      piece,
      pieceDate,
      lib,
      debit,
      credit,
      ...(letter ? { letter, dateLet } : {}),
    })),
  );
}

const amount = (cents: number) => new Intl.NumberFormat("fr-FR", { minimumFractionDigits: 2 }).format(cents / 100);

const SIREN = newSiren(7);

let api: APIRequestContext;
let dossierId = "";

/** Balance âgée of the clients at the exercice's end, then CLI001's open lines in the dialog (keyboard). */
async function openAgedBalance(page: Page, scope: Locator): Promise<Locator> {
  await scope.getByRole("tablist", { name: "Vues comptables" }).getByRole("tab", { name: "Balance âgée" }).click();
  await expect(scope.getByText(/depuis sa date de pièce, ou sa date d'écriture/)).toBeVisible();
  const table = scope.getByRole("table", { name: /Balance âgée Clients \(411\) au 31\/12\/2024/ });
  const alpha = table.getByRole("row").filter({ hasText: "Client Alpha" });
  await expect(alpha.getByRole("cell")).toHaveText(["Client Alpha", "", "", "", amount(120_000), "", amount(120_000)]);
  const beta = table.getByRole("row").filter({ hasText: "Client Beta" });
  await expect(beta.getByRole("cell")).toHaveText(["Client Beta", "", "", "", "", amount(30_000), amount(30_000)]);
  await expect(table.getByRole("row").filter({ hasText: "Total général" })).toContainText(amount(150_000));
  await expectAccessible(page, "balance âgée");

  const drill = table.getByRole("button", { name: "Lignes ouvertes de CLI001 Client Alpha" });
  await drill.focus();
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog", { name: "Lignes ouvertes de CLI001 Client Alpha" });
  const lines = dialog.getByRole("table", { name: /Lignes ouvertes de CLI001 Client Alpha au 31\/12\/2024/ });
  const row = lines.getByRole("row").filter({ hasText: "Facture octobre" });
  await expect(row).toContainText("15/10/2024 (pièce)");
  await expect(row).toContainText("FA2");
  await expect(row).toContainText(amount(120_000));
  await expect(row.getByRole("cell").last()).toHaveText("77");
  // The March invoice is lettered: not an open line.
  await expect(lines).not.toContainText("Facture mars");
  await page.screenshot({ path: "test-results/screens/aged-drill-down.png", fullPage: true });
  await expectAccessible(page, "balance âgée drill-down");
  return dialog;
}

async function downloadCsv(page: Page, scope: Locator): Promise<{ name: string; lines: string[] }> {
  const download = page.waitForEvent("download");
  await scope.getByRole("button", { name: "Exporter en CSV" }).click();
  const file = await download;
  const text = readFileSync((await file.path()) ?? "", "utf8").replace(/^\uFEFF/, "");
  return { name: file.suggestedFilename(), lines: text.split(/\r?\n/).filter((l) => l !== "") };
}

test.beforeAll(async ({ browser }: { browser: Browser }) => {
  api = await staffApi(browser);
});
test.afterAll(async () => {
  await api.dispose();
});

test("1. staff create the dossier, invite its client and import the FEC", async () => {
  const dossier = await json<{ id: string }>(
    await api.post("/api/v1/dossiers", { data: { code: CODE, name: NAME, siren: SIREN, fiscalYearEnd: "12-31" } }),
  );
  dossierId = dossier.id;
  await openConsultation(api, dossierId, await api.get(`/api/v1/dossiers/${dossierId}`));
  await inviteClient(api, dossierId, CLIENT);
  const imported = await api.post(
    `/api/v1/dossiers/${dossierId}/fec?exercice=2024-01-01..2024-12-31&fileName=${SIREN}FEC20241231.txt`,
    { headers: { "Content-Type": "application/octet-stream" }, data: Buffer.from(fecText(), "utf8") },
  );
  expect(imported.status(), await imported.text()).toBe(201);
});

test("2. staff read the balance âgée, drill down to a client and export it as CSV", async ({ page }) => {
  await signInAs(page, "Camille Martin", `/#/dossiers/${dossierId}?onglet=comptabilite`);
  const views = page.getByRole("region", { name: "Vues comptables" });
  const dialog = await openAgedBalance(page, views);
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();

  const csv = await downloadCsv(page, views);
  expect(csv.name).toMatch(/balance-agee-411-20241231\.csv$/);
  expect(csv.lines).toEqual([
    "Tiers;Intitulé;Lignes ouvertes;Non échu;0 à 30 jours;31 à 60 jours;61 à 90 jours;Plus de 90 jours;Total",
    "CLI001;Client Alpha;1;0,00;0,00;0,00;1200,00;0,00;1200,00",
    "CLI002;Client Beta;1;0,00;0,00;0,00;0,00;300,00;300,00",
    ";Total général;2;0,00;0,00;0,00;1200,00;300,00;1500,00",
  ]);

  // The suppliers, read positive; at 30/11 nothing of theirs was entered yet.
  await views.getByRole("radio", { name: "Fournisseurs (401)" }).check();
  const suppliers = views.getByRole("table", { name: /Balance âgée Fournisseurs \(401\) au 31\/12\/2024/ });
  await expect(suppliers.getByRole("row").filter({ hasText: "Papeterie Durand" })).toContainText(amount(48_000));
  await views.getByLabel("Date de référence").fill("2024-11-30");
  await expect(views.getByText("Tout est lettré")).toBeVisible();

  // The échéancier: the same open items by date used, with the running total.
  await views.getByRole("tablist", { name: "Vues comptables" }).getByRole("tab", { name: "Échéancier" }).click();
  const schedule = views.getByRole("table", { name: /Échéancier Clients \(411\) au 31\/12\/2024/ });
  await expect(schedule.getByRole("row").nth(1)).toContainText("31/08/2024 (pièce)");
  await expect(schedule.getByRole("row").nth(1).getByRole("cell").last()).toHaveText(amount(30_000));
  await expect(schedule.getByRole("row").nth(2).getByRole("cell").last()).toHaveText(amount(150_000));
  await page.screenshot({ path: "test-results/screens/aged-echeancier.png", fullPage: true });
  await expectAccessible(page, "échéancier");
});

test("3. the client reads the same balance âgée and exports one client's lines", async ({ page }) => {
  await signInFromInvitation(page, CLIENT);
  await page.getByRole("link", { name: new RegExp(`Voir la fiche société ${NAME}`) }).click();
  await expect(page.getByRole("heading", { level: 1, name: NAME })).toBeVisible();
  const accounting = page.getByRole("region", { name: "Comptabilité" });

  const dialog = await openAgedBalance(page, accounting);
  const csv = await downloadCsv(page, dialog);
  expect(csv.name).toMatch(/balance-agee-411-CLI001-20241231\.csv$/);
  expect(csv.lines).toEqual([
    "Tiers;Date;Date retenue;Origine de la date;Journal;N° d'écriture;Pièce;Libellé;Montant;Âge (jours)",
    "CLI001;15/10/2024;15/10/2024;Date de pièce;VE;VE2;FA2;Facture octobre;1200,00;77",
    "CLI001;;;;;;;Total général;1200,00;",
  ]);
  await dialog.getByRole("button", { name: "Fermer" }).click();
  await expect(dialog).toBeHidden();
});
