import { useCallback, useEffect, useMemo, useState, type ReactNode } from "react";
import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  tokens,
} from "@fluentui/react-components";
import type { AuthConfig } from "@comptoir/shared/auth-config";
import { setApiAuth } from "../api/client";
import { ErrorPanel } from "../components/ErrorPanel";
import { StatusView } from "../components/StatusView";
import { useT, type Translate } from "../i18n/context";
import { AuthContext, type AuthValue } from "./auth-context";
import { createSession } from "./create-session";
import type { RedirectOutcome } from "./local-session";
import type { Problem, SessionState } from "./session";
import type { HostInfo } from "./teams-host";

const useStyles = makeStyles({
  consent: { maxWidth: "40rem", margin: `${tokens.spacingVerticalXXL} auto`, padding: tokens.spacingHorizontalL },
});

function describe(t: Translate, problem: Problem): string {
  return "text" in problem ? problem.text : t(problem.key, problem.params);
}

interface AuthProviderProps {
  config: AuthConfig;
  host: HostInfo;
  redirectOutcome: RedirectOutcome;
  children: ReactNode;
}

/** Signs the person in, hands tokens to the API client, and shows the sign-in states. */
export function AuthProvider({ config, host, redirectOutcome, children }: AuthProviderProps) {
  const t = useT();
  const styles = useStyles();
  const session = useMemo(() => createSession(config, host, window, redirectOutcome), [config, host, redirectOutcome]);
  const [state, setState] = useState<SessionState>({ kind: "starting" });

  const follow = useCallback((step: Promise<SessionState>) => {
    setState({ kind: "starting" });
    step.then(setState, () => setState({ kind: "error", problem: { key: "error.INTERNAL" } }));
  }, []);

  useEffect(() => {
    let live = true;
    setApiAuth({
      token: (refresh) => session.token(refresh),
      rejected: (error) => setState(session.rejected(error.message)),
      succeeded: () => session.succeeded(),
    });
    session.start("first").then(
      (next) => live && setState(next),
      () => live && setState({ kind: "error", problem: { key: "error.INTERNAL" } }),
    );
    return () => {
      live = false;
      setApiAuth(null);
    };
  }, [session]);

  const signOut = useCallback(() => follow(session.signOut()), [follow, session]);
  const value = useMemo<AuthValue>(
    () => ({ canSignOut: state.kind === "ready" && state.canSignOut, signOut }),
    [state, signOut],
  );

  switch (state.kind) {
    case "starting":
      return <StatusView fullPage labelKey="shell.loading.signIn" />;
    case "redirecting":
      return <StatusView fullPage labelKey="shell.loading.redirect" />;
    case "error":
      return (
        <main>
          <ErrorPanel
            message={describe(t, state.problem)}
            actionKey={state.signInAgain ? "shell.auth.signInAgain" : "shell.error.retry"}
            onAction={() => follow(session.start("retry"))}
          />
        </main>
      );
    case "consent":
      return (
        <main className={styles.consent}>
          <MessageBar intent={state.failed ? "error" : "info"} layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{t("shell.auth.consent.title")}</MessageBarTitle>
              {t(state.failed ? "shell.auth.consent.failed" : "shell.auth.consent.body")}
            </MessageBarBody>
            <MessageBarActions>
              {/* The popup must open from a click, or the host blocks it. */}
              <Button appearance="primary" onClick={() => session.consent && follow(session.consent())}>
                {t("shell.auth.consent.action")}
              </Button>
            </MessageBarActions>
          </MessageBar>
        </main>
      );
    case "ready":
      return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
  }
}
