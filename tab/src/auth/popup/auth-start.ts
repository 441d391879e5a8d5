import { PublicClientApplication } from "@azure/msal-browser";
import { app, authentication } from "@microsoft/teams-js";
import { msalSetup } from "../msal-config";
import { loadAuthConfig, popupLocale, popupRedirectUri, showStatus } from "./popup-page";

/** Opened by `authentication.authenticate`: sends the person to Microsoft's sign-in and consent page. */
async function start(): Promise<void> {
  await app.initialize();
  const context = await app.getContext();
  const locale = popupLocale(context);
  void showStatus(locale, "shell.popup.redirecting");
  try {
    const setup = msalSetup(await loadAuthConfig(locale), popupRedirectUri(), false);
    if (!setup.ok) throw new Error(`missing ${setup.missing}`);
    const pca = new PublicClientApplication(setup.configuration);
    await pca.initialize();
    await pca.loginRedirect({ scopes: setup.scopes, loginHint: context.user?.loginHint, prompt: "consent" });
  } catch (e) {
    void showStatus(locale, "shell.popup.failed");
    authentication.notifyFailure(e instanceof Error ? e.message : "consent_failed");
  }
}

start().catch(() => void showStatus(popupLocale(null), "shell.popup.failed"));
