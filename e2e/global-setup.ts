import { startAppProcess } from "../bot/bench/lib/app-process";

/** Starts the app exactly as `npm start` does, on a fresh data folder and free ports. */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const app = await startAppProcess({ via: "start", timeoutMs: 120_000 });
  process.env.E2E_BASE_URL = app.url;
  process.env.E2E_MAILBOX_URL = app.mailboxUrl;
  return () => app.stop();
}
