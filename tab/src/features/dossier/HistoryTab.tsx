import { Button, makeStyles, mergeClasses } from "@fluentui/react-components";
import type { AuditAction } from "@comptoir/shared/domain/audit-event";
import type { MessageKey } from "@comptoir/shared/i18n/fr";
import { ApiErrorBar } from "../../components/ApiErrorBar";
import { DataTable } from "../../components/DataTable";
import { formatDateTime } from "../../components/format";
import { useLayoutStyles } from "../../components/layout-styles";
import { LoadingRows } from "../../components/LoadingRows";
import { useLocale, useT } from "../../i18n/context";
import { useDossierAudit } from "./useDossier";

const useStyles = makeStyles({
  root: { alignItems: "flex-start" },
});

function auditKey(action: AuditAction): MessageKey {
  return `domain.audit.${action}`;
}

/** Who changed what on the dossier, newest first. */
export function HistoryTab({ dossierId }: { dossierId: string }) {
  const styles = useStyles();
  const layout = useLayoutStyles();
  const t = useT();
  const { locale } = useLocale();
  const audit = useDossierAudit(dossierId);
  const events = audit.data?.pages.flatMap((p) => p.items) ?? [];

  if (audit.isPending) return <LoadingRows rows={5} />;
  return (
    <div className={mergeClasses(layout.stackM, styles.root)}>
      <ApiErrorBar error={audit.error} onRetry={() => void audit.refetch()} />
      <DataTable
        label={t("staff.dossier.tab.history")}
        rows={events}
        rowKey={(e) => e.id}
        // After an error, the header stays rather than a "no history" that may not be true.
        empty={audit.isError ? undefined : t("staff.history.empty")}
        columns={[
          {
            id: "when",
            header: t("staff.history.when"),
            cell: (e) => <time dateTime={e.at}>{formatDateTime(locale, e.at)}</time>,
          },
          { id: "what", header: t("staff.history.what"), cell: (e) => t(auditKey(e.action)) },
          { id: "who", header: t("staff.history.who"), cell: (e) => e.actor.name },
        ]}
      />
      {audit.hasNextPage && (
        <Button onClick={() => void audit.fetchNextPage()} disabled={audit.isFetchingNextPage}>
          {t("staff.action.loadMore")}
        </Button>
      )}
    </div>
  );
}
