import type { TeamsAuthentication } from "../src/auth/teams-auth";
import type { TeamsSdk } from "../src/auth/teams-host";

export interface FakeTeamsHostOptions {
  /** The person's language and theme in the host (`app.getContext()`). */
  locale?: string;
  theme?: string;
  /** The page a deep link asks for (`subEntityId`), as `app.getContext().page.subPageId`. */
  subPageId?: string;
  /** A page that frames the tab without being a Microsoft 365 host: `app.initialize()` never answers. */
  silent?: boolean;
  /** Whether the person (or the tenant's admin) already consented to the app in Entra ID. */
  consented?: boolean;
  /** Why getAuthToken fails before consent; the host's own reason by default. */
  consentError?: string;
  /** What the person does in the consent popup: accepts, closes it, or it comes back with nothing recorded. */
  popup?: "accept" | "close" | "nothing-recorded";
  /** A failure unrelated to consent (e.g. the host's `resourceDisabled` for a wrong Application ID URI). */
  failure?: string;
}

type PopupOutcome = NonNullable<FakeTeamsHostOptions["popup"]>;

export interface FakeTeamsHost extends TeamsSdk {
  authentication: TeamsAuthentication;
  /** What the person does in the next popup (the option, changeable between attempts). */
  popup: PopupOutcome;
  /** How many times the tab asked for a token. */
  tokenRequests: number;
  /** The popups the tab opened, as teams-js received them. */
  popups: { url: string; width?: number; height?: number }[];
  /** The last token handed out. */
  lastToken: string | null;
  /** Whether the tab told the host it has loaded (`app.notifySuccess()`). */
  notifiedSuccess: boolean;
}

/**
 * Teams, Outlook or the Microsoft 365 app as teams-js shows them to the tab. `authentication.getAuthToken`
 * resolves with a token once Entra ID holds the consent, and otherwise rejects as teams-js does
 * (`new Error(reason)`); `authentication.authenticate` opens the popup, which records consent when the person
 * accepts, or rejects with `CancelledByUser` when they close it.
 */
export function fakeTeamsHost(options: FakeTeamsHostOptions = {}): FakeTeamsHost {
  let consented = options.consented ?? true;
  const host: FakeTeamsHost = {
    popup: options.popup ?? "accept",
    tokenRequests: 0,
    popups: [],
    lastToken: null,
    notifiedSuccess: false,
    app: {
      initialize: () => (options.silent ? new Promise<void>(() => undefined) : Promise.resolve()),
      getContext: () =>
        Promise.resolve({
          app: { locale: options.locale ?? "fr-FR", theme: options.theme ?? "default" },
          page: options.subPageId === undefined ? {} : { subPageId: options.subPageId },
        }),
      notifySuccess() {
        host.notifiedSuccess = true;
        return Promise.resolve();
      },
      registerOnThemeChangeHandler: () => undefined,
    },
    authentication: {
      getAuthToken() {
        host.tokenRequests += 1;
        if (options.failure) return Promise.reject(new Error(options.failure));
        if (!consented) return Promise.reject(new Error(options.consentError ?? "resourceRequiresConsent"));
        host.lastToken = `host-token-${host.tokenRequests}`;
        return Promise.resolve(host.lastToken);
      },
      authenticate(params) {
        host.popups.push(params);
        switch (host.popup) {
          case "accept":
            consented = true;
            // auth-end.html's notifySuccess("consented"): a word, never the token.
            return Promise.resolve("consented");
          case "nothing-recorded":
            return Promise.resolve("consented");
          case "close":
            return Promise.reject(new Error("CancelledByUser"));
        }
      },
    },
  };
  return host;
}
