import {
  Body1,
  Button,
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
} from "@fluentui/react-components";
import type { AuditAction } from "@comptoir/shared/domain/audit-event";
import type { MessageKey } from "@comptoir/shared/i18n/fr";
import { ApiErrorBar } from "../../components/ApiErrorBar";
import { formatDateTime } from "../../components/format";
import { LoadingRows } from "../../components/LoadingRows";
import { useLocale, useT } from "../../i18n/context";
import { useDossierAudit } from "./useDossier";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, alignItems: "flex-start" },
  muted: { margin: 0, color: tokens.colorNeutralForeground2 },
});

function auditKey(action: AuditAction): MessageKey {
  return `domain.audit.${action}`;
}

/** Who changed what on the dossier, newest first. */
export function HistoryTab({ dossierId }: { dossierId: string }) {
  const styles = useStyles();
  const t = useT();
  const { locale } = useLocale();
  const audit = useDossierAudit(dossierId);
  const events = audit.data?.pages.flatMap((p) => p.items) ?? [];

  if (audit.isPending) return <LoadingRows rows={5} />;
  return (
    <div className={styles.root}>
      <ApiErrorBar error={audit.error} onRetry={() => void audit.refetch()} />
      {events.length === 0 && !audit.isError ? (
        <Body1 as="p" className={styles.muted}>
          {t("staff.history.empty")}
        </Body1>
      ) : (
        <Table aria-label={t("staff.dossier.tab.history")}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t("staff.history.when")}</TableHeaderCell>
              <TableHeaderCell>{t("staff.history.what")}</TableHeaderCell>
              <TableHeaderCell>{t("staff.history.who")}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {events.map((e) => (
              <TableRow key={e.id}>
                <TableCell>
                  <time dateTime={e.at}>{formatDateTime(locale, e.at)}</time>
                </TableCell>
                <TableCell>{t(auditKey(e.action))}</TableCell>
                <TableCell>{e.actor.name}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {audit.hasNextPage && (
        <Button onClick={() => void audit.fetchNextPage()} disabled={audit.isFetchingNextPage}>
          {t("staff.action.loadMore")}
        </Button>
      )}
    </div>
  );
}
