import { useState } from "react";
import {
  Badge,
  Body1,
  Button,
  makeStyles,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
  Tooltip,
  useId,
  type BadgeProps,
} from "@fluentui/react-components";
import { CopyRegular } from "@fluentui/react-icons";
import type { FecImport } from "@comptoir/shared/api/accounting";
import type { MessageKey } from "@comptoir/shared/i18n/fr";
import { ApiErrorBar } from "../../components/ApiErrorBar";
import { formatDateTime, formatDay } from "../../components/format";
import { LoadingRows } from "../../components/LoadingRows";
import { useLocale, useT } from "../../i18n/context";
import { useVisuallyHidden } from "../accounting/visually-hidden";
import { shortChecksum } from "./file-size";
import { useFecImports } from "./useFecImports";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  flush: { margin: 0 },
  muted: { margin: 0, color: tokens.colorNeutralForeground2 },
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
    <section className={styles.root} aria-labelledby={titleId}>
      <Subtitle2 as="h3" id={titleId} className={styles.flush}>
        {t("fecImport.history.title")}
      </Subtitle2>
      {imports.isPending ? (
        <LoadingRows rows={3} />
      ) : imports.isError ? (
        <ApiErrorBar error={imports.error} onRetry={() => void imports.refetch()} />
      ) : imports.data.items.length === 0 ? (
        <Body1 as="p" className={styles.muted}>
          {t("fecImport.history.empty")}
        </Body1>
      ) : (
        <div className={styles.scroll} role="region" aria-labelledby={titleId} tabIndex={0}>
          <Table size="small" className={styles.table} aria-labelledby={titleId}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t("fecImport.history.when")}</TableHeaderCell>
                <TableHeaderCell scope="col">{t("fecImport.history.who")}</TableHeaderCell>
                <TableHeaderCell scope="col">{t("fecImport.history.file")}</TableHeaderCell>
                <TableHeaderCell scope="col">{t("fecImport.history.exercice")}</TableHeaderCell>
                <TableHeaderCell scope="col">{t("fecImport.history.status")}</TableHeaderCell>
                <TableHeaderCell scope="col" className={styles.num}>
                  {t("fecImport.history.lines")}
                </TableHeaderCell>
                <TableHeaderCell scope="col" className={styles.num}>
                  {t("fecImport.history.warnings")}
                </TableHeaderCell>
                <TableHeaderCell scope="col">{t("fecImport.history.checksum")}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {imports.data.items.map((item) => {
                const status = statusOf(item);
                return (
                  <TableRow key={item.id}>
                    <TableCell>
                      <time dateTime={item.startedAt}>{formatDateTime(locale, item.startedAt)}</time>
                    </TableCell>
                    <TableCell>{item.by.name}</TableCell>
                    <TableCell className={styles.file}>{item.fileName}</TableCell>
                    <TableCell>
                      {t("fecImport.history.exerciceRange", {
                        start: formatDay(locale, item.exercice.start),
                        end: formatDay(locale, item.exercice.end),
                      })}
                    </TableCell>
                    <TableCell>
                      <Badge appearance="tint" color={status.color} shape="rounded" className={styles.nowrap}>
                        {t(status.key)}
                      </Badge>
                    </TableCell>
                    <TableCell className={styles.num}>{item.lineCount.toLocaleString(locale)}</TableCell>
                    <TableCell className={styles.num}>{item.warningCount.toLocaleString(locale)}</TableCell>
                    <TableCell>
                      {item.sha256 ? (
                        <span className={styles.checksum}>
                          <span title={item.sha256}>{shortChecksum(item.sha256)}</span>
                          <Tooltip
                            content={t("fecImport.history.copy", { fileName: item.fileName })}
                            relationship="label"
                          >
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
                      )}
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </div>
      )}
      <span className={hidden.root} role="status">
        {copied}
      </span>
    </section>
  );
}
