import { expect, test, type Page } from "@playwright/test";
import { baseUrl, signInAs } from "./support";

/**
 * The collaborateur's journey of the user story: offer on RPTEST2, a role, a contact, the dossier in
 * *Dossiers client* with *Limité à* "-", a proposed service, then *Initialiser* on the dashboard.
 * Names are unique per run so the journey does not depend on what other specs created.
 */
test.use({ locale: "fr-FR", viewport: { width: 1400, height: 900 } });
test.describe.configure({ mode: "serial" });

const run = Date.now().toString(36);
const ROLE = `Gérant ${run}`;
const PRENOM = `Collaboratif2 ${run}`;
const NOM = "Client";
const EMAIL = `collaboratif2.${run}@exemple.fr`;

async function screen(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `test-results/screens/${name}.png`, fullPage: true });
}

async function openDossier(page: Page, code: string): Promise<void> {
  await page.getByRole("navigation").getByRole("link", { name: "Portefeuille" }).click();
  await page.getByLabel("Rechercher un dossier").fill(code);
  const row = page.getByRole("row").filter({ has: page.getByRole("gridcell", { name: code, exact: true }) });
  await expect(row.first()).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: /^1 dossier$/ })).toBeVisible();
  await row.first().click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(code);
}

test("0. the admin sees the active subscription, and the offer is refused while it is off", async ({ page }) => {
  await signInAs(page, "Aurélie Dubois");
  await page.getByRole("navigation").getByRole("link", { name: "Paramètres" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Paramètres" })).toBeVisible();
  const active = page.getByRole("switch", { name: "Abonnement actif" });
  await expect(active).toBeChecked();
  await expect(page.getByText(/^L'abonnement est actif/)).toBeVisible();
  await screen(page, "parametres");

  await active.click();
  await page.getByRole("button", { name: "Enregistrer" }).click();
  await expect(page.getByText("Les paramètres sont enregistrés.")).toBeVisible();
  await expect(page.getByText(/^L'abonnement n'est pas actif/)).toBeVisible();

  try {
    await openDossier(page, "000100");
    const tile = page.getByRole("button", { name: /^Consultation/ });
    await expect(tile).toHaveAttribute("aria-pressed", "false");
    await tile.click();
    await expect(tile).toHaveAttribute("aria-pressed", "true");
    await page.getByRole("button", { name: "Valider" }).click();
    await expect(page.getByText(/soumise à un abonnement payant/)).toBeVisible();
    // Issue 18: the refusal says why, and this admin is told where to fix it.
    await expect(
      page.getByText(
        /Motif : l'abonnement Consultation du cabinet n'est pas actif\. Vous pouvez l'activer dans Paramètres/,
      ),
    ).toBeVisible();
    await expect(page.getByRole("link", { name: "Ouvrir les Paramètres de l'abonnement" })).toHaveAttribute(
      "href",
      "#/parametres",
    );
    await screen(page, "dossier-offres-sans-abonnement");
    await page.getByRole("button", { name: "Annuler" }).click();
    await expect(tile).toHaveAttribute("aria-pressed", "false");
  } finally {
    // Put the subscription back on, whatever happened above (leaving unsaved changes if need be).
    page.on("dialog", (dialog) => void dialog.accept());
    await page.goto("about:blank");
    await page.goto(`${baseUrl()}/#/parametres`);
    await page.getByRole("switch", { name: "Abonnement actif" }).check();
    await page.getByRole("button", { name: "Enregistrer" }).click();
    await expect(page.getByText(/^L'abonnement est actif/)).toBeVisible();
  }
});

test("the Portefeuille sorts, filters and works from the keyboard", async ({ page }) => {
  await signInAs(page, "Camille Martin");
  const grid = page.getByRole("grid", { name: /^Portefeuille/ });
  await expect(grid.getByRole("row").nth(1)).toContainText("000001");

  const name = grid.getByRole("columnheader", { name: "Nom" });
  await name.click();
  await expect(name).toHaveAttribute("aria-sort", "ascending");
  await name.click();
  await expect(name).toHaveAttribute("aria-sort", "descending");
  await expect(page).toHaveURL(/sort=name&dir=desc/);

  await page.getByLabel("Offre Consultation", { exact: true }).selectOption({ label: "Offre non activée" });
  await expect(page).toHaveURL(/offer=off/);
  await page.getByLabel("Rechercher un dossier").fill("ROLL");
  await expect(page).toHaveURL(/q=ROLL/);
  await expect(grid.getByRole("gridcell", { name: "000097", exact: true })).toBeVisible();

  await page.getByLabel("Rechercher un dossier").fill("");
  await page.getByLabel("Offre Consultation", { exact: true }).selectOption({ label: "Tous les dossiers" });
  await grid.getByRole("columnheader", { name: "Code" }).click();
  await expect(grid.getByRole("columnheader", { name: "Code" })).toHaveAttribute("aria-sort", "ascending");
  // The previous rows stay on screen until the new page arrives: wait for it before moving around.
  await expect(grid.getByRole("row").nth(1)).toContainText("000001");
  await grid.focus();
  await page.keyboard.press("Control+Home");
  // Past the selection checkboxes (column 1) to the code.
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  const active = await grid.getAttribute("aria-activedescendant");
  await expect(page.locator(`[id="${active}"]`)).toHaveText("000097");
  await page.keyboard.press("Control+End");
  await expect(grid.locator('[role="row"]').last()).toBeVisible();
  await page.keyboard.press("Control+Home");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("000097");
});

test("1. the offer is switched on for RPTEST2: the tile turns blue, then Valider", async ({ page }) => {
  await signInAs(page, "Camille Martin");
  await expect(page.getByRole("heading", { level: 1, name: "Portefeuille" })).toBeVisible();
  await screen(page, "portefeuille");
  await openDossier(page, "RPTEST2");
  const tile = page.getByRole("button", { name: /^Consultation/ });
  await expect(tile).toBeVisible();
  await screen(page, "dossier-offres");
  if ((await tile.getAttribute("aria-pressed")) === "false") {
    await tile.click();
    await expect(tile).toHaveAttribute("aria-pressed", "true");
    const blue = await tile.evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(blue).not.toBe("rgb(255, 255, 255)");
    await screen(page, "dossier-offres-selectionnee");
    await page.getByRole("button", { name: "Valider" }).click();
    await expect(page.getByText("L'offre Consultation est activée sur ce dossier.")).toBeVisible();
  }
  await expect(tile).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByText(/^Offre Consultation activée le/)).toBeVisible();
});

test("2. a role is created", async ({ page }) => {
  await signInAs(page, "Camille Martin");
  await page.getByRole("navigation").getByRole("link", { name: "Rôles organisationnels" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Rôles organisationnels" })).toBeVisible();
  await page.getByRole("button", { name: "Ajouter", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Nouveau rôle organisationnel" });
  await dialog.getByLabel("Libellé").fill(ROLE);
  await dialog.getByLabel("Description").fill("Gérant de la société, créé par le test de bout en bout.");
  await screen(page, "roles-nouveau");
  await dialog.getByRole("button", { name: "Ok" }).click();
  await expect(page.getByText(`Le rôle « ${ROLE} » est créé.`)).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: ROLE })).toContainText("0");

  await page.getByRole("button", { name: `Modifier le rôle ${ROLE}` }).click();
  const edit = page.getByRole("dialog", { name: "Modifier le rôle organisationnel" });
  await expect(edit.getByLabel("Libellé")).toHaveValue(ROLE);
  await edit.getByLabel("Description").fill("Gérant de la société cliente.");
  await edit.getByRole("button", { name: "Ok" }).click();
  await expect(page.getByText(`Le rôle « ${ROLE} » est enregistré.`)).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: ROLE })).toContainText("Gérant de la société cliente.");
  await screen(page, "roles");
});

test('3–5. a contact is created, RPTEST2 added with Limité à "-", and the Start offer proposed', async ({ page }) => {
  await signInAs(page, "Camille Martin");
  await page.getByRole("navigation").getByRole("link", { name: "Interlocuteurs" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Interlocuteurs" })).toBeVisible();
  await page.getByRole("toolbar").getByRole("button", { name: "Ajouter" }).click();
  await expect(page.getByRole("heading", { name: "Nouvel interlocuteur" })).toBeVisible();
  const general = page.getByRole("tabpanel", { name: "Général" });
  await general.getByRole("textbox", { name: "Nom", exact: true }).fill(NOM);
  await general.getByRole("textbox", { name: "Prénom" }).fill(PRENOM);
  // Issue 18: the field says, as the seed does, that it must be the client's Microsoft account.
  await expect(general.getByRole("textbox", { name: "E-mail" })).toHaveAccessibleDescription(
    /adresse du compte Microsoft du client : la même que celle invitée sur le tenant Microsoft 365 du cabinet/,
  );
  await general.getByRole("textbox", { name: "E-mail" }).fill(EMAIL);
  await page.getByRole("combobox", { name: "Rôle organisationnel" }).click();
  await page.getByRole("option", { name: ROLE }).click();
  await screen(page, "interlocuteurs-nouveau");
  await general.getByRole("button", { name: "Ok" }).click();
  await expect(page.getByText(/est créé\. Ajoutez-lui maintenant ses dossiers/)).toBeVisible();
  await expect(page.getByRole("heading", { name: `${PRENOM} ${NOM}` })).toBeVisible();

  await page.getByRole("tab", { name: "Dossiers client" }).click();
  await page.getByRole("tabpanel").getByRole("button", { name: "Ajouter" }).click();
  const add = page.getByRole("dialog", { name: "Ajouter un dossier client" });
  await add.getByLabel("Rechercher un dossier").fill("RPTEST2");
  await add.getByRole("radio", { name: /^RPTEST2/ }).check();
  await expect(add.getByRole("radio", { name: "- (tout le dossier)" })).toBeChecked();
  await screen(page, "interlocuteurs-ajouter-dossier");
  await add.getByRole("button", { name: "Ok" }).click();
  const row = page.getByRole("row").filter({ hasText: "RPTEST2" });
  await expect(row).toBeVisible();
  await expect(row.getByRole("cell").nth(1)).toHaveText("-");

  await row.getByRole("button", { name: /^Actions/ }).click();
  await page.getByRole("menuitem", { name: "Proposer un service collaboratif pour ce dossier" }).click();
  const propose = page.getByRole("dialog", { name: "Proposer un service collaboratif pour ce dossier" });
  await propose.getByRole("radio", { name: "Offre Consultation (Start)" }).check();
  // The invitation card the bot will send, rendered by the adaptivecards library before *Ok*.
  const preview = propose.getByRole("img", { name: /Carte d'invitation Teams/ });
  await expect(preview).toContainText("Offre Consultation (Start)");
  await expect(preview).toContainText("RPTEST2");
  await screen(page, "interlocuteurs-proposer-service");
  // Issue 18: the extension is not active yet (the seed initialises it after): the dialog says so, and Ok
  // waits until the collaborator either sends anyway, knowingly, or activates it from here.
  await expect(propose.getByText("L'extension collaborative n'est pas encore activée sur ce dossier")).toBeVisible();
  const ok = propose.getByRole("button", { name: "Ok" });
  await expect(ok).toBeDisabled();
  const anyway = propose.getByRole("checkbox", { name: "Envoyer quand même : j'activerai l'extension plus tard" });
  await anyway.check();
  await expect(ok).toBeEnabled();
  await anyway.uncheck();
  await propose.getByRole("button", { name: "Activer l'extension maintenant" }).click();
  await expect(propose.getByText("L'extension collaborative n'est pas encore activée sur ce dossier")).toHaveCount(0);
  await expect(ok).toBeEnabled();
  await ok.click();
  await expect(page.getByText(/« Offre Consultation \(Start\) » est proposé sur le dossier RPTEST2/)).toBeVisible();
  await expect(row).toContainText("Offre Consultation (Start)");
  await expect(row).toContainText(/Proposé|Invitation envoyée|Accepté|Actif/);
  await screen(page, "interlocuteurs-dossiers-client");
});

test("a role held by an interlocuteur cannot be deleted, and the screen says why", async ({ page }) => {
  await signInAs(page, "Camille Martin");
  await page.getByRole("navigation").getByRole("link", { name: "Rôles organisationnels" }).click();
  await expect(page.getByRole("row").filter({ hasText: ROLE }).getByRole("cell").nth(2)).toHaveText("1");
  await page.getByRole("button", { name: `Supprimer le rôle ${ROLE}` }).click();
  await page
    .getByRole("alertdialog", { name: "Supprimer le rôle ?" })
    .getByRole("button", { name: "Supprimer" })
    .click();
  await expect(
    page.getByText("Ce rôle est attribué à 1 interlocuteur(s) : retirez-le d'abord de leur fiche."),
  ).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: ROLE })).toBeVisible();
  await screen(page, "roles-suppression-refusee");
});

test("6–7. Initialiser with Activation de l'extension; the widget lists the contact and the service", async ({
  page,
}) => {
  await signInAs(page, "Camille Martin");
  await openDossier(page, "RPTEST2");
  await page.getByRole("tab", { name: "Tableau de bord" }).click();
  const open = page.getByRole("button", { name: /^(Initialiser|Modifier l'activation)$/ });
  await open.click();
  const dialog = page.getByRole("dialog", { name: "Initialiser la vignette collaborative" });
  await dialog.getByRole("checkbox", { name: "Activation de l'extension" }).check();
  await screen(page, "dossier-initialiser");
  await dialog.getByRole("button", { name: "Ok" }).click();
  await expect(page.getByText("La vignette est initialisée et l'extension est activée.")).toBeVisible();
  await expect(page.getByText("Extension activée", { exact: true })).toBeVisible();

  const widget = page.getByRole("table", { name: "Interlocuteurs et services du dossier" });
  const contact = widget.getByRole("row").filter({ hasText: EMAIL });
  await expect(contact).toContainText(`${PRENOM} ${NOM}`);
  await expect(contact).toContainText("Offre Consultation (Start)");
  await expect(contact).toContainText(/Proposé|Invitation envoyée|Accepté|Actif/);
  await expect(contact).toContainText("jamais");
  await screen(page, "dossier-tableau-de-bord");

  await page.getByRole("tab", { name: "Interlocuteurs du dossier" }).click();
  await expect(page.getByRole("table", { name: "Interlocuteurs du dossier" })).toContainText(EMAIL);
  await screen(page, "dossier-interlocuteurs");
  await page.getByRole("tab", { name: "Historique" }).click();
  await expect(page.getByRole("cell", { name: "Vignette collaborative initialisée" }).first()).toBeVisible();
  await screen(page, "dossier-historique");
});

test("unsaved changes ask before leaving; a concurrent save gives Recharger without losing the typing", async ({
  page,
  browser,
}) => {
  await signInAs(page, "Camille Martin");
  await page.getByRole("navigation").getByRole("link", { name: "Interlocuteurs" }).click();
  await page.getByLabel("Rechercher un interlocuteur").fill(EMAIL);
  await page.getByRole("gridcell", { name: EMAIL }).click();
  await page.getByRole("toolbar").getByRole("button", { name: "Modifier" }).click();
  const general = page.getByRole("tabpanel", { name: "Général" });
  const mobile = general.getByRole("textbox", { name: "Numéro de téléphone mobile" });
  await mobile.fill("06 11 22 33 44");

  await page.getByRole("navigation").getByRole("link", { name: "Portefeuille" }).click();
  const leave = page.getByRole("alertdialog", { name: "Modifications non enregistrées" });
  await expect(leave).toBeVisible();
  await screen(page, "interlocuteurs-modifications-non-enregistrees");
  await leave.getByRole("button", { name: "Annuler" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Interlocuteurs" })).toBeVisible();
  await expect(mobile).toHaveValue("06 11 22 33 44");

  // Meanwhile, someone else saves another mobile number on the same contact.
  const other = await browser.newPage({ locale: "fr-FR" });
  await signInAs(other, "Aurélie Dubois");
  await other.getByRole("navigation").getByRole("link", { name: "Interlocuteurs" }).click();
  await other.getByLabel("Rechercher un interlocuteur").fill(EMAIL);
  await other.getByRole("gridcell", { name: EMAIL }).click();
  await other.getByRole("toolbar").getByRole("button", { name: "Modifier" }).click();
  await other.getByRole("textbox", { name: "Numéro de téléphone mobile" }).fill("07 55 66 77 88");
  await other.getByRole("toolbar").getByRole("button", { name: "Sauvegarder" }).click();
  await expect(other.getByText("Les modifications sont enregistrées.")).toBeVisible();
  await other.close();

  await general.getByRole("button", { name: "Ok" }).click();
  await expect(page.getByText("Modifié par quelqu'un d'autre")).toBeVisible();
  await screen(page, "interlocuteurs-conflit");
  await page.getByRole("button", { name: "Recharger" }).click();
  await expect(mobile).toHaveValue("06 11 22 33 44");
  await expect(general.getByText("Valeur enregistrée entre-temps : 07 55 66 77 88")).toBeVisible();
  await general.getByRole("button", { name: "Ok" }).click();
  await expect(page.getByText("Les modifications sont enregistrées.")).toBeVisible();
  await expect(page.getByRole("gridcell", { name: "06 11 22 33 44" })).toBeVisible();
});
