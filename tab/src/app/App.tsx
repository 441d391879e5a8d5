import { lazy, Suspense, useEffect } from "react";
import { AuthProvider } from "../auth/AuthProvider";
import type { RedirectOutcome } from "../auth/local-session";
import type { HostInfo } from "../auth/teams-host";
import { useAuthConfig } from "../auth/useAuthConfig";
import { useHost } from "../auth/useHost";
import { isApiError } from "../api/client";
import { I18nProvider } from "../i18n/I18nProvider";
import { useT } from "../i18n/context";
import { ErrorPanel } from "../components/ErrorPanel";
import { StatusView } from "../components/StatusView";
import { ThemeProvider } from "./ThemeProvider";

// The router and the page shell are only needed once signed in: they download while sign-in runs.
const loadSignedInApp = () => import("./SignedInApp");
const SignedInApp = lazy(async () => ({ default: (await loadSignedInApp()).SignedInApp }));

function SignIn({ host, redirectOutcome }: { host: HostInfo; redirectOutcome: RedirectOutcome }) {
  const t = useT();
  const config = useAuthConfig();
  useEffect(() => void loadSignedInApp(), []);
  if (config.isPending) return <StatusView fullPage labelKey="shell.loading.start" />;
  if (config.isError) {
    const message = isApiError(config.error) ? config.error.message : t("error.INTERNAL");
    return (
      <main>
        <ErrorPanel message={message} onAction={() => void config.refetch()} />
      </main>
    );
  }
  return (
    <AuthProvider config={config.data} host={host} redirectOutcome={redirectOutcome}>
      <Suspense fallback={<StatusView fullPage labelKey="shell.loading.profile" />}>
        <SignedInApp />
      </Suspense>
    </AuthProvider>
  );
}

/** Host first (it decides language and theme), then sign-in, then the shell. */
export function App({ redirectOutcome }: { redirectOutcome: RedirectOutcome }) {
  const host = useHost();
  const info = host.data ?? null;
  return (
    <I18nProvider hostLocale={info?.locale ?? null}>
      <ThemeProvider host={info}>
        {info ? (
          <SignIn host={info} redirectOutcome={redirectOutcome} />
        ) : (
          <StatusView fullPage labelKey="shell.loading.start" />
        )}
      </ThemeProvider>
    </I18nProvider>
  );
}
