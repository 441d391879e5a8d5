import { expect, request, type APIRequestContext, type Browser, type Page } from "@playwright/test";

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

/** The local Graph server's dev mailbox, which shows the e-mails sent (its port is chosen by global-setup). */
export function mailboxUrl(): string {
  const url = process.env.E2E_MAILBOX_URL;
  if (!url) throw new Error("E2E_MAILBOX_URL is set by e2e/global-setup.ts");
  return url;
}

/** An API client signed in as a staff person, with the token the tab keeps after the local sign-in. */
export async function staffApi(browser: Browser, name = "Camille Martin"): Promise<APIRequestContext> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await signInAs(page, name);
    await expect(page.getByRole("heading", { level: 1, name: "Portefeuille" })).toBeVisible();
    const stored = await page.evaluate(() => sessionStorage.getItem("comptoir.auth.token"));
    const token = (JSON.parse(stored ?? "{}") as { accessToken?: string }).accessToken;
    if (!token) throw new Error(`No token in sessionStorage after signing in as ${name}`);
    return await request.newContext({
      baseURL: baseUrl(),
      extraHTTPHeaders: { Authorization: `Bearer ${token}`, "Accept-Language": "fr" },
    });
  } finally {
    await context.close();
  }
}
