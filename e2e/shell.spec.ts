import { expect, test } from "@playwright/test";
import { signInAs } from "./support";

test.use({ locale: "fr-FR" });

test("the collaboratrice signs in and lands on the Portefeuille, then switches to English", async ({ page }) => {
  await signInAs(page, "Camille Martin");
  await expect(page.getByRole("heading", { level: 1, name: "Portefeuille" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  await expect(page.getByRole("navigation").getByText("Interlocuteurs")).toBeVisible();
  await expect(page.getByRole("navigation").getByText("Rôles organisationnels")).toBeVisible();

  await page.getByLabel("Langue").selectOption({ label: "English" });
  await expect(page.getByRole("heading", { level: 1, name: "Portfolio" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "Portfolio" })).toBeVisible();
});

test("the client signs in and sees Ma société", async ({ page }) => {
  await signInAs(page, "Client Collaboratif");
  await expect(page.getByRole("heading", { level: 1, name: "Ma société" })).toBeVisible();
  await expect(page.getByRole("navigation").getByText("Portefeuille")).toHaveCount(0);
});

test("a client who opens a staff page is sent to Ma société", async ({ page }) => {
  await signInAs(page, "Client Collaboratif", "/#/portefeuille");
  await expect(page.getByRole("heading", { level: 1, name: "Ma société" })).toBeVisible();
});
