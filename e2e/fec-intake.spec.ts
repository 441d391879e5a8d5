import { expect, test, type APIRequestContext, type Browser } from "@playwright/test";
import { oneSaleFec } from "../bot/dev/fec-text";
import { cardsSent, clientInTeams, type ClientInTeams } from "./client-in-teams";
import { expectAccessible, mailboxUrl, signInAs, staffApi } from "./support";

/**
 * Issue 20, figures that stay current: staff choose the dossier's drop folder in the tab; a FEC dropped in the
 * local document library (the dev mailbox's drive page, as a production software would write to SharePoint)
 * becomes the client's new figures without any staff click, and the client's Teams conversation gets the card.
 */
test.use({ locale: "fr-FR", viewport: { width: 1280, height: 900 } });
test.describe.configure({ mode: "serial" });

const stamp = Date.now().toString(36).toUpperCase();
const CODE = `DEP${stamp}`;
const SIREN = "552100554";
const CLIENT = { prenom: "Inès", nom: `Depot${stamp}`, email: `ines.depot.${stamp.toLowerCase()}@exemple.fr` };

let api: APIRequestContext;
let client: ClientInTeams;

const drivePage = () => mailboxUrl().replace(/\/dev\/mailbox$/, "/dev/drive");

test.beforeAll(async ({ browser }: { browser: Browser }) => {
  api = await staffApi(browser);
});
test.afterAll(async () => {
  await api.dispose();
});

test("1. a client in Teams, and the dossier's folder in the firm's library", async ({ page }) => {
  client = await clientInTeams(api, page, { code: CODE, name: `Déposée ${stamp}`, siren: SIREN, client: CLIENT });
  // The production software's folder for this dossier: made by a first file in it (not a FEC, left alone).
  await page.goto(drivePage());
  await page.getByLabel("Dossier", { exact: true }).fill(CODE);
  await page
    .getByLabel("Fichier FEC")
    .setInputFiles({ name: "lisez-moi.txt", mimeType: "text/plain", buffer: Buffer.from("Dossier de dépôt\n") });
  await page.getByRole("button", { name: "Déposer" }).click();
  await expect(page.getByRole("status")).toHaveText("Fichier déposé : lisez-moi.txt.");
  await expectAccessible(page, "the dev drive page");
});

test("2. staff choose the drop folder in the dossier's Comptabilité tab", async ({ page }) => {
  await signInAs(page, "Camille Martin", `/#/dossiers/${client.dossierId}?onglet=comptabilite`);
  const panel = page.getByRole("region", { name: "Dépôt automatique des FEC" });
  await expect(panel.getByText("Aucun dossier de dépôt")).toBeVisible({ timeout: 15_000 });
  await panel.getByRole("button", { name: "Choisir un dossier de dépôt…" }).click();
  const dialog = page.getByRole("dialog", { name: "Choisir le dossier de dépôt" });
  await dialog.getByRole("button", { name: `Ouvrir ${CODE}` }).click();
  await expect(dialog.getByText(`Dossier ouvert : ${CODE}`)).toBeVisible();
  await expectAccessible(page, "the folder picker");
  await dialog.getByRole("button", { name: "Choisir ce dossier" }).click();
  await expect(panel.getByText(`Dossier surveillé : ${CODE}`)).toBeVisible();
  await expect(panel.getByText("Aucun FEC trouvé pour l'instant")).toBeVisible();
  await expectAccessible(page, "the drop folder panel");
});

test("3. a FEC dropped in the folder becomes the client's figures, and the client gets the card", async ({
  page,
  browser,
}) => {
  await page.goto(drivePage());
  await page.getByLabel("Dossier", { exact: true }).fill(CODE);
  await page.getByLabel("Fichier FEC").setInputFiles({
    name: `${SIREN}FEC20241231.txt`,
    mimeType: "text/plain",
    buffer: Buffer.from(oneSaleFec("5678,00"), "utf8"),
  });
  await page.getByRole("button", { name: "Déposer" }).click();
  await expect(page.getByRole("status")).toHaveText(`Fichier déposé : ${SIREN}FEC20241231.txt.`);

  await expect
    .poll(async () => (await cardsSent(page, client.conversationId, "Nouvelle comptabilité disponible")).length, {
      timeout: 45_000,
    })
    .toBe(1);
  const [card = ""] = await cardsSent(page, client.conversationId, "Nouvelle comptabilité disponible");
  expect(card).toContain("5 678,00 €");

  await signInAs(page, CLIENT.nom, `/#/ma-societe/${client.dossierId}`);
  await expect(page.getByText(/5\s678,00\s€/).first()).toBeVisible({ timeout: 15_000 });

  // Staff, in their own browser, see the file imported in the dossier's panel.
  const staffContext = await browser.newContext();
  const staff = await staffContext.newPage();
  await signInAs(staff, "Camille Martin", `/#/dossiers/${client.dossierId}?onglet=comptabilite`);
  const panel = staff.getByRole("region", { name: "Dépôt automatique des FEC" });
  await expect(panel.getByRole("row").filter({ hasText: `${SIREN}FEC20241231.txt` })).toContainText("Importé", {
    timeout: 15_000,
  });
  await staff.screenshot({ path: "test-results/screens/fec-intake.png", fullPage: true });
  await staffContext.close();
});
