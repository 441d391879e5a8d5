import { Badge, Button, makeStyles, Text, tokens } from "@fluentui/react-components";
import { ArrowSyncRegular } from "@fluentui/react-icons";
import type { InvitationStatus } from "@comptoir/shared/api/invitations";
import { formatDateTime } from "../../components/format";
import { useLocale, useT } from "../../i18n/context";

const useStyles = makeStyles({
  root: { display: "inline-flex", alignItems: "center", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  error: { color: tokens.colorPaletteRedForeground1 },
});

interface InvitationProgressProps {
  status: InvitationStatus | undefined;
  serviceLabel: string;
  /** Offered when the invitation failed, or to send the e-mail again. */
  onResend: () => void;
  resending: boolean;
}

/** "E-mail en file d'attente" until it is sent; the failure and *Renvoyer* when a step failed for good. */
export function InvitationProgress({ status, serviceLabel, onResend, resending }: InvitationProgressProps) {
  const t = useT();
  const { locale } = useLocale();
  const styles = useStyles();
  if (!status) return null;
  return (
    <span className={styles.root}>
      {status.error ? (
        <Text className={styles.error} role="status">
          {t("invitations.error", { message: status.error.message })}
        </Text>
      ) : status.mail === "sent" && status.mailSentAt ? (
        <Text size={200}>{t("invitations.mail.sent", { at: formatDateTime(locale, status.mailSentAt) })}</Text>
      ) : (
        <Badge appearance="outline" color="informative" role="status">
          {t(status.mail === "queued" ? "invitations.mail.queued" : "invitations.mail.pending")}
        </Badge>
      )}
      {(status.error || status.mail === "sent") && (
        <Button
          size="small"
          appearance="subtle"
          icon={<ArrowSyncRegular />}
          onClick={onResend}
          disabled={resending}
          aria-label={t("invitations.resend.label", { service: serviceLabel })}
        >
          {t("invitations.resend")}
        </Button>
      )}
    </span>
  );
}
