import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { signInAs } from "./support";

/**
 * axe-core on every staff screen, with its dialogs and menus open: no serious or critical violation.
 * It works on its own contact (unique e-mail) and only reads the seed's dossiers.
 */
test.use({ locale: "fr-FR", viewport: { width: 1400, height: 900 } });
test.describe.configure({ mode: "serial" });

const run = Date.now().toString(36);
const PRENOM = `Axe ${run}`;
const EMAIL = `axe.${run}@exemple.fr`;

async function expectAccessible(page: Page, screen: string): Promise<void> {
  // Menus and dialogs fade in: measuring contrast mid-animation would report colours nobody sees.
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((a) => a.effect?.getComputedTiming().iterations !== Infinity)
        .map((a) => a.finished.catch(() => undefined)),
    ),
  );
  // Tabster (Fluent's focus manager) adds aria-hidden focus sentinels on purpose: they are not content.
  const results = await new AxeBuilder({ page }).exclude("[data-tabster-dummy]").analyze();
  const blocking = results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.help} → ${v.nodes.map((n) => n.target.join(" ")).join(" | ")}`);
  expect(blocking, `axe on ${screen}`).toEqual([]);
}

test("Portefeuille, with the grid focused", async ({ page }) => {
  await signInAs(page, "Camille Martin");
  await expect(page.getByRole("grid", { name: /^Portefeuille/ })).toBeVisible();
  await page.getByRole("grid").focus();
  await page.keyboard.press("ArrowDown");
  await expectAccessible(page, "Portefeuille");
});

test("Dossier: Offres, Tableau de bord with the Initialiser dialog, Interlocuteurs du dossier, Historique", async ({
  page,
}) => {
  await signInAs(page, "Camille Martin", "/#/portefeuille?q=000097");
  await page.getByRole("gridcell", { name: "000097", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("000097");
  await expectAccessible(page, "Dossier – Offres");

  await page.getByRole("button", { name: /^Consultation/ }).click();
  await expectAccessible(page, "Dossier – Offres, vignette sélectionnée");
  await page.getByRole("button", { name: "Annuler" }).click();

  await page.getByRole("tab", { name: "Tableau de bord" }).click();
  await expectAccessible(page, "Dossier – Tableau de bord");
  await page.getByRole("button", { name: /^(Initialiser|Modifier l'activation)$/ }).click();
  await expect(page.getByRole("dialog")).toBeVisible();
  await expectAccessible(page, "Dossier – dialogue Initialiser");
  await page.getByRole("dialog").getByRole("button", { name: "Annuler" }).click();

  await page.getByRole("tab", { name: "Interlocuteurs du dossier" }).click();
  await page.getByRole("combobox", { name: "Interlocuteur" }).click();
  await expect(page.getByRole("listbox")).toBeVisible();
  await expectAccessible(page, "Dossier – Interlocuteurs du dossier, liste ouverte");
  await page.keyboard.press("Escape");

  await page.getByRole("tab", { name: "Historique" }).click();
  await expectAccessible(page, "Dossier – Historique");
});

test("Interlocuteurs with the pane open, its Dossiers client, menus and dialogs", async ({ page }) => {
  // Nine full-page axe scans of the grid and its pane: on a loaded 2-core runner they alone can pass a minute.
  test.slow();
  await signInAs(page, "Camille Martin");
  await page.getByRole("navigation").getByRole("link", { name: "Interlocuteurs" }).click();
  await expectAccessible(page, "Interlocuteurs – aucune sélection");

  await page.getByRole("toolbar").getByRole("button", { name: "Ajouter" }).click();
  const general = page.getByRole("tabpanel", { name: "Général" });
  await general.getByRole("button", { name: "Ok" }).click();
  await expect(general.getByText("Ce champ est obligatoire.").first()).toBeVisible();
  await expectAccessible(page, "Interlocuteurs – nouveau, erreurs de saisie");

  await general.getByRole("textbox", { name: "Nom", exact: true }).fill("Accessibilité");
  await general.getByRole("textbox", { name: "Prénom" }).fill(PRENOM);
  await general.getByRole("textbox", { name: "E-mail" }).fill(EMAIL);
  await general.getByRole("combobox", { name: "Rôle organisationnel" }).click();
  await expectAccessible(page, "Interlocuteurs – liste des rôles ouverte");
  await page.getByRole("option", { name: "Dirigeant" }).click();
  await general.getByRole("button", { name: "Ok" }).click();
  await expect(page.getByRole("heading", { name: `${PRENOM} Accessibilité` })).toBeVisible();
  await expectAccessible(page, "Interlocuteurs – fiche Général");

  await page.getByRole("tab", { name: "Dossiers client" }).click();
  await page.getByRole("tabpanel").getByRole("button", { name: "Ajouter" }).click();
  const add = page.getByRole("dialog", { name: "Ajouter un dossier client" });
  await add.getByLabel("Rechercher un dossier").fill("RPTEST2");
  await add.getByRole("radio", { name: /^RPTEST2/ }).check();
  await add.getByRole("radio", { name: "Certains établissements" }).check();
  await expectAccessible(page, "Interlocuteurs – dialogue Ajouter un dossier client");
  await add.getByRole("radio", { name: "- (tout le dossier)" }).check();
  await add.getByRole("button", { name: "Ok" }).click();
  const row = page.getByRole("row").filter({ hasText: "RPTEST2" });
  await expect(row).toBeVisible();
  await expectAccessible(page, "Interlocuteurs – Dossiers client");

  await row.getByRole("button", { name: /^Actions/ }).click();
  await expect(page.getByRole("menu")).toBeVisible();
  await expectAccessible(page, "Interlocuteurs – menu Actions");
  await page.getByRole("menuitem", { name: "Proposer un service collaboratif pour ce dossier" }).click();
  await expect(page.getByRole("dialog", { name: "Proposer un service collaboratif pour ce dossier" })).toBeVisible();
  await expectAccessible(page, "Interlocuteurs – dialogue Proposer un service");
  await page.getByRole("dialog").getByRole("button", { name: "Annuler" }).click();

  await row.getByRole("button", { name: /^Actions/ }).click();
  await page.getByRole("menuitem", { name: "Retirer ce dossier" }).click();
  await expect(page.getByRole("alertdialog", { name: "Retirer le dossier ?" })).toBeVisible();
  await expectAccessible(page, "Interlocuteurs – confirmation");
  await page.getByRole("alertdialog").getByRole("button", { name: "Annuler" }).click();
});

test("Rôles organisationnels, with the role dialog", async ({ page }) => {
  await signInAs(page, "Camille Martin");
  await page.getByRole("navigation").getByRole("link", { name: "Rôles organisationnels" }).click();
  await expect(page.getByRole("table")).toBeVisible();
  await expectAccessible(page, "Rôles organisationnels");
  await page.getByRole("button", { name: "Ajouter", exact: true }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Ok" }).click();
  await expect(page.getByRole("dialog").getByText("Ce champ est obligatoire.")).toBeVisible();
  await expectAccessible(page, "Rôles – dialogue");
});

test("Paramètres (admin)", async ({ page }) => {
  await signInAs(page, "Aurélie Dubois");
  await page.getByRole("navigation").getByRole("link", { name: "Paramètres" }).click();
  await expect(page.getByRole("switch", { name: "Abonnement actif" })).toBeVisible();
  await expectAccessible(page, "Paramètres");
});
