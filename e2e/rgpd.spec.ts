import { readFile } from "node:fs/promises";
import { expect, test, type APIRequestContext, type Browser } from "@playwright/test";
import { expectAccessible, json, signInAs, staffApi } from "./support";

/**
 * RGPD for a Firm.Admin (Aurélie Dubois): a contact's data exported (JSON file downloaded), then the contact
 * erased after the confirmation that lists what goes; the log retention setting saved in Paramètres.
 * Works on its own contact (unique e-mail), linked to the seed dossier 000097.
 */
test.use({ locale: "fr-FR", viewport: { width: 1400, height: 900 } });
test.describe.configure({ mode: "serial" });

const ADMIN = "Aurélie Dubois";
const run = Date.now().toString(36);
const PRENOM = `Rgpd ${run}`;
const NOM = "Effacement";
const EMAIL = `rgpd.${run}@exemple.fr`;
let api: APIRequestContext;
let contactId = "";

test.beforeAll(async ({ browser }: { browser: Browser }) => {
  api = await staffApi(browser, ADMIN);
  const roles = await json<{ items: { id: string }[] }>(await api.get("/api/v1/roles"));
  contactId = (
    await json<{ id: string }>(
      await api.post("/api/v1/contacts", {
        data: { nom: NOM, prenom: PRENOM, email: EMAIL, roleId: roles.items[0]?.id },
      }),
    )
  ).id;
  const dossiers = await json<{ items: { id: string; code: string }[] }>(await api.get("/api/v1/dossiers?q=000097"));
  const dossierId = dossiers.items.find((d) => d.code === "000097")?.id ?? "";
  await json(await api.post(`/api/v1/contacts/${contactId}/dossiers`, { data: { dossierId } }));
});
test.afterAll(async () => {
  await api.dispose();
});

test("an admin exports a contact's data, then erases the contact after a confirmation listing what goes", async ({
  page,
}) => {
  await signInAs(page, ADMIN);
  await page.getByRole("navigation").getByRole("link", { name: "Interlocuteurs" }).click();
  await page.getByLabel("Rechercher un interlocuteur").fill(EMAIL);
  await page.getByRole("gridcell", { name: EMAIL }).click();
  await expect(page.getByRole("heading", { name: `${PRENOM} ${NOM}` })).toBeVisible();

  const rgpd = page
    .getByRole("toolbar")
    .getByRole("button", { name: "Données personnelles (RGPD) de l'interlocuteur" });
  await rgpd.click();
  await expectAccessible(page, "Interlocuteurs – menu RGPD");
  const download = page.waitForEvent("download");
  await page.getByRole("menuitem", { name: "Exporter les données (RGPD)" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe(`comptoir-rgpd-${contactId}.json`);
  const data = JSON.parse(await readFile((await file.path()) ?? "", "utf8")) as {
    contact: { email: string };
    links: { dossierCode: string }[];
  };
  expect(data.contact.email).toBe(EMAIL);
  expect(data.links.map((l) => l.dossierCode)).toEqual(["000097"]);
  await expect(page.getByText(`Export téléchargé : comptoir-rgpd-${contactId}.json`)).toBeVisible();

  await rgpd.click();
  await page.getByRole("menuitem", { name: "Effacer les données (RGPD)…" }).click();
  const dialog = page.getByRole("alertdialog", { name: `Effacer les données de ${PRENOM} ${NOM} ?` });
  await expect(dialog.getByText("dossiers client (liens) : 1")).toBeVisible();
  await expect(dialog.getByText("Aucun compte invité à supprimer.")).toBeVisible();
  await expect(dialog.getByText(/sous le pseudonyme personne-effacée-[0-9a-f]{16}/)).toBeVisible();
  await expectAccessible(page, "Interlocuteurs – confirmation de l'effacement RGPD");
  await dialog.getByRole("button", { name: "Effacer définitivement" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(`Données de ${PRENOM} ${NOM} effacées`)).toBeVisible();
  await expect(page.getByRole("gridcell", { name: EMAIL })).toHaveCount(0);
  expect((await api.get(`/api/v1/contacts/${contactId}`)).status()).toBe(404);
});

test("a collaborateur has no RGPD menu", async ({ page }) => {
  await signInAs(page, "Camille Martin");
  await page.getByRole("navigation").getByRole("link", { name: "Interlocuteurs" }).click();
  await expect(page.getByRole("toolbar").getByRole("button", { name: "Ajouter" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Données personnelles (RGPD) de l'interlocuteur" })).toHaveCount(0);
});

test("the log retention setting is saved in Paramètres, within its bounds", async ({ page }) => {
  await signInAs(page, ADMIN);
  await page.getByRole("navigation").getByRole("link", { name: "Paramètres" }).click();
  const days = page.getByRole("spinbutton", { name: "Durée de conservation (jours)" });
  await expect(days).toHaveValue(/^\d+$/);
  await days.fill("100");
  await expect(page.getByRole("button", { name: "Enregistrer" })).toBeDisabled();
  await expectAccessible(page, "Paramètres – conservation hors bornes");
  await days.fill("730");
  await page.getByRole("button", { name: "Enregistrer" }).click();
  await expect(page.getByText("Les paramètres sont enregistrés.")).toBeVisible();
  const settings = await json<{ logRetentionDays: number }>(await api.get("/api/v1/settings"));
  expect(settings.logRetentionDays).toBe(730);
  await expectAccessible(page, "Paramètres – conservation enregistrée");
});
