import { makeStyles, mergeClasses, tokens, createFocusOutlineStyle } from "@fluentui/react-components";
import { NavLink, useLocation } from "react-router";
import { useT } from "../i18n/context";
import { useCurrentUser } from "./me-context";
import { navRoutes } from "./routes";

const useStyles = makeStyles({
  root: {
    padding: tokens.spacingVerticalM,
    borderRight: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground2,
    "@media (max-width: 640px)": {
      borderRight: "none",
      borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    },
  },
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    "@media (max-width: 640px)": { flexDirection: "row", flexWrap: "wrap" },
  },
  link: {
    display: "block",
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    color: tokens.colorNeutralForeground2,
    textDecorationLine: "none",
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    ":hover": { backgroundColor: tokens.colorSubtleBackgroundHover, color: tokens.colorNeutralForeground1 },
    ...createFocusOutlineStyle(),
  },
  active: {
    color: tokens.colorNeutralForeground1,
    fontWeight: tokens.fontWeightSemibold,
    backgroundColor: tokens.colorSubtleBackgroundSelected,
    boxShadow: `inset ${tokens.strokeWidthThicker} 0 0 ${tokens.colorCompoundBrandStroke}`,
  },
});

/** Plain links (with `aria-current="page"`): Tab moves through them, Enter follows one. */
export function Nav() {
  const styles = useStyles();
  const t = useT();
  const me = useCurrentUser();
  // A dossier page belongs to the Portefeuille.
  const inDossier = useLocation().pathname.startsWith("/dossiers/");
  return (
    <nav className={styles.root} aria-label={t("shell.nav.label")}>
      <ul className={styles.list}>
        {navRoutes(me).map((route) => (
          <li key={route.id}>
            <NavLink
              to={route.path}
              className={({ isActive }) =>
                mergeClasses(styles.link, (isActive || (inDossier && route.id === "portfolio")) && styles.active)
              }
            >
              {t(route.labelKey)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
