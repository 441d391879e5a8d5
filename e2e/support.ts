import { expect, request, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { SIGNIN_COOKIE } from "../bot/dev/local-idp/signin-link";

export function baseUrl(): string {
  const url = process.env.E2E_BASE_URL;
  if (!url) throw new Error("E2E_BASE_URL is set by e2e/global-setup.ts");
  return url;
}

/** Opens the app and signs in on the local sign-in page as the named demo person. */
export async function signInAs(page: Page, name: string, path = "/"): Promise<void> {
  await allowLocalSignIn(page);
  await page.goto(`${baseUrl()}${path}`);
  await expect(page.getByRole("heading", { name: "Connexion locale" })).toBeVisible();
  await page.getByRole("button", { name: new RegExp(name) }).click();
}

/**
 * What opening the link printed by `npm start` does: the sign-in cookie with this run's secret
 * (LOCAL_SIGNIN_SECRET, fixed by playwright.config.ts). Contexts of the config have it already; others need it.
 */
export async function allowLocalSignIn(page: Page): Promise<void> {
  const secret = process.env.LOCAL_SIGNIN_SECRET;
  if (!secret) throw new Error("LOCAL_SIGNIN_SECRET is set by playwright.config.ts");
  await page.context().addCookies([
    {
      name: SIGNIN_COOKIE,
      value: secret,
      domain: new URL(baseUrl()).hostname,
      path: "/local-idp",
      httpOnly: true,
      sameSite: "Strict",
    },
  ]);
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

type ApiResponse = Awaited<ReturnType<APIRequestContext["get"]>>;

/** The body of a successful API response (the test fails with the status and body otherwise). */
export async function json<T>(res: ApiResponse): Promise<T> {
  expect(res.ok(), `${res.url()} → ${res.status()} ${await res.text()}`).toBe(true);
  return (await res.json()) as T;
}

/**
 * Through the API, as staff would in the tab: the dossier's Consultation offer, then its
 * collaborative widget (Activation de l'extension), each under the ETag of the write before.
 * `res` is the last response that carried the dossier's ETag.
 */
export async function openConsultation(api: APIRequestContext, dossierId: string, res: ApiResponse): Promise<void> {
  let last = await api.put(`/api/v1/dossiers/${dossierId}/offers/consultation`, {
    headers: { "If-Match": res.headers()["etag"] ?? "" },
    data: { active: true },
  });
  expect(last.status(), await last.text()).toBe(200);
  last = await api.put(`/api/v1/dossiers/${dossierId}/widget`, {
    headers: { "If-Match": last.headers()["etag"] ?? "" },
    data: { extensionActive: true },
  });
  expect(last.status(), await last.text()).toBe(200);
}
