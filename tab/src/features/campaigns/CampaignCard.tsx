import { useState } from "react";
import {
  Badge,
  Button,
  Field,
  makeStyles,
  mergeClasses,
  ProgressBar,
  Subtitle2,
  Text,
  tokens,
} from "@fluentui/react-components";
import { DismissCircleRegular, DocumentErrorRegular, PauseRegular, PlayRegular } from "@fluentui/react-icons";
import type { CampaignStatus, CampaignView } from "@comptoir/shared/api/campaigns";
import type { MessageKey } from "@comptoir/shared/i18n/fr";
import { ApiErrorBar } from "../../components/ApiErrorBar";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { formatDateTime } from "../../components/format";
import { useLayoutStyles } from "../../components/layout-styles";
import { useLocale, useT } from "../../i18n/context";
import { formatTimeLeft, progressValue } from "./campaign-format";
import { FailuresReportDialog } from "./FailuresReportDialog";
import { useCampaign, useCampaignAction } from "./useCampaigns";

const STATUS_LABEL: Record<CampaignStatus, MessageKey> = {
  running: "campaign.status.running",
  paused: "campaign.status.paused",
  cancelled: "campaign.status.cancelled",
  done: "campaign.status.done",
};

const STATUS_COLOR: Record<CampaignStatus, "brand" | "warning" | "subtle" | "success"> = {
  running: "brand",
  paused: "warning",
  cancelled: "subtle",
  done: "success",
};

const useStyles = makeStyles({
  card: { gap: tokens.spacingVerticalS },
  facts: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalXL, rowGap: tokens.spacingVerticalXS },
});

interface CampaignCardProps {
  initial: CampaignView;
  /** The service's name in the reader's language. */
  serviceLabel: string;
}

/**
 * One campaign's live progress: status, ProgressBar, done and failed counts, the time left, and Pause /
 * Reprendre / Annuler under the ETag last read; once something failed, its report with *Renvoyer*.
 */
export function CampaignCard({ initial, serviceLabel }: CampaignCardProps) {
  const styles = useStyles();
  const layout = useLayoutStyles();
  const t = useT();
  const { locale } = useLocale();
  const query = useCampaign(initial);
  const campaign = query.data;
  const action = useCampaignAction();
  const [confirmingCancel, setConfirmingCancel] = useState(false);
  const [reportOpen, setReportOpen] = useState(false);
  const { status, total, done, failed, cancelled } = campaign;
  const live = status === "running" || status === "paused";
  const title = t("staff.campaign.panel.label", {
    service: serviceLabel,
    date: formatDateTime(locale, campaign.startedAt),
  });
  const titleId = `campaign-${campaign.id}`;
  const act = (name: "pause" | "resume" | "cancel") => action.mutate({ campaign, action: name });

  return (
    <section aria-labelledby={titleId} className={mergeClasses(layout.panel, styles.card)}>
      <div className={layout.titleRow}>
        <Subtitle2 as="h3" id={titleId} className={layout.flush}>
          {title}
        </Subtitle2>
        {/* A status region: the change to « Terminée » is announced; the counts below are not, every second. */}
        <span role="status">
          <Badge appearance="tint" color={STATUS_COLOR[status]}>
            {t(STATUS_LABEL[status])}
          </Badge>
        </span>
      </div>
      <Field label={t("staff.campaign.progressLabel")}>
        <ProgressBar
          value={progressValue(campaign)}
          max={1}
          thickness="large"
          color={failed > 0 ? "warning" : status === "done" ? "success" : "brand"}
        />
      </Field>
      <div className={styles.facts}>
        <Text>{t("staff.campaign.counts", { handled: done + failed, total, done, failed })}</Text>
        {status === "running" && (
          <Text>{t("staff.campaign.timeLeft", { time: formatTimeLeft(locale, campaign.estimatedSecondsLeft) })}</Text>
        )}
        {cancelled > 0 && <Text>{t("staff.campaign.cancelledCount", { cancelled })}</Text>}
      </div>
      <div className={layout.buttons}>
        {status === "running" && (
          <Button icon={<PauseRegular />} disabled={action.isPending} onClick={() => act("pause")}>
            {t("staff.campaign.pause")}
          </Button>
        )}
        {status === "paused" && (
          <Button icon={<PlayRegular />} disabled={action.isPending} onClick={() => act("resume")}>
            {t("staff.campaign.resume")}
          </Button>
        )}
        {live && (
          <Button icon={<DismissCircleRegular />} disabled={action.isPending} onClick={() => setConfirmingCancel(true)}>
            {t("staff.campaign.cancel")}
          </Button>
        )}
        {failed > 0 && (
          <Button icon={<DocumentErrorRegular />} onClick={() => setReportOpen(true)}>
            {t("staff.campaign.report.show")}
          </Button>
        )}
      </div>
      <ApiErrorBar
        error={action.error}
        onReload={() => {
          action.reset();
          void query.refetch();
        }}
      />
      <ConfirmDialog
        open={confirmingCancel}
        title={t("staff.campaign.cancel.title")}
        confirmLabel={t("staff.campaign.cancel.confirm")}
        cancelLabel={t("staff.campaign.cancel.keep")}
        onConfirm={() => {
          setConfirmingCancel(false);
          act("cancel");
        }}
        onCancel={() => setConfirmingCancel(false)}
      >
        {t("staff.campaign.cancel.body", { pending: campaign.pending })}
      </ConfirmDialog>
      {reportOpen && (
        <FailuresReportDialog campaign={campaign} serviceLabel={serviceLabel} onClose={() => setReportOpen(false)} />
      )}
    </section>
  );
}
