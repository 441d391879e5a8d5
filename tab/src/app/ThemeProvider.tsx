import { useEffect, useState, type ReactNode } from "react";
import {
  FluentProvider,
  makeStyles,
  teamsDarkTheme,
  teamsHighContrastTheme,
  teamsLightTheme,
  type Theme,
} from "@fluentui/react-components";
import type { HostInfo } from "../auth/teams-host";
import { themeKindFor, type ThemeKind } from "./theme-kind";

const THEMES: Record<ThemeKind, Theme> = {
  light: teamsLightTheme,
  dark: teamsDarkTheme,
  contrast: teamsHighContrastTheme,
};

const useStyles = makeStyles({ root: { minHeight: "100vh" } });

/** Follows the host theme, including when the person changes it while the tab is open. */
export function ThemeProvider({ host, children }: { host: HostInfo | null; children: ReactNode }) {
  const styles = useStyles();
  const [changed, setChanged] = useState<string | null>(null);
  const teams = host?.teams ?? null;

  useEffect(() => {
    teams?.app.registerOnThemeChangeHandler(setChanged);
  }, [teams]);

  const theme = THEMES[themeKindFor(changed ?? host?.theme)];
  return (
    <FluentProvider theme={theme}>
      {/* Not on the provider: its classes are copied onto every portal (menus, listboxes), which would cover the page. */}
      <div className={styles.root}>{children}</div>
    </FluentProvider>
  );
}
