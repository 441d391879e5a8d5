import { useState } from "react";
import {
  Badge,
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  useId,
  type BadgeProps,
} from "@fluentui/react-components";
import type { ImportNotice } from "@comptoir/shared/api/import-notices";
import type { MessageKey } from "@comptoir/shared/i18n/fr";
import { ApiErrorBar } from "../../components/ApiErrorBar";
import { DataTable } from "../../components/DataTable";
import { formatDateTime } from "../../components/format";
import { LoadingRows } from "../../components/LoadingRows";
import { useLocale, useT } from "../../i18n/context";
import { useImportNotices } from "./useImportNotices";

const STATUS: Record<ImportNotice["status"], { key: MessageKey; color: BadgeProps["color"] }> = {
  queued: { key: "importNotice.status.queued", color: "informative" },
  sent: { key: "importNotice.status.sent", color: "success" },
  failed: { key: "importNotice.status.failed", color: "danger" },
  skipped: { key: "importNotice.status.skipped", color: "subtle" },
};
const REASON: Record<NonNullable<ImportNotice["reason"]>, MessageKey> = {
  optedOut: "importNotice.reason.optedOut",
  noLines: "importNotice.reason.noLines",
  unreachable: "importNotice.reason.unreachable",
};

/** The import history's *Interlocuteurs prévenus*: who got the card of this import, who did not and why. */
export function ImportNoticesButton({ dossierId, importId }: { dossierId: string; importId: string }) {
  const t = useT();
  const { locale } = useLocale();
  const titleId = useId("import-notices-title");
  const [open, setOpen] = useState(false);
  const notices = useImportNotices(dossierId, importId, open);
  return (
    <Dialog open={open} onOpenChange={(_, data) => setOpen(data.open)}>
      <DialogTrigger disableButtonEnhancement>
        <Button appearance="subtle" size="small">
          {t("importNotice.list.title")}
        </Button>
      </DialogTrigger>
      <DialogSurface aria-labelledby={titleId}>
        <DialogBody>
          <DialogTitle id={titleId}>{t("importNotice.list.title")}</DialogTitle>
          <DialogContent>
            {notices.isPending ? (
              <LoadingRows rows={3} />
            ) : notices.isError ? (
              <ApiErrorBar error={notices.error} onRetry={() => void notices.refetch()} />
            ) : (
              <DataTable
                labelledBy={titleId}
                size="small"
                rows={notices.data.items}
                rowKey={(n) => n.contactId}
                empty={t("importNotice.list.empty")}
                columns={[
                  { id: "contact", header: t("importNotice.list.contact"), cell: (n) => n.contactName },
                  {
                    id: "status",
                    header: t("importNotice.list.status"),
                    cell: (n) => (
                      <>
                        <Badge appearance="tint" shape="rounded" color={STATUS[n.status].color}>
                          {t(STATUS[n.status].key)}
                        </Badge>
                        {n.reason && ` ${t(REASON[n.reason])}`}
                        {n.error && ` (${n.error})`}
                      </>
                    ),
                  },
                  {
                    id: "when",
                    header: t("importNotice.list.when"),
                    cell: (n) => <time dateTime={n.at}>{formatDateTime(locale, n.at)}</time>,
                  },
                ]}
              />
            )}
          </DialogContent>
          <DialogActions>
            <DialogTrigger disableButtonEnhancement>
              <Button appearance="secondary">{t("importNotice.list.close")}</Button>
            </DialogTrigger>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
