import { expect, test, type APIRequestContext, type Browser } from "@playwright/test";
import { oneSaleFec } from "../bot/dev/fec-text";
import { cardsSent, clientInTeams } from "./client-in-teams";
import { signInAs, staffApi } from "./support";

/**
 * Issue 17, "clients told when their figures change": staff import a FEC for a dossier whose client has an
 * active Consultation; the client's Teams conversation receives the card with the key figures (read from the
 * recording Bot Connector the app's local bot answers, LOCAL_BOT_SERVICE_URL, see global-setup.ts); staff see in
 * the import history that the client was told.
 */
test.use({ locale: "fr-FR", viewport: { width: 1280, height: 900 } });
test.describe.configure({ mode: "serial" });

const stamp = Date.now().toString(36).toUpperCase();
const CODE = `NTF${stamp}`;
const NAME = `Notifiée ${stamp}`;
const CLIENT = { prenom: "Léa", nom: `Notice${stamp}`, email: `lea.notice.${stamp.toLowerCase()}@exemple.fr` };
const FILE_NAME = "FEC20241231.txt";

let api: APIRequestContext;
let dossierId = "";
let conversationId = "";

test.beforeAll(async ({ browser }: { browser: Browser }) => {
  api = await staffApi(browser);
});
test.afterAll(async () => {
  await api.dispose();
});

test("1. a client with an active Consultation, who talks to the bot in Teams", async ({ page }) => {
  ({ dossierId, conversationId } = await clientInTeams(api, page, { code: CODE, name: NAME, client: CLIENT }));
});

test("2. staff import the FEC; the client's conversation receives the card; staff see who was told", async ({
  page,
}) => {
  await signInAs(page, "Camille Martin", `/#/dossiers/${dossierId}?onglet=comptabilite`);
  // The dossier page's first load also fetches its accounting chunk: give a loaded machine time.
  await expect(page.getByRole("heading", { level: 1, name: new RegExp(CODE) })).toBeVisible({ timeout: 15_000 });
  await page.getByLabel("Début de l'exercice").fill("2024-01-01");
  await page.getByLabel("Clôture de l'exercice").fill("2024-12-31");
  await page.getByLabel("Fichier FEC").setInputFiles({
    name: FILE_NAME,
    mimeType: "text/plain",
    buffer: Buffer.from(oneSaleFec("4321,00"), "utf8"),
  });
  await page.getByRole("button", { name: "Importer", exact: true }).click();
  const report = page.getByRole("region", { name: "Rapport de validation" });
  await expect(report.getByText("Import réussi")).toBeVisible({ timeout: 30_000 });

  const notices = () => cardsSent(page, conversationId, "Nouvelle comptabilité disponible");
  await expect.poll(async () => (await notices()).length, { timeout: 30_000 }).toBe(1);
  const [card = ""] = await notices();
  expect(card).toContain("Chiffre d'affaires");
  expect(card).toContain("4 321,00 €");
  expect(card).toContain("Ne plus me prévenir");
  // Local mode has no Teams app id: the button opens the web app at the société (teams mode: a Teams deep link).
  expect(card).toContain(`/#/ma-societe/${dossierId}`);

  const history = page.getByRole("table", { name: "Historique des imports" });
  const row = history.getByRole("row").filter({ hasText: FILE_NAME });
  await row.getByRole("button", { name: "Interlocuteurs prévenus" }).click();
  const dialog = page.getByRole("dialog", { name: "Interlocuteurs prévenus" });
  const told = dialog.getByRole("row").filter({ hasText: CLIENT.nom });
  await expect(told).toContainText("Envoyé", { timeout: 15_000 });
  await page.screenshot({ path: "test-results/screens/import-notices.png", fullPage: true });
});
