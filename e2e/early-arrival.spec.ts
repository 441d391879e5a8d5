import { expect, test, type APIRequestContext, type Browser } from "@playwright/test";
import { expectAccessible, inviteClient, json, signInAs, signInFromInvitation, staffApi } from "./support";

/**
 * Issue 18, point 1: staff propose the service before opening the dossier's space (the collaborative extension is
 * off). The client who signs in then is told what is missing and that the firm knows; staff see the waiting client
 * on the dossier's dashboard; once they activate the extension there, the notice goes and the client consults.
 */
test.use({ locale: "fr-FR", viewport: { width: 1280, height: 900 } });
test.describe.configure({ mode: "serial" });

const stamp = Date.now().toString(36);
const CODE = `E${stamp}`.toUpperCase().slice(0, 20);
const CLIENT = { prenom: "Léa", nom: `Tôt${stamp}`, email: `lea.tot.${stamp}@exemple.fr` };
const SOCIETE = `Boulangerie Précoce ${stamp}`;

let api: APIRequestContext;
let dossierId = "";

test.beforeAll(async ({ browser }: { browser: Browser }) => {
  api = await staffApi(browser);
});
test.afterAll(async () => {
  await api.dispose();
});

test("1. staff propose the service on a dossier whose extension is not active yet", async () => {
  const created = await api.post("/api/v1/dossiers", { data: { code: CODE, name: SOCIETE } });
  dossierId = (await json<{ id: string }>(created)).id;
  const offer = await api.put(`/api/v1/dossiers/${dossierId}/offers/consultation`, {
    headers: { "If-Match": created.headers()["etag"] ?? "" },
    data: { active: true },
  });
  expect(offer.status(), await offer.text()).toBe(200);
  await inviteClient(api, dossierId, CLIENT);
});

test("2. the client who arrives too early is told what is missing and that the firm knows", async ({ page }) => {
  await signInFromInvitation(page, CLIENT);
  await expect(page.getByRole("heading", { name: "Vous n'avez pas encore accès à votre espace" })).toBeVisible();
  const missing = page.getByRole("list", { name: "Ce qui manque encore" });
  await expect(missing).toContainText(`${SOCIETE} : votre cabinet n'a pas encore ouvert l'espace de consultation`);
  await expect(page.getByText("a été prévenu de votre visite")).toBeVisible();
  await expectAccessible(page, "the too-early page");
  await page.screenshot({ path: "test-results/screens/early-arrival-client.png", fullPage: true });
});

test("3. staff see the waiting client on the dashboard, open the space there, and the client consults", async ({
  page,
  browser,
}) => {
  await signInAs(page, "Camille Martin", `/#/dossiers/${dossierId}?onglet=tableau-de-bord`);
  const notice = page.getByText("Des clients attendent leur espace");
  await expect(notice).toBeVisible({ timeout: 15_000 });
  await expect(
    page.getByText(new RegExp(`Déjà venus consulter ce dossier : ${CLIENT.prenom} ${CLIENT.nom}`)),
  ).toBeVisible();
  await expectAccessible(page, "the dashboard with its notice");
  await page.getByRole("button", { name: /^(Initialiser|Modifier l'activation)$/ }).click();
  const dialog = page.getByRole("dialog", { name: "Initialiser la vignette collaborative" });
  await dialog.getByRole("checkbox", { name: "Activation de l'extension" }).setChecked(true);
  await dialog.getByRole("button", { name: "Ok" }).click();
  await expect(page.getByText("La vignette est initialisée et l'extension est activée.")).toBeVisible();
  await expect(notice).toBeHidden();

  const context = await browser.newContext();
  const client = await context.newPage();
  await signInAs(client, CLIENT.nom, "/#/ma-societe");
  await expect(client.getByRole("heading", { level: 2, name: SOCIETE })).toBeVisible();
  await context.close();
});
