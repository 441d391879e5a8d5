import { expect, type Page } from "@playwright/test";

export function baseUrl(): string {
  const url = process.env.E2E_BASE_URL;
  if (!url) throw new Error("E2E_BASE_URL is set by e2e/global-setup.ts");
  return url;
}

/** Opens the app and signs in on the local sign-in page as the named demo person. */
export async function signInAs(page: Page, name: string, path = "/"): Promise<void> {
  await page.goto(`${baseUrl()}${path}`);
  await expect(page.getByRole("heading", { name: "Connexion locale" })).toBeVisible();
  await page.getByRole("button", { name: new RegExp(name) }).click();
}
