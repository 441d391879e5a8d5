import { makeStyles, Spinner, tokens } from "@fluentui/react-components";
import type { MessageKey } from "@comptoir/shared";
import { useT } from "../i18n/context";

const useStyles = makeStyles({
  root: {
    minHeight: "50vh",
    display: "grid",
    placeItems: "center",
    padding: tokens.spacingHorizontalXXL,
  },
});

/** A labelled spinner: screen readers announce what we are waiting for. */
export function StatusView({ labelKey, fullPage = false }: { labelKey: MessageKey; fullPage?: boolean }) {
  const styles = useStyles();
  const t = useT();
  const spinner = <Spinner labelPosition="below" label={t(labelKey)} />;
  return fullPage ? (
    <main className={styles.root}>{spinner}</main>
  ) : (
    <div className={styles.root} role="status">
      {spinner}
    </div>
  );
}
