import type { AccountInfo, IPublicClientApplication } from "@azure/msal-browser";
import type { AuthConfig } from "@comptoir/shared/auth-config";
import { msalSetup } from "./msal-config";
import { missingSetting, type AuthSession, type SessionState } from "./session";

const browserFailed: SessionState = { kind: "error", problem: { key: "shell.auth.browserFailed" } };

/** Microsoft Entra ID sign-in in a plain browser (redirect flow). */
export function createMsalSession(config: AuthConfig, win: Window): AuthSession {
  const setup = msalSetup(config, win.location.origin + win.location.pathname, true);
  let client: IPublicClientApplication | null = null;
  let account: AccountInfo | null = null;
  // MSAL must process a redirect response exactly once, even if start() runs twice.
  let loading: Promise<IPublicClientApplication> | null = null;

  const load = async (): Promise<IPublicClientApplication> => {
    if (!setup.ok) throw new Error(setup.missing);
    const { PublicClientApplication } = await import("@azure/msal-browser");
    const pca = new PublicClientApplication(setup.configuration);
    await pca.initialize();
    const result = await pca.handleRedirectPromise();
    account = result?.account ?? pca.getActiveAccount() ?? pca.getAllAccounts()[0] ?? null;
    if (account) pca.setActiveAccount(account);
    client = pca;
    return pca;
  };

  return {
    async start() {
      if (!setup.ok) return missingSetting(setup.missing);
      try {
        loading ??= load();
        const pca = await loading;
        if (account) return { kind: "ready", canSignOut: true };
        await pca.loginRedirect({ scopes: setup.scopes });
        return { kind: "redirecting" };
      } catch {
        loading = null;
        return browserFailed;
      }
    },
    async token(refresh) {
      if (!client || !account || !setup.ok) return "";
      const { InteractionRequiredAuthError } = await import("@azure/msal-browser");
      try {
        const result = await client.acquireTokenSilent({ scopes: setup.scopes, account, forceRefresh: refresh });
        return result.accessToken;
      } catch (e) {
        if (e instanceof InteractionRequiredAuthError) await client.acquireTokenRedirect({ scopes: setup.scopes });
        throw e;
      }
    },
    rejected: (serverMessage) => ({ kind: "error", problem: { text: serverMessage } }),
    succeeded: () => undefined,
    async signOut() {
      if (!client) return browserFailed;
      await client.logoutRedirect({ account, postLogoutRedirectUri: win.location.origin + win.location.pathname });
      return { kind: "redirecting" };
    },
  };
}
