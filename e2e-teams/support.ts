import { expect, type Page, type Request } from "@playwright/test";
import type { Person } from "../bot/test/teams/harness";

function fromEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is set by e2e-teams/global-setup.ts`);
  return value;
}

/** The teams-mode server under test. */
export const appUrl = (): string => fromEnv("E2E_TEAMS_URL");
/** Entra ID's stand-in: the authority the server publishes in /auth-config.json. */
export const authorityHost = (): string => fromEnv("E2E_TEAMS_AUTHORITY_HOST");

/** Every request the page makes, to check afterwards where the browser went. */
export function recordRequests(page: Page): Request[] {
  const seen: Request[] = [];
  page.on("request", (r) => seen.push(r));
  return seen;
}

/**
 * Opens the tab in a plain browser: MSAL sends the page to the authority's sign-in page (the stand-in's), the person signs in, and the authority sends them back to the tab.
 */
export async function signInWithMicrosoft(page: Page, person: Person, path = "/"): Promise<void> {
  await page.goto(`${appUrl()}${path}`);
  await expect(page).toHaveURL(new RegExp(`^${authorityHost()}/`));
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await page.getByLabel("Email, phone, or Skype").fill(person.username);
  await page.getByLabel("Password").fill("stand-in");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(new RegExp(`^${appUrl()}/`));
}
