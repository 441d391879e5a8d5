import {
  Button,
  Link,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from "@fluentui/react-components";
import { isApiError } from "../api/client";
import { useT } from "../i18n/context";
import { isConflict } from "./field-errors";

interface ApiErrorBarProps {
  error: unknown;
  /** After a 412: fetch the record again (the person's edits are kept). */
  onReload?: () => void;
  /** For a failed load: try again. */
  onRetry?: () => void;
  /** Where the reader can fix the cause (e.g. Paramètres for an admin), shown after the message. */
  fixAt?: { href: string; label: string } | null;
}

/** Any failed call, with the server's localized message; a concurrent edit offers *Recharger*. */
export function ApiErrorBar({ error, onReload, onRetry, fixAt }: ApiErrorBarProps) {
  const t = useT();
  if (!error) return null;
  const message = isApiError(error) ? error.message : t("error.INTERNAL");
  const conflict = isConflict(error);
  const action = conflict ? onReload : onRetry;
  return (
    <MessageBar intent={conflict ? "warning" : "error"} layout="multiline">
      <MessageBarBody>
        {conflict && <MessageBarTitle>{t("staff.conflict.title")}</MessageBarTitle>}
        {message}
        {conflict && onReload && ` ${t("staff.conflict.keep")}`}
        {fixAt && (
          <>
            {" "}
            <Link href={fixAt.href}>{fixAt.label}</Link>
          </>
        )}
      </MessageBarBody>
      {action && (
        <MessageBarActions>
          <Button onClick={action}>{t(conflict ? "staff.action.reload" : "shell.error.retry")}</Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}
