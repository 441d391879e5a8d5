import { Body1, Button, makeStyles, Subtitle1, tokens, useId } from "@fluentui/react-components";
import { LockClosedRegular } from "@fluentui/react-icons";
import { useLayoutStyles } from "../../components/layout-styles";
import { useT } from "../../i18n/context";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    alignItems: "flex-start",
    gap: tokens.spacingVerticalM,
    maxWidth: "40rem",
    padding: `${tokens.spacingVerticalXXL} ${tokens.spacingHorizontalXXL}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusXLarge,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  icon: { fontSize: "40px", color: tokens.colorBrandForeground1 },
});

interface NoAccessPanelProps {
  firmName: string;
  /** Asks the server again: an invitation accepted a moment ago may have opened the space since. */
  onReload: () => void;
  reloading: boolean;
}

/** Signed in, but nothing to consult yet: why, and what to do about it. */
export function NoAccessPanel({ firmName, onReload, reloading }: NoAccessPanelProps) {
  const styles = useStyles();
  const layout = useLayoutStyles();
  const t = useT();
  const titleId = useId("no-access-title");
  return (
    <section className={styles.root} aria-labelledby={titleId}>
      <span className={styles.icon} aria-hidden="true">
        <LockClosedRegular />
      </span>
      <Subtitle1 as="h2" id={titleId} className={layout.flush}>
        {t("client.noAccess.title")}
      </Subtitle1>
      <Body1 as="p" className={layout.muted}>
        {t("client.noAccess.why")}
      </Body1>
      <Body1 as="p" className={layout.muted}>
        {t("client.noAccess.justAccepted")}
      </Body1>
      <Body1 as="p" className={layout.muted}>
        {t("client.noAccess.contactFirm", { firm: firmName })}
      </Body1>
      <Button appearance="primary" onClick={onReload} disabledFocusable={reloading}>
        {t("client.noAccess.reload")}
      </Button>
    </section>
  );
}
