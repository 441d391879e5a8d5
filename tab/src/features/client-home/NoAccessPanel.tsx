import { Body1, Button, makeStyles, Subtitle1, Subtitle2, tokens, useId } from "@fluentui/react-components";
import { LockClosedRegular } from "@fluentui/react-icons";
import { useLayoutStyles } from "../../components/layout-styles";
import type { WaitingSociete } from "@comptoir/shared/api/client-space";
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
  /** Sociétés the client holds a service on, whose space the firm has not opened yet (the firm was told). */
  waiting: readonly WaitingSociete[];
  /** Asks the server again: an invitation accepted a moment ago may have opened the space since. */
  onReload: () => void;
  reloading: boolean;
}

/** Message keys per reason, written out whole so that the catalogue test finds each one. */
const REASON_KEY = {
  "offer-inactive": "client.waiting.offerInactive",
  "extension-inactive": "client.waiting.extensionInactive",
} as const;

/** What each waiting société still needs from the firm, and that the firm knows. */
export function WaitingList({ firmName, waiting }: { firmName: string; waiting: readonly WaitingSociete[] }) {
  const layout = useLayoutStyles();
  const t = useT();
  const titleId = useId("waiting-title");
  return (
    <>
      <Subtitle2 as="h3" id={titleId}>
        {t("client.waiting.title")}
      </Subtitle2>
      <ul className={layout.flush} aria-labelledby={titleId}>
        {waiting.map((w) => (
          <li key={w.dossierId}>
            <Body1>{t(REASON_KEY[w.reason], { societe: w.name })}</Body1>
          </li>
        ))}
      </ul>
      <Body1 as="p" className={layout.muted}>
        {t("client.waiting.firmTold", { firm: firmName })}
      </Body1>
    </>
  );
}

/** Signed in, but nothing to consult yet: why (what the firm has still to open, when it is known), and what to do. */
export function NoAccessPanel({ firmName, waiting, onReload, reloading }: NoAccessPanelProps) {
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
      {waiting.length > 0 ? (
        <WaitingList firmName={firmName} waiting={waiting} />
      ) : (
        <>
          <Body1 as="p" className={layout.muted}>
            {t("client.noAccess.why")}
          </Body1>
          <Body1 as="p" className={layout.muted}>
            {t("client.noAccess.justAccepted")}
          </Body1>
          <Body1 as="p" className={layout.muted}>
            {t("client.noAccess.contactFirm", { firm: firmName })}
          </Body1>
        </>
      )}
      <Button appearance="primary" onClick={onReload} disabledFocusable={reloading}>
        {t("client.noAccess.reload")}
      </Button>
    </section>
  );
}
