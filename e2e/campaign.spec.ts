import { readFile } from "node:fs/promises";
import { expect as baseExpect, test, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { expectAccessible, json, mailboxUrl, openConsultation, signInAs, staffApi } from "./support";

/**
 * Issue 19, part 2: bulk proposals (« campagne »). Staff choose contacts in Interlocuteurs (or dossiers in the
 * Portefeuille), confirm the count, watch the progress to the end, read the failures report, export it and
 * send the failed ones again; a larger campaign is paused and resumed while another tab watches it.
 * Works on its own dossiers and contacts (unique names), so the seed is left alone.
 */
test.use({ locale: "fr-FR", viewport: { width: 1400, height: 1000 } });
test.describe.configure({ mode: "serial" });

// Several helpers' test runs share this machine's two cores: pages can take longer than the default 5 s.
const expect = baseExpect.configure({ timeout: 20_000 });

const stamp = Date.now().toString(36);
const SERVICE = "Offre Consultation (Start)";
const CONTACTS_NOM = `Campagne${stamp}`;
const PORTFOLIO_CODE = `P${stamp}`.toUpperCase().slice(0, 16);

let api: APIRequestContext;
/** The dossier whose Consultation offer is open, and one whose offer is still off (its proposals fail). */
let openDossier = "";
let closedDossier = { id: "", code: `F${stamp}`.toUpperCase().slice(0, 20) };

const graphControl = () => `${new URL(mailboxUrl()).origin}/_control/faults`;

async function newDossier(code: string, name: string, open: boolean): Promise<string> {
  const created = await api.post("/api/v1/dossiers", { data: { code, name } });
  const id = (await json<{ id: string }>(created)).id;
  if (open) await openConsultation(api, id, created);
  return id;
}

async function newContact(prenom: string, nom: string, dossierIds: string[]): Promise<void> {
  const roles = await json<{ items: { id: string }[] }>(await api.get("/api/v1/roles"));
  const email = `${prenom.toLowerCase()}.${nom.toLowerCase()}@exemple.fr`;
  const contact = await json<{ id: string }>(
    await api.post("/api/v1/contacts", { data: { prenom, nom, email, roleId: roles.items[0]?.id } }),
  );
  for (const dossierId of dossierIds)
    await json(await api.post(`/api/v1/contacts/${contact.id}/dossiers`, { data: { dossierId } }));
}

/** The newest campaign's panel (campaigns are listed newest first). */
function campaignCard(page: Page) {
  return page
    .getByRole("region", { name: new RegExp(`^Campagne « ${SERVICE.replace(/[()]/g, "\\$&")} » lancée`) })
    .first();
}

async function startFromDialog(page: Page, question: string): Promise<void> {
  const dialog = page.getByRole("dialog", { name: "Proposer un service" });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("radio", { name: SERVICE }).check();
  await expectAccessible(page, "Proposer un service – choix du service");
  await dialog.getByRole("button", { name: "Suivant" }).click();
  await expect(dialog.getByText(question, { exact: true })).toBeVisible();
  // Focus moves to the answer, so Enter confirms what was just read.
  await expect(dialog.getByRole("button", { name: "Proposer", exact: true })).toBeFocused();
  await expectAccessible(page, "Proposer un service – confirmation du nombre");
  await dialog.getByRole("button", { name: "Proposer", exact: true }).click();
  await expect(dialog).toBeHidden();
}

test.beforeAll(async ({ browser }: { browser: Browser }) => {
  api = await staffApi(browser);
  openDossier = await newDossier(`O${stamp}`.toUpperCase().slice(0, 20), `Société Campagne ${stamp}`, true);
  closedDossier = { ...closedDossier, id: await newDossier(closedDossier.code, `Société Fermée ${stamp}`, false) };
  // Four contacts on the open dossier; the last is also on the closed one: 5 proposals, 1 bound to fail.
  await newContact("Alice", CONTACTS_NOM, [openDossier]);
  await newContact("Bruno", CONTACTS_NOM, [openDossier]);
  await newContact("Chloe", CONTACTS_NOM, [openDossier]);
  await newContact("David", CONTACTS_NOM, [openDossier, closedDossier.id]);
});

test.afterAll(async () => {
  await fetch(graphControl(), { method: "DELETE" });
  await api.dispose();
});

test("staff choose contacts, confirm the count, watch the campaign end, then its report, export and Renvoyer", async ({
  page,
}) => {
  test.slow();
  await signInAs(page, "Camille Martin", "/#/interlocuteurs");
  await page.getByLabel("Rechercher un interlocuteur").fill(CONTACTS_NOM);
  const grid = page.getByRole("grid", { name: "Interlocuteurs" });
  await expect(grid.getByRole("row")).toHaveCount(5);
  await expect(grid).toHaveAttribute("aria-multiselectable", "true");

  // Keyboard: Space chooses the active row; the count is announced (a status region).
  await grid.focus();
  await page.keyboard.press("Space");
  await expect(grid.getByRole("row", { selected: true })).toHaveCount(1);
  await expect(page.getByRole("status").filter({ hasText: "1 interlocuteur sélectionné" })).toBeVisible();
  // The header checkbox chooses every row shown.
  await grid.getByRole("checkbox", { name: "Sélectionner tous les interlocuteurs affichés" }).click();
  await expect(grid.getByRole("row", { selected: true })).toHaveCount(4);
  await expect(page.getByRole("status").filter({ hasText: "4 interlocuteurs sélectionnés" })).toBeVisible();
  await expectAccessible(page, "Interlocuteurs – quatre interlocuteurs sélectionnés");

  await page.getByRole("button", { name: "Proposer un service…" }).click();
  await startFromDialog(page, `Proposer le service « ${SERVICE} » à 4 interlocuteurs ?`);
  await expect(page.getByText(`Campagne lancée : 5 propositions du service « ${SERVICE} ».`)).toBeVisible();
  await expect(grid.getByRole("row", { selected: true })).toHaveCount(0);

  const card = campaignCard(page);
  await expect(card.getByRole("progressbar")).toBeVisible();
  await expect(card.getByRole("status")).toHaveText("Terminée", { timeout: 60_000 });
  await expect(card).toContainText("5 sur 5 traitées : 4 faites, 1 en échec");
  await expectAccessible(page, "Interlocuteurs – campagne terminée");

  // It comes from the API: a reload shows the same campaign and counts.
  await page.reload();
  await expect(campaignCard(page).getByRole("status")).toHaveText("Terminée");
  await expect(campaignCard(page)).toContainText("5 sur 5 traitées : 4 faites, 1 en échec");

  await campaignCard(page).getByRole("button", { name: "Voir le rapport des échecs" }).click();
  const report = page.getByRole("dialog", { name: /^Rapport des échecs/ });
  const failed = report.getByRole("row").filter({ hasText: `david.${CONTACTS_NOM.toLowerCase()}@exemple.fr` });
  await expect(failed).toContainText(closedDossier.code);
  await expect(failed).toContainText("L'offre Consultation n'est pas activée sur le dossier");
  await expect(failed).not.toContainText("{");
  await expect(report.getByRole("row")).toHaveCount(2);
  await expectAccessible(page, "Rapport des échecs");

  const download = page.waitForEvent("download");
  await report.getByRole("button", { name: "Exporter le rapport" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/\.csv$/);
  const csv = await readFile(await file.path(), "utf8");
  expect(csv).toContain(`david.${CONTACTS_NOM.toLowerCase()}@exemple.fr`);
  expect(csv).toContain(closedDossier.code);

  // Once the offer is open, Renvoyer sends the failed one again and the campaign ends with no failure.
  await openConsultation(api, closedDossier.id, await api.get(`/api/v1/dossiers/${closedDossier.id}`));
  await report.getByRole("button", { name: "Renvoyer" }).click();
  await expect(report).toBeHidden();
  await expect(campaignCard(page)).toContainText("5 sur 5 traitées : 5 faites, 0 en échec", { timeout: 60_000 });
  await expect(campaignCard(page).getByRole("status")).toHaveText("Terminée");
});

test("a larger campaign from the Portefeuille is paused and resumed, and another tab sees it", async ({
  page,
  browser,
}) => {
  test.slow();
  const dossiers = [
    await newDossier(`${PORTFOLIO_CODE}A`, `Société Lot A ${stamp}`, true),
    await newDossier(`${PORTFOLIO_CODE}B`, `Société Lot B ${stamp}`, true),
    await newDossier(`${PORTFOLIO_CODE}C`, `Société Lot C ${stamp}`, true),
  ];
  for (const prenom of ["Emma", "Farid", "Gaelle", "Hugo"]) await newContact(prenom, `Lot${stamp}`, dossiers);

  await signInAs(page, "Camille Martin", `/#/portefeuille?q=${PORTFOLIO_CODE}`);
  const grid = page.getByRole("grid", { name: /^Portefeuille/ });
  await expect(grid.getByRole("row")).toHaveCount(4);
  // Keyboard only: Space on the first row, then on the header row chooses all the rows shown.
  await grid.focus();
  await page.keyboard.press("Space");
  await page.keyboard.press("ArrowUp");
  await page.keyboard.press("Space");
  await expect(grid.getByRole("row", { selected: true })).toHaveCount(3);
  await expect(page.getByRole("status").filter({ hasText: "3 dossiers sélectionnés" })).toBeVisible();
  await expectAccessible(page, "Portefeuille – trois dossiers sélectionnés");

  // Microsoft Graph (the local stand-in) answers 429 to every invitation for now: the campaign stays under way.
  const fault = await fetch(graphControl(), {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ match: "POST /v1.0/invitations", status: 429, retryAfter: 1 }),
  });
  expect(fault.ok).toBe(true);
  await page.getByRole("button", { name: "Proposer un service…" }).click();
  await startFromDialog(page, `Proposer le service « ${SERVICE} » aux interlocuteurs de 3 dossiers ?`);

  const card = campaignCard(page);
  await expect(card.getByRole("status")).toHaveText("En cours");
  await expect(card).toContainText("sur 12 traitées");
  await expect(card).toContainText("Temps restant estimé");
  await expectAccessible(page, "Portefeuille – campagne en cours");
  await card.getByRole("button", { name: "Pause" }).click();
  await expect(card.getByRole("status")).toHaveText("En pause");

  // Another tab (another person, or the same after a reload) reads the same state from the API.
  const other = await browser.newContext();
  try {
    const otherPage = await other.newPage();
    await signInAs(otherPage, "Aurélie Dubois", "/#/interlocuteurs");
    await expect(campaignCard(otherPage).getByRole("status")).toHaveText("En pause");
    await expect(campaignCard(otherPage).getByRole("button", { name: "Reprendre" })).toBeVisible();
  } finally {
    await other.close();
  }

  await card.getByRole("button", { name: "Reprendre" }).click();
  await expect(card.getByRole("status")).not.toHaveText("En pause");
  await fetch(graphControl(), { method: "DELETE" });
  await expect(card.getByRole("status")).toHaveText("Terminée", { timeout: 90_000 });
  await expect(card).toContainText("12 sur 12 traitées : 12 faites, 0 en échec");
});

test("Annuler asks first, then the campaign ends as cancelled", async ({ page }) => {
  const code = `${PORTFOLIO_CODE}X`;
  const dossier = await newDossier(code, `Société Annulée ${stamp}`, true);
  for (const prenom of ["Ines", "Jules"]) await newContact(prenom, `Stop${stamp}`, [dossier]);
  const fault = await fetch(graphControl(), {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ match: "POST /v1.0/invitations", status: 429, retryAfter: 1 }),
  });
  expect(fault.ok).toBe(true);

  await signInAs(page, "Camille Martin", `/#/portefeuille?q=${code}`);
  const grid = page.getByRole("grid", { name: /^Portefeuille/ });
  await expect(grid.getByRole("row")).toHaveCount(2);
  await grid.getByRole("checkbox", { name: new RegExp(`^Sélectionner le dossier ${code}`) }).click();
  await page.getByRole("button", { name: "Proposer un service…" }).click();
  await startFromDialog(page, `Proposer le service « ${SERVICE} » aux interlocuteurs de 1 dossier ?`);

  const card = campaignCard(page);
  await expect(card.getByRole("status")).toHaveText("En cours");
  await card.getByRole("button", { name: "Annuler la campagne" }).click();
  const confirm = page.getByRole("alertdialog", { name: "Annuler la campagne ?" });
  await expect(confirm).toContainText("ne partiront pas");
  // Its dismiss button says what it does: « Annuler » would read as cancelling the campaign.
  await expect(confirm.getByRole("button", { name: "Continuer" })).toBeVisible();
  await expectAccessible(page, "Annuler la campagne – confirmation");
  await confirm.getByRole("button", { name: "Annuler la campagne" }).click();
  await expect(card.getByRole("status")).toHaveText("Annulée");
  await expect(card.getByRole("button", { name: "Pause" })).toBeHidden();
  await expect(card.getByRole("button", { name: "Annuler la campagne" })).toBeHidden();
  await fetch(graphControl(), { method: "DELETE" });
});
