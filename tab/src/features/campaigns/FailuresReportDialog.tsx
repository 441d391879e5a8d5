import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
} from "@fluentui/react-components";
import { ArrowDownloadRegular, ArrowResetRegular } from "@fluentui/react-icons";
import type { CampaignFailure, CampaignView } from "@comptoir/shared/api/campaigns";
import { ApiErrorBar } from "../../components/ApiErrorBar";
import { DataTable, type TableColumn } from "../../components/DataTable";
import { useLayoutStyles } from "../../components/layout-styles";
import { LoadingRows } from "../../components/LoadingRows";
import { useT } from "../../i18n/context";
import { useCampaignAction, useCampaignFailures } from "./useCampaigns";
import { useDownloadReport } from "./useDownloadReport";

const useStyles = makeStyles({
  surface: { maxWidth: "min(60rem, 95vw)" },
  scroll: { maxHeight: "50vh", overflow: "auto" },
});

interface FailuresReportDialogProps {
  campaign: CampaignView;
  serviceLabel: string;
  onClose: () => void;
}

/** *Rapport des échecs*: who, which dossier and why (the server's localized reason), *Renvoyer*, *Exporter le rapport*. */
export function FailuresReportDialog({ campaign, serviceLabel, onClose }: FailuresReportDialogProps) {
  const styles = useStyles();
  const layout = useLayoutStyles();
  const t = useT();
  const failures = useCampaignFailures(campaign.id, true);
  const retry = useCampaignAction();
  const download = useDownloadReport(campaign.id);

  const columns: TableColumn<CampaignFailure>[] = [
    { id: "contact", header: t("staff.campaign.report.contact"), cell: (f) => `${f.contactName} (${f.email})` },
    { id: "dossier", header: t("staff.campaign.report.dossier"), cell: (f) => `${f.dossierCode} ${f.dossierName}` },
    { id: "reason", header: t("staff.campaign.report.reason"), cell: (f) => f.message },
  ];

  return (
    <Dialog open onOpenChange={(_, data) => !data.open && onClose()}>
      <DialogSurface className={styles.surface}>
        <DialogBody>
          <DialogTitle>
            {t("staff.campaign.report.title")} — {serviceLabel}
          </DialogTitle>
          <DialogContent className={layout.stackM}>
            {failures.isPending ? (
              <LoadingRows rows={3} />
            ) : failures.isError ? (
              <ApiErrorBar error={failures.error} onRetry={() => void failures.refetch()} />
            ) : (
              <DataTable
                label={t("staff.campaign.report.title")}
                columns={columns}
                rows={failures.data.items}
                rowKey={(f) => `${f.contactId}|${f.dossierId}`}
                empty={t("staff.campaign.report.none")}
                size="small"
                scrollClassName={styles.scroll}
              />
            )}
            <ApiErrorBar error={retry.error} onReload={() => retry.reset()} />
            <ApiErrorBar error={download.error} />
          </DialogContent>
          <DialogActions>
            <Button
              appearance="primary"
              icon={<ArrowResetRegular />}
              disabled={retry.isPending || campaign.failed === 0 || campaign.status === "cancelled"}
              onClick={() => retry.mutate({ campaign, action: "retry-failed" }, { onSuccess: onClose })}
            >
              {t("staff.campaign.report.retry")}
            </Button>
            <Button icon={<ArrowDownloadRegular />} disabled={download.isPending} onClick={() => download.mutate()}>
              {t("staff.campaign.report.export")}
            </Button>
            <Button onClick={onClose}>{t("staff.campaign.report.close")}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
