import { expect, test, type Page } from "@playwright/test";
import { CLIENT_ID, PEOPLE, TENANT } from "../bot/test/teams/harness";
import { appUrl, authorityHost, recordRequests, signInWithMicrosoft } from "./support";

test.use({ locale: "fr-FR" });

const navLinks = (page: Page) => page.getByRole("navigation").getByRole("link");

/** The claims of a JWT, read without checking it (the server under test does the checking). */
function claimsOf(authorization: string | undefined): Record<string, unknown> {
  const payload = authorization?.replace(/^Bearer /, "").split(".")[1] ?? "";
  return JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as Record<string, unknown>;
}

test("the admin signs in through MSAL at the published authority only, and sees the staff navigation with Paramètres", async ({
  page,
}) => {
  const requests = recordRequests(page);
  const me = page.waitForRequest((r) => r.url() === `${appUrl()}/api/v1/me`);
  await signInWithMicrosoft(page, PEOPLE.admin);
  await expect(page.getByRole("heading", { level: 1, name: "Portefeuille" })).toBeVisible();
  await expect(navLinks(page)).toHaveText(["Portefeuille", "Interlocuteurs", "Rôles organisationnels", "Paramètres"]);

  // The token MSAL got from the authority (code + PKCE) is the one the API receives.
  const claims = claimsOf((await me).headers()["authorization"]);
  expect(claims).toMatchObject({
    iss: `${authorityHost()}/${TENANT}/v2.0`,
    aud: CLIENT_ID,
    oid: PEOPLE.admin.oid,
    scp: "access_as_user",
    roles: ["Firm.Admin"],
  });
  // No instance discovery at login.microsoftonline.com or elsewhere: the tab and the authority, nothing else.
  const origins = new Set(requests.map((r) => new URL(r.url()).origin));
  expect([...origins].sort()).toEqual([appUrl(), authorityHost()].sort());
  const token = requests.find((r) => r.method() === "POST" && r.url().includes("/oauth2/v2.0/token"));
  expect(token?.postData()).toContain("code_verifier=");
});

test("the collaboratrice sees Portefeuille, Interlocuteurs and Rôles organisationnels, without Paramètres", async ({
  page,
}) => {
  await signInWithMicrosoft(page, PEOPLE.staff);
  await expect(page.getByRole("heading", { level: 1, name: "Portefeuille" })).toBeVisible();
  await expect(navLinks(page)).toHaveText(["Portefeuille", "Interlocuteurs", "Rôles organisationnels"]);
  await expect(page.getByRole("banner")).toContainText(PEOPLE.staff.name);
});

test("a guest bound to no contact sees Ma société and why there is nothing to consult yet", async ({ page }) => {
  await signInWithMicrosoft(page, PEOPLE.guest);
  await expect(page.getByRole("heading", { level: 1, name: "Ma société" })).toBeVisible();
  await expect(navLinks(page)).toHaveText(["Ma société"]);
  await expect(
    page.getByRole("heading", { level: 2, name: "Vous n'avez pas encore accès à votre espace" }),
  ).toBeVisible();
});

test("the page asked before signing in is the one shown after, and a reload keeps the session", async ({ page }) => {
  await signInWithMicrosoft(page, PEOPLE.staff, "/#/roles");
  await expect(page.getByRole("heading", { level: 1, name: "Rôles organisationnels" })).toBeVisible();
  const requests = recordRequests(page);
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "Rôles organisationnels" })).toBeVisible();
  // MSAL's session cache answers: no new visit to the sign-in page.
  expect(requests.filter((r) => r.isNavigationRequest()).map((r) => new URL(r.url()).origin)).toEqual([appUrl()]);
});

test("signing out goes through the authority's sign-out, and the next visit asks to sign in again", async ({
  page,
}) => {
  await signInWithMicrosoft(page, PEOPLE.staff);
  await expect(page.getByRole("heading", { level: 1, name: "Portefeuille" })).toBeVisible();
  await page.getByRole("button", { name: "Se déconnecter" }).click();
  await expect(page).toHaveURL(new RegExp(`^${authorityHost()}/${TENANT}/v2.0/oauth2/v2.0/logout`));
  const signOut = page.waitForRequest((r) => r.isNavigationRequest() && r.url().startsWith(`${appUrl()}/`));
  await page.getByRole("button", { name: "Sign out" }).click();
  // Back on the tab (post_logout_redirect_uri), which finds no account and sends the person to sign in.
  await signOut;
  await expect(page).toHaveURL(new RegExp(`^${authorityHost()}/${TENANT}/v2.0/sign-in/`));
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
});

for (const { locale, failed, retry } of [
  {
    locale: "fr-FR",
    failed: "La connexion avec votre compte Microsoft a échoué. Réessayez dans un instant.",
    retry: "Réessayer",
  },
  {
    locale: "en-US",
    failed: "Signing in with your Microsoft account failed. Try again in a moment.",
    retry: "Try again",
  },
]) {
  test.describe(locale, () => {
    test.use({ locale });

    test("backing out of the sign-in page shows a localized failure, and retrying goes back to it", async ({
      page,
    }) => {
      await page.goto(`${appUrl()}/`);
      await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
      await page.getByRole("button", { name: "Cancel" }).click();
      await expect(page).toHaveURL(new RegExp(`^${appUrl()}/`));
      await expect(page.getByText(failed)).toBeVisible();
      await page.getByRole("button", { name: retry }).click();
      await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
    });
  });
}
