import { PublicClientApplication } from "@azure/msal-browser";
import { app, authentication } from "@microsoft/teams-js";
import { msalSetup } from "../msal-config";
import { loadAuthConfig, popupLocale, popupRedirectUri, showStatus } from "./popup-page";

/**
 * Microsoft sends the popup back here. Consent is now recorded in Entra ID, so the tab only
 * needs to hear "done" and call `getAuthToken` again: the token never crosses windows.
 */
async function end(): Promise<void> {
  await app.initialize();
  const locale = popupLocale(await app.getContext().catch(() => null));
  try {
    const setup = msalSetup(await loadAuthConfig(locale), popupRedirectUri(), false);
    if (!setup.ok) throw new Error(`missing ${setup.missing}`);
    const pca = new PublicClientApplication(setup.configuration);
    await pca.initialize();
    const result = await pca.handleRedirectPromise();
    if (!result) throw new Error("no_sign_in_response");
    void showStatus(locale, "shell.popup.done");
    authentication.notifySuccess("consented");
  } catch (e) {
    void showStatus(locale, "shell.popup.failed");
    authentication.notifyFailure(e instanceof Error ? e.message : "consent_failed");
  }
}

end().catch(() => void showStatus(popupLocale(null), "shell.popup.failed"));
