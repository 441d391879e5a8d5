import { Button, makeStyles, Text, tokens } from "@fluentui/react-components";
import { SignOutRegular } from "@fluentui/react-icons";
import { useAuth } from "../auth/auth-context";
import { useT } from "../i18n/context";
import { LanguageSwitch } from "./LanguageSwitch";
import { useCurrentUser } from "./me-context";

const useStyles = makeStyles({
  root: {
    display: "flex",
    alignItems: "center",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalL,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground3,
  },
  brand: { marginRight: "auto", color: tokens.colorBrandForeground1 },
  person: { color: tokens.colorNeutralForeground2 },
});

export function Header() {
  const styles = useStyles();
  const t = useT();
  const me = useCurrentUser();
  const { canSignOut, signOut } = useAuth();
  return (
    <header className={styles.root}>
      <Text as="span" weight="semibold" size={500} className={styles.brand}>
        {t("app.name")}
      </Text>
      <Text className={styles.person} title={t("shell.header.signedInAs", { name: me.name })}>
        {me.name}
      </Text>
      <LanguageSwitch />
      {canSignOut && (
        <Button appearance="subtle" icon={<SignOutRegular />} onClick={signOut}>
          {t("shell.signOut")}
        </Button>
      )}
    </header>
  );
}
