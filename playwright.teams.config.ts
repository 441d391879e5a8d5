import { defineConfig } from "@playwright/test";
import { chromiumLaunchOptions } from "./e2e/chromium";

/**
 * The browser sign-in in teams mode: the real server, built as App Service runs it (bot/dist/main.js), against the
 * stand-ins of Entra ID, Microsoft Graph and the Bot Framework (e2e-teams/global-setup.ts). Part of `npm run test:teams`.
 */
export default defineConfig({
  testDir: "e2e-teams",
  outputDir: "test-results/e2e-teams",
  timeout: 60_000,
  workers: 1,
  reporter: [["list"]],
  globalSetup: "./e2e-teams/global-setup.ts",
  use: {
    // The stand-ins speak HTTPS with a self-signed certificate (bot/test/support/stand-ins/tls.ts).
    ignoreHTTPSErrors: true,
    launchOptions: chromiumLaunchOptions,
    screenshot: "only-on-failure",
    trace: "off",
  },
});
