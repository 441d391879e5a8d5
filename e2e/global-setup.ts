import { startAppProcess } from "../bot/bench/lib/app-process";
import { startLocalConnector } from "../bot/test/support/connector-server";

/**
 * Starts the app exactly as `npm start` does, on a fresh data folder and free ports. Its local bot answers the
 * recording Bot Connector started here (LOCAL_BOT_SERVICE_URL, the documented origin of the local connector,
 * the Playground's by default): the specs read the cards it sent from the connector's `/_recorded`.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const connector = await startLocalConnector();
  const app = await startAppProcess({
    via: "start",
    timeoutMs: 120_000,
    env: { LOCAL_BOT_SERVICE_URL: connector.url },
  });
  process.env.E2E_BASE_URL = app.url;
  process.env.E2E_MAILBOX_URL = app.mailboxUrl;
  process.env.E2E_CONNECTOR_URL = connector.url;
  return async () => {
    await app.stop();
    await connector.stop();
  };
}
