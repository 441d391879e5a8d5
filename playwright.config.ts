import { randomBytes } from "node:crypto";
import { defineConfig } from "@playwright/test";
import { chromiumLaunchOptions } from "./e2e/chromium";
import { SIGNIN_COOKIE } from "./bot/dev/local-idp/signin-link";

// The sign-in page needs this start's secret: fixed here for the run, before global-setup starts the app with it
// (bot/bench/lib/app-process.ts passes LOCAL_SIGNIN_SECRET on) and the workers inherit it. Every browser context
// then holds the cookie that opening the link printed by `npm start` would have set.
process.env.LOCAL_SIGNIN_SECRET ??= randomBytes(32).toString("base64url");
const signInCookie = {
  name: SIGNIN_COOKIE,
  value: process.env.LOCAL_SIGNIN_SECRET,
  domain: "localhost",
  path: "/local-idp",
  expires: -1,
  httpOnly: true,
  secure: false,
  sameSite: "Strict" as const,
};

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results/e2e",
  timeout: 60_000,
  workers: 1,
  reporter: [["list"]],
  globalSetup: "./e2e/global-setup.ts",
  use: {
    storageState: { cookies: [signInCookie], origins: [] },
    launchOptions: chromiumLaunchOptions,
    screenshot: "only-on-failure",
    trace: "off",
  },
});
