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
 * Issue 7 from the screens: staff import a FEC generated here into a dossier created here, watch the
 * upload progress and the validation report, read the Synthèse, Balance, Grand livre and Journaux with
 * figures computed here from the same rows, see a bad file rejected with its line number while the
 * imported figures stay, export the balance; then a client of that dossier reads the same figures,
 * read-only, in the fiche société.
 */
test.use({ locale: "fr-FR", viewport: { width: 1280, height: 900 } });
test.describe.configure({ mode: "serial" });

const stamp = Date.now().toString(36).toUpperCase();
const CODE = `FEC${stamp}`;
const NAME = `Atelier Compta ${stamp}`;
const CLIENT = { prenom: "Inès", nom: `Compta${stamp}`, email: `ines.compta.${stamp.toLowerCase()}@exemple.fr` };
const EXERCICE = { start: "2024-01-01", end: "2024-12-31" };

// ---- A small, balanced FEC and what it must show ----

interface Row {
  journal: string;
  journalLib: string;
  num: string;
  date: string;
  compte: string;
  compteLib: string;
  aux?: string;
  auxLib?: string;
  piece: string;
  lib: string;
  debit: number;
  credit: number;
  letter?: string;
}

const JOURNALS = { AN: "A nouveaux", VE: "Ventes", BQ: "Banque", AC: "Achats" } as const;
const mm = (m: number) => String(m).padStart(2, "0");

/** One exercice: capital paid in the bank, monthly sales and purchases, ten customer payments lettered. */
function buildRows(): Row[] {
  const rows: Row[] = [];
  const add = (r: Omit<Row, "journalLib">) =>
    rows.push({ ...r, journalLib: JOURNALS[r.journal as keyof typeof JOURNALS] });
  add({
    journal: "AN",
    num: "AN1",
    date: "20240101",
    compte: "512000",
    compteLib: "Banque",
    piece: "AN",
    lib: "Reprise des soldes",
    debit: 1_000_000,
    credit: 0,
  });
  add({
    journal: "AN",
    num: "AN1",
    date: "20240101",
    compte: "101300",
    compteLib: "Capital souscrit appelé versé",
    piece: "AN",
    lib: "Reprise des soldes",
    debit: 0,
    credit: 1_000_000,
  });
  for (let m = 1; m <= 12; m++) {
    const ht = 250_000 + m * 1_250;
    const tva = ht / 5;
    const aux = m % 2 === 0 ? { aux: "CLI002", auxLib: "Client Beta" } : { aux: "CLI001", auxLib: "Client Alpha" };
    const letter = m <= 10 ? String.fromCharCode(64 + m) : undefined;
    const sale = { journal: "VE", num: `VE${m}`, date: `2024${mm(m)}15`, piece: `FA${m}`, lib: `Facture ${m}` };
    add({ ...sale, compte: "411000", compteLib: "Clients", ...aux, debit: ht + tva, credit: 0, letter });
    add({ ...sale, compte: "706000", compteLib: "Prestations de services", debit: 0, credit: ht });
    add({ ...sale, compte: "445710", compteLib: "TVA collectée", debit: 0, credit: tva });
    const pa = 80_000 + m * 500;
    const buy = { journal: "AC", num: `AC${m}`, date: `2024${mm(m)}10`, piece: `FF${m}`, lib: `Fournitures ${m}` };
    add({ ...buy, compte: "606100", compteLib: "Fournitures non stockables", debit: pa, credit: 0 });
    add({ ...buy, compte: "445660", compteLib: "TVA déductible", debit: pa / 5, credit: 0 });
    add({
      ...buy,
      compte: "401000",
      compteLib: "Fournisseurs",
      aux: "FOU001",
      auxLib: "Papeterie Durand",
      debit: 0,
      credit: pa + pa / 5,
    });
    if (letter) {
      const pay = {
        journal: "BQ",
        num: `BQ${m}`,
        date: `2024${mm(m)}25`,
        piece: `VIR${m}`,
        lib: `Règlement facture ${m}`,
      };
      add({ ...pay, compte: "512000", compteLib: "Banque", debit: ht + tva, credit: 0 });
      add({ ...pay, compte: "411000", compteLib: "Clients", ...aux, debit: 0, credit: ht + tva, letter });
    }
  }
  return rows;
}

const amountText = (cents: number) => `${Math.floor(cents / 100)},${mm(cents % 100)}`;

function fecText(rows: readonly Row[]): string {
  return fecLines(
    rows.map((r) => ({
      ...r,
      debit: amountText(r.debit),
      credit: amountText(r.credit),
    })),
  );
}

/** The figures the screens must show, computed from the rows. */
function expected(rows: readonly Row[]) {
  const sum = (pick: (r: Row) => number, keep: (r: Row) => boolean = () => true) =>
    rows.filter(keep).reduce((n, r) => n + pick(r), 0);
  const net = (prefix: string) =>
    sum(
      (r) => r.debit - r.credit,
      (r) => r.compte.startsWith(prefix),
    );
  const byAccount = new Map<string, number>();
  for (const r of rows) byAccount.set(r.compte, (byAccount.get(r.compte) ?? 0) + r.debit - r.credit);
  const opening = (r: Row) => r.journal === "AN";
  const byAux = (prefix: string) => {
    const map = new Map<string, number>();
    for (const r of rows.filter((x) => x.compte.startsWith(prefix)))
      map.set(r.aux ?? "", (map.get(r.aux ?? "") ?? 0) + r.debit - r.credit);
    return [...map.values()];
  };
  const ca = -net("70");
  const resultat = -net("7") - net("6");
  return {
    ca,
    resultat,
    tresorerie: net("5"),
    creances: byAux("411")
      .filter((v) => v > 0)
      .reduce((a, b) => a + b, 0),
    dettes: -byAux("401")
      .filter((v) => v < 0)
      .reduce((a, b) => a + b, 0),
    openingDebit: sum((r) => r.debit, opening),
    openingCredit: sum((r) => r.credit, opening),
    debit: sum(
      (r) => r.debit,
      (r) => !opening(r),
    ),
    credit: sum(
      (r) => r.credit,
      (r) => !opening(r),
    ),
    closingDebit: [...byAccount.values()].filter((v) => v > 0).reduce((a, b) => a + b, 0),
    closingCredit: -[...byAccount.values()].filter((v) => v < 0).reduce((a, b) => a + b, 0),
    bank: byAccount.get("512000") ?? 0,
    ventesDebit: sum(
      (r) => r.debit,
      (r) => r.journal === "VE",
    ),
    ventesCredit: sum(
      (r) => r.credit,
      (r) => r.journal === "VE",
    ),
    ventesCount: new Set(rows.filter((r) => r.journal === "VE").map((r) => r.num)).size,
  };
}

const ROWS = buildRows();
const FIGURES = expected(ROWS);

/** Amounts as the tab writes them (fr-FR): "1 234,56 €" in tiles, "1 234,56" in tables. */
const money = (cents: number) =>
  new Intl.NumberFormat("fr-FR", { style: "currency", currency: "EUR", minimumFractionDigits: 2 }).format(cents / 100);
const amount = (cents: number) => new Intl.NumberFormat("fr-FR", { minimumFractionDigits: 2 }).format(cents / 100);

const SIREN = newSiren();
const FILE_NAME = `${SIREN}FEC${EXERCICE.end.replace(/-/g, "")}.txt`;

// ---- Helpers ----

let api: APIRequestContext;
let dossierId = "";

async function screen(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `test-results/screens/accounting-${name}.png`, fullPage: true });
}

function viewTab(scope: Page | Locator, name: string): Locator {
  return scope.getByRole("tablist", { name: "Vues comptables" }).getByRole("tab", { name, exact: true });
}

/** Synthèse, Balance, Grand livre, Journaux: the same figures for staff and for the client. */
async function checkViews(page: Page, scope: Locator, who: "staff" | "client"): Promise<void> {
  await viewTab(scope, "Synthèse").click();
  const tile = (label: string) => scope.getByRole("listitem").filter({ hasText: label }).first();
  await expect(tile("Chiffre d'affaires")).toContainText(money(FIGURES.ca));
  await expect(tile("Résultat")).toContainText(money(FIGURES.resultat));
  await expect(tile("Trésorerie")).toContainText(money(FIGURES.tresorerie));
  await expect(tile("Créances clients")).toContainText(money(FIGURES.creances));
  await expect(tile("Dettes fournisseurs")).toContainText(money(FIGURES.dettes));
  await expect(tile("Chiffre d'affaires")).toContainText("N-1 non importé");
  const sig = scope.getByRole("table", { name: /Soldes intermédiaires de gestion/ });
  await expect(sig.getByRole("row").filter({ hasText: "Résultat de l'exercice" })).toContainText(
    money(FIGURES.resultat),
  );
  await expect(scope.getByRole("img", { name: "Chiffre d'affaires mensuel" })).toBeVisible();
  await expect(scope.getByRole("table", { name: "Chiffre d'affaires mensuel" }).getByRole("row")).toHaveCount(13);
  await screen(page, `${who}-synthese`);
  await expectAccessible(page, `${who} synthèse`);

  await viewTab(scope, "Balance").click();
  const balance = scope.getByRole("table", { name: /Balance générale/ });
  await expect(balance).toContainText("Comptes financiers");
  const total = balance.getByRole("row").filter({ hasText: "Total général" });
  for (const cents of [
    FIGURES.openingDebit,
    FIGURES.debit,
    FIGURES.credit,
    FIGURES.closingDebit,
    FIGURES.closingCredit,
  ]) {
    await expect(total).toContainText(amount(cents));
  }
  const clients = balance.getByRole("button", { name: "Afficher les comptes auxiliaires du compte 411000" });
  await expect(clients).toHaveAttribute("aria-expanded", "false");
  await clients.click();
  await expect(clients).toHaveAttribute("aria-expanded", "true");
  await expect(balance.getByRole("rowheader", { name: "CLI002" })).toBeVisible();
  await screen(page, `${who}-balance`);
  await expectAccessible(page, `${who} balance`);

  await viewTab(scope, "Grand livre").click();
  const picker = scope.getByRole("combobox", { name: "Compte" });
  await picker.click();
  await picker.pressSequentially("512");
  await page.getByRole("option", { name: /^512000 — Banque/ }).click();
  await expect(picker).toHaveValue("512000 — Banque");
  const ledger = scope.getByRole("table", { name: /Grand livre/ });
  // The other accounts stay on screen until the bank's lines arrive.
  await expect(ledger).not.toContainText("Compte 401000");
  await expect(ledger).toContainText("Compte 512000 — Banque");
  await expect(ledger.getByRole("row").filter({ hasText: "Total du compte 512000" })).toContainText(
    `${amount(FIGURES.bank)} D`,
  );
  const third = ROWS.find((r) => r.num === "BQ3" && r.compte === "512000");
  await expect(ledger.getByRole("row").filter({ hasText: "Règlement facture 3" })).toContainText(
    amount(third?.debit ?? -1),
  );
  await screen(page, `${who}-grand-livre`);
  await expectAccessible(page, `${who} grand livre`);

  await viewTab(scope, "Journaux").click();
  await scope.getByRole("combobox", { name: "Journal" }).selectOption({ label: "VE — Ventes" });
  const ventes = scope.getByRole("table", { name: /Journal VE — Ventes/ });
  await expect(ventes).toContainText(`${FIGURES.ventesCount} écritures`);
  const totalVentes = ventes.getByRole("row").filter({ hasText: "Total du journal VE" });
  await expect(totalVentes).toContainText(amount(FIGURES.ventesDebit));
  await expect(totalVentes).toContainText(amount(FIGURES.ventesCredit));
  await expect(ventes.getByRole("rowheader", { name: /Écriture VE1 du 15\/01\/2024, pièce FA1/ })).toBeVisible();
  await screen(page, `${who}-journaux`);
  await expectAccessible(page, `${who} journaux`);
  await viewTab(scope, "Synthèse").click();
}

// ---- The journey ----

test.beforeAll(async ({ browser }: { browser: Browser }) => {
  api = await staffApi(browser);
});
test.afterAll(async () => {
  await api.dispose();
});

test("1. staff create a dossier with the Consultation offer for a new client contact", async () => {
  const dossier = await json<{ id: string }>(
    await api.post("/api/v1/dossiers", { data: { code: CODE, name: NAME, siren: SIREN, fiscalYearEnd: "12-31" } }),
  );
  dossierId = dossier.id;
  const res = await api.get(`/api/v1/dossiers/${dossierId}`);
  await openConsultation(api, dossierId, res);

  await inviteClient(api, dossierId, CLIENT);
});

test("2. staff import the FEC: progress, report, then the four views with the expected figures", async ({ page }) => {
  await signInAs(page, "Camille Martin", `/#/dossiers/${dossierId}?onglet=comptabilite`);
  await expect(page.getByRole("heading", { level: 1, name: new RegExp(CODE) })).toBeVisible();
  await expect(page.getByRole("tab", { name: "Comptabilité", selected: true })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Aucune écriture importée pour cet exercice" })).toBeVisible();
  await expect(page.getByText("Aucun FEC importé pour ce dossier.")).toBeVisible();
  await expectAccessible(page, "import, before any FEC");

  await page.getByLabel("Début de l'exercice").fill(EXERCICE.start);
  await page.getByLabel("Clôture de l'exercice").fill(EXERCICE.end);
  await page.getByLabel("Fichier FEC").setInputFiles({
    name: FILE_NAME,
    mimeType: "text/plain",
    buffer: Buffer.from(fecText(ROWS), "utf8"),
  });
  await expect(page.getByText(`Fichier choisi : ${FILE_NAME}`)).toBeVisible();

  // A slow uplink keeps the upload on screen long enough to see its bar.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: 50,
    downloadThroughput: -1,
    uploadThroughput: 4 * 1024,
  });
  await page.getByRole("button", { name: "Importer", exact: true }).click();
  // Chromium's emulated uplink slows the bytes on the wire, but it may report a small file as handed over at
  // once: the panel is then already in its second phase. Either way a labelled progress bar is on screen.
  await expect(page.getByRole("progressbar", { name: /^(Envoi du fichier|Validation en cours…)$/ })).toBeVisible();
  await screen(page, "upload-progress");
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: 0,
    downloadThroughput: -1,
    uploadThroughput: -1,
  });

  const report = page.getByRole("region", { name: "Rapport de validation" });
  await expect(report.getByText("Import réussi")).toBeVisible({ timeout: 30_000 });
  await expect(report).toContainText(`${ROWS.length} lignes`);
  await expect(page.getByRole("status").filter({ hasText: "Import réussi" }).first()).toBeAttached();
  const history = page.getByRole("table", { name: "Historique des imports" });
  const row = history.getByRole("row").filter({ hasText: FILE_NAME });
  await expect(row).toContainText("Camille Martin");
  await expect(row).toContainText("En consultation");
  await expect(row).toContainText(String(ROWS.length));
  await expect(row.getByRole("button", { name: `Copier l'empreinte SHA-256 de ${FILE_NAME}` })).toBeVisible();
  await screen(page, "import-report");
  await expectAccessible(page, "import report");

  const views = page.getByRole("region", { name: "Vues comptables" });
  await expect(views.getByRole("combobox", { name: "Exercice" })).toHaveValue(EXERCICE.end);
  await checkViews(page, views, "staff");

  // Export CSV: the download carries the same figures, in the French spreadsheet format.
  await viewTab(views, "Balance").click();
  const download = page.waitForEvent("download");
  await views.getByRole("button", { name: "Exporter en CSV" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/balance.*\.csv$/);
  const text = readFileSync((await file.path()) ?? "", "utf8").replace(/^\uFEFF/, "");
  const lines = text.split(/\r?\n/);
  expect(lines[0]).toBe(
    "Classe;Compte;Intitulé du compte;Compte auxiliaire;Intitulé auxiliaire;Solde d'ouverture débit;" +
      "Solde d'ouverture crédit;Mouvements débit;Mouvements crédit;Solde de clôture débit;Solde de clôture crédit",
  );
  expect(lines.find((l) => l.startsWith("5;512000;"))).toContain(amountText(FIGURES.bank));
  await expect(views.getByRole("status").filter({ hasText: /Fichier .*balance.*\.csv téléchargé/ })).toBeAttached();

  // The month range narrows the balance to the first quarter.
  await views.getByRole("combobox", { name: "Au mois" }).selectOption({ label: "mars 2024" });
  await expect(views.getByRole("table", { name: /Balance générale, de janvier 2024 à mars 2024/ })).toBeVisible();
  await views.getByRole("combobox", { name: "Au mois" }).selectOption({ label: "décembre 2024" });
});

test("3. a file with an unbalanced entry is refused with its line, and the imported figures stay", async ({ page }) => {
  const bad = ROWS.map((r) => ({ ...r }));
  const index = bad.findIndex((r) => r.num === "AC5" && r.compte === "401000");
  const target = bad[index];
  if (!target) throw new Error("AC5 is missing");
  target.credit -= 100;
  const firstLine = bad.findIndex((r) => r.num === "AC5") + 2;

  await signInAs(page, "Camille Martin", `/#/dossiers/${dossierId}?onglet=comptabilite`);
  const views = page.getByRole("region", { name: "Vues comptables" });
  await expect(views.getByRole("listitem").filter({ hasText: "Chiffre d'affaires" })).toContainText(money(FIGURES.ca));
  await page.getByLabel("Début de l'exercice").fill(EXERCICE.start);
  await page.getByLabel("Clôture de l'exercice").fill(EXERCICE.end);
  await page.getByLabel("Fichier FEC").setInputFiles({
    name: FILE_NAME,
    mimeType: "text/plain",
    buffer: Buffer.from(fecText(bad), "utf8"),
  });
  await page.getByRole("button", { name: "Importer", exact: true }).click();
  const confirm = page.getByRole("alertdialog", { name: "Remplacer l'exercice déjà importé ?" });
  await expect(confirm).toContainText(FILE_NAME);
  await confirm.getByRole("button", { name: "Remplacer" }).click();

  const report = page.getByRole("region", { name: "Rapport de validation" });
  await expect(report.getByText("Fichier refusé : rien n'a été importé")).toBeVisible({ timeout: 30_000 });
  const issues = report.getByRole("table", { name: new RegExp(`Anomalies relevées dans ${FILE_NAME}`) });
  const unbalanced = issues.getByRole("row").filter({ hasText: "L'écriture AC5 du journal AC n'est pas équilibrée" });
  await expect(unbalanced.getByRole("cell").first()).toHaveText(String(firstLine));
  await expect(unbalanced).toContainText("Erreur bloquante");
  await expect(
    page.getByRole("table", { name: "Historique des imports" }).getByRole("row").filter({ hasText: "Refusé" }),
  ).toHaveCount(1);
  await screen(page, "import-rejected");
  await expectAccessible(page, "rejected import");

  // Nothing changed for the readers.
  await expect(views.getByRole("listitem").filter({ hasText: "Chiffre d'affaires" })).toContainText(money(FIGURES.ca));
  await viewTab(views, "Balance").click();
  await expect(views.getByRole("row").filter({ hasText: "Total général" })).toContainText(amount(FIGURES.debit));
});

test("4. the client reads the same figures, read-only, in the fiche société", async ({ page }) => {
  await signInFromInvitation(page, CLIENT);
  await page.getByRole("link", { name: new RegExp(`Voir la fiche société ${NAME}`) }).click();
  await expect(page.getByRole("heading", { level: 1, name: NAME })).toBeVisible();

  const accounting = page.getByRole("region", { name: "Comptabilité" });
  await expect(accounting.getByText(/Données issues du FEC importé le/)).toBeVisible();
  await expect(accounting).not.toContainText(FILE_NAME);
  await checkViews(page, accounting, "client");

  // Strictly read-only: nothing to import, replace or edit.
  const main = page.getByRole("main");
  await expect(main.locator('input[type="file"]')).toHaveCount(0);
  await expect(main.getByRole("button", { name: /importer|remplacer|modifier|supprimer|enregistrer/i })).toHaveCount(0);
  await expect(main.getByRole("heading", { name: "Import du FEC" })).toHaveCount(0);
});
