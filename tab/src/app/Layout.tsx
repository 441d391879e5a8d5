import { Suspense, useRef } from "react";
import { createFocusOutlineStyle, makeStyles, tokens } from "@fluentui/react-components";
import { Outlet } from "react-router";
import { useT } from "../i18n/context";
import { Header } from "./Header";
import { Nav } from "./Nav";
import { StatusView } from "../components/StatusView";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", minHeight: "100vh" },
  skip: {
    position: "absolute",
    left: tokens.spacingHorizontalS,
    top: tokens.spacingVerticalS,
    zIndex: 1,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorBrandForegroundLink,
    // Off-screen until focused, so keyboard users meet it first.
    transform: "translateY(-200%)",
    ":focus": { transform: "none" },
    ...createFocusOutlineStyle(),
  },
  body: {
    display: "grid",
    gridTemplateColumns: "minmax(12rem, 16rem) 1fr",
    flexGrow: 1,
    "@media (max-width: 640px)": { gridTemplateColumns: "1fr" },
  },
  main: {
    padding: `${tokens.spacingVerticalXL} ${tokens.spacingHorizontalXXL}`,
    minWidth: 0,
    ":focus": { outlineStyle: "none" },
  },
});

const MAIN_ID = "main-content";

export function Layout() {
  const styles = useStyles();
  const t = useT();
  const main = useRef<HTMLElement>(null);
  return (
    <div className={styles.root}>
      {/* The hash holds the route, so focus moves by script; the href names the target for assistive tech. */}
      <a
        className={styles.skip}
        href={`#${MAIN_ID}`}
        onClick={(event) => {
          event.preventDefault();
          main.current?.focus();
        }}
      >
        {t("shell.skipLink")}
      </a>
      <Header />
      <div className={styles.body}>
        <Nav />
        <main ref={main} id={MAIN_ID} tabIndex={-1} className={styles.main}>
          <Suspense fallback={<StatusView labelKey="shell.loading.page" />}>
            <Outlet />
          </Suspense>
        </main>
      </div>
    </div>
  );
}
