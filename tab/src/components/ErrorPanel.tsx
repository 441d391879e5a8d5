import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  tokens,
} from "@fluentui/react-components";
import type { MessageKey } from "@comptoir/shared";
import { useT } from "../i18n/context";

const useStyles = makeStyles({
  root: { maxWidth: "48rem", margin: `${tokens.spacingVerticalXXL} auto`, padding: tokens.spacingHorizontalL },
});

interface ErrorPanelProps {
  /** Already localized (a server message) or produced with `t`. */
  message: string;
  onAction?: () => void;
  actionKey?: MessageKey;
  titleKey?: MessageKey;
}

/** A failure the person can read and, when it makes sense, retry. */
export function ErrorPanel({
  message,
  onAction,
  actionKey = "shell.error.retry",
  titleKey = "shell.error.title",
}: ErrorPanelProps) {
  const styles = useStyles();
  const t = useT();
  return (
    <div className={styles.root}>
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{t(titleKey)}</MessageBarTitle>
          {message}
        </MessageBarBody>
        {onAction && (
          <MessageBarActions>
            <Button appearance="primary" onClick={onAction}>
              {t(actionKey)}
            </Button>
          </MessageBarActions>
        )}
      </MessageBar>
    </div>
  );
}
