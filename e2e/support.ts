import AxeBuilder from "@axe-core/playwright";
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

/** No serious or critical axe-core violation (Fluent's focus sentinels are not content). */
export async function expectAccessible(page: Page, name: string): Promise<void> {
  const results = await new AxeBuilder({ page }).exclude("[data-tabster-dummy]").analyze();
  const blocking = results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.help} → ${v.nodes.map((n) => n.target.join(" ")).join(" | ")}`);
  expect(blocking, `axe on ${name}`).toEqual([]);
}

/** A SIREN with a valid Luhn key, different on every run (`salt` keeps two specs of one run apart). */
export function newSiren(salt = 0): string {
  const base = String((Date.now() + salt) % 1e8).padStart(8, "0");
  for (let key = 0; key <= 9; key++) {
    const siren = `${base}${key}`;
    const total = [...siren].reverse().reduce((n, c, i) => {
      const d = Number(c) * (i % 2 === 1 ? 2 : 1);
      return n + (d > 9 ? d - 9 : d);
    }, 0);
    if (total % 10 === 0) return siren;
  }
  throw new Error("no Luhn key");
}

export interface E2eClient {
  prenom: string;
  nom: string;
  email: string;
}

/**
 * Through the API, as staff would in the tab: a new contact for the dossier (first role, Limité à "-") and the
 * Consultation service proposed to them; resolves once the invitation pipeline has sent their e-mail.
 */
export async function inviteClient(
  api: APIRequestContext,
  dossierId: string,
  client: E2eClient,
): Promise<{ contactId: string; subscriptionId: string }> {
  const roles = await json<{ items: { id: string }[] }>(await api.get("/api/v1/roles"));
  const contact = await json<{ id: string }>(
    await api.post("/api/v1/contacts", { data: { ...client, roleId: roles.items[0]?.id } }),
  );
  await json(await api.post(`/api/v1/contacts/${contact.id}/dossiers`, { data: { dossierId } }));
  const proposed = await json<{ subscription: { id: string } }>(
    await api.post(`/api/v1/contacts/${contact.id}/dossiers/${dossierId}/services`, {
      data: { serviceId: "consultation" },
    }),
  );
  const subscriptionId = proposed.subscription.id;
  await expect
    .poll(
      async () => {
        const list = await json<{ items: { subscriptionId: string; mail: string }[] }>(
          await api.get(`/api/v1/dossiers/${dossierId}/invitations`),
        );
        return list.items.find((i) => i.subscriptionId === subscriptionId)?.mail;
      },
      { timeout: 30_000 },
    )
    .toBe("sent");
  return { contactId: contact.id, subscriptionId };
}

/** The client opens their e-mail in the dev mailbox, follows « Accepter l'invitation », accepts and signs in. */
export async function signInFromInvitation(page: Page, client: E2eClient): Promise<void> {
  await page.goto(mailboxUrl());
  const mail = page.getByRole("article").filter({ hasText: client.email }).filter({ hasText: "Comptoir" }).first();
  await expect(mail).toBeVisible();
  await mail.frameLocator("iframe").getByRole("link", { name: "Accepter l'invitation" }).first().click();
  await page.getByRole("button", { name: "Accepter" }).click();
  await expect(page.getByRole("heading", { name: "Connexion locale" })).toBeVisible();
  await page.getByRole("button", { name: new RegExp(client.nom) }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Ma société" })).toBeVisible();
}
