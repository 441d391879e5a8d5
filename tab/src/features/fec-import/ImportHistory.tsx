import { useState } from "react";
import {
  Badge,
  Button,
  makeStyles,
  Subtitle2,
  tokens,
  Tooltip,
  useId,
  type BadgeProps,
} from "@fluentui/react-components";
import { CopyRegular } from "@fluentui/react-icons";
import type { FecImport } from "@comptoir/shared/api/accounting";
import type { MessageKey } from "@comptoir/shared/i18n/fr";
import { ApiErrorBar } from "../../components/ApiErrorBar";
import { DataTable } from "../../components/DataTable";
import { formatDateTime, formatDay } from "../../components/format";
import { useLayoutStyles } from "../../components/layout-styles";
import { LoadingRows } from "../../components/LoadingRows";
import { useLocale, useT } from "../../i18n/context";
import { useVisuallyHidden } from "../accounting/visually-hidden";
import { ImportNoticesButton } from "../import-notices/ImportNoticesButton";
import { shortChecksum } from "./file-size";
import { useFecImports } from "./useFecImports";

const useStyles = makeStyles({
  scroll: { overflowX: "auto" },
  num: { textAlign: "right", fontVariantNumeric: "tabular-nums" },
  checksum: {
    display: "inline-flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalXS,
    fontFamily: tokens.fontFamilyMonospace,
  },
  file: { overflowWrap: "anywhere" },
  // Columns sized by their content rather than evenly.
  table: { tableLayout: "auto" },
  nowrap: { whiteSpace: "nowrap" },
});

function statusOf(item: FecImport): { key: MessageKey; color: BadgeProps["color"] } {
  switch (item.status) {
    case "imported":
      return item.current
        ? { key: "fecImport.status.current", color: "success" }
        : { key: "fecImport.status.replaced", color: "subtle" };
    case "rejected":
      return { key: "fecImport.status.rejected", color: "danger" };
    case "aborted":
      return { key: "fecImport.status.aborted", color: "warning" };
    case "importing":
      return { key: "fecImport.status.importing", color: "informative" };
  }
}

/** Who imported which file for which exercice, with its line count, checksum and warnings. */
export function ImportHistory({ dossierId }: { dossierId: string }) {
  const styles = useStyles();
  const layout = useLayoutStyles();
  const hidden = useVisuallyHidden();
  const t = useT();
  const { locale } = useLocale();
  const titleId = useId("history-title");
  const imports = useFecImports(dossierId);
  const [copied, setCopied] = useState("");

  const copy = async (sha256: string) => {
    try {
      await navigator.clipboard.writeText(sha256);
      setCopied(t("fecImport.history.copied"));
      // Cleared so that the next copy is announced again.
      setTimeout(() => setCopied(""), 3000);
    } catch {
      setCopied("");
    }
  };

  return (
    <section className={layout.stackM} aria-labelledby={titleId}>
      <Subtitle2 as="h3" id={titleId} className={layout.flush}>
        {t("fecImport.history.title")}
      </Subtitle2>
      {imports.isPending ? (
        <LoadingRows rows={3} />
      ) : imports.isError ? (
        <ApiErrorBar error={imports.error} onRetry={() => void imports.refetch()} />
      ) : (
        <DataTable
          labelledBy={titleId}
          size="small"
          className={styles.table}
          scrollClassName={styles.scroll}
          rows={imports.data.items}
          rowKey={(item) => item.id}
          empty={t("fecImport.history.empty")}
          columns={[
            {
              id: "when",
              header: t("fecImport.history.when"),
              cell: (item) => <time dateTime={item.startedAt}>{formatDateTime(locale, item.startedAt)}</time>,
            },
            { id: "who", header: t("fecImport.history.who"), cell: (item) => item.by.name },
            {
              id: "file",
              header: t("fecImport.history.file"),
              cell: (item) => <span className={styles.file}>{item.fileName}</span>,
            },
            {
              id: "exercice",
              header: t("fecImport.history.exercice"),
              cell: (item) =>
                t("fecImport.history.exerciceRange", {
                  start: formatDay(locale, item.exercice.start),
                  end: formatDay(locale, item.exercice.end),
                }),
            },
            {
              id: "status",
              header: t("fecImport.history.status"),
              cell: (item) => {
                const status = statusOf(item);
                return (
                  <Badge appearance="tint" color={status.color} shape="rounded" className={styles.nowrap}>
                    {t(status.key)}
                  </Badge>
                );
              },
            },
            {
              id: "lines",
              header: t("fecImport.history.lines"),
              className: styles.num,
              cell: (item) => item.lineCount.toLocaleString(locale),
            },
            {
              id: "warnings",
              header: t("fecImport.history.warnings"),
              className: styles.num,
              cell: (item) => item.warningCount.toLocaleString(locale),
            },
            {
              id: "notices",
              header: t("importNotice.list.column"),
              cell: (item) =>
                item.status === "imported" ? <ImportNoticesButton dossierId={dossierId} importId={item.id} /> : null,
            },
            {
              id: "checksum",
              header: t("fecImport.history.checksum"),
              cell: (item) =>
                item.sha256 ? (
                  <span className={styles.checksum}>
                    <span title={item.sha256}>{shortChecksum(item.sha256)}</span>
                    <Tooltip content={t("fecImport.history.copy", { fileName: item.fileName })} relationship="label">
                      <Button
                        appearance="subtle"
                        size="small"
                        icon={<CopyRegular />}
                        onClick={() => void copy(item.sha256 ?? "")}
                      />
                    </Tooltip>
                  </span>
                ) : (
                  t("fecImport.history.noChecksum")
                ),
            },
          ]}
        />
      )}
      <span className={hidden.root} role="status">
        {copied}
      </span>
    </section>
  );
}
