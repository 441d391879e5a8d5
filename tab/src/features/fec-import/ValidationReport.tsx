import {
  Badge,
  Body1,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
  useId,
} from "@fluentui/react-components";
import { fecIssueMessageKey } from "@comptoir/shared/accounting/fec/issues";
import { translatePlural } from "@comptoir/shared/i18n/translate";
import { formatDay } from "../../components/format";
import { useLocale, useT } from "../../i18n/context";
import { sortIssues } from "./report-order";
import type { UploadOutcome } from "./upload";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  flush: { margin: 0 },
  table: { maxWidth: "64rem" },
  line: { width: "6rem", fontVariantNumeric: "tabular-nums" },
  severity: { width: "11rem" },
  muted: { margin: 0, color: tokens.colorNeutralForeground2 },
  scroll: { maxHeight: "28rem", overflowY: "auto" },
});

/** What the server found in the file: a summary, then each anomaly with its line and its message. */
export function ValidationReport({ outcome }: { outcome: UploadOutcome }) {
  const styles = useStyles();
  const t = useT();
  const { locale } = useLocale();
  const titleId = useId("report-title");
  const { report, import: record } = outcome;
  const issues = sortIssues(report.issues);
  const caption = t("fecImport.report.caption", { fileName: record.fileName });

  return (
    <section className={styles.root} aria-labelledby={titleId}>
      <Subtitle2 as="h3" id={titleId} className={styles.flush}>
        {t("fecImport.report.title")}
      </Subtitle2>
      {outcome.accepted ? (
        <MessageBar intent={report.warningCount > 0 ? "warning" : "success"} layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t("fecImport.report.imported")}</MessageBarTitle>
            {t("fecImport.report.importedBody", {
              lines: report.entryLineCount.toLocaleString(locale),
              ecritures: report.ecritureCount.toLocaleString(locale),
              start: formatDay(locale, record.exercice.start),
              end: formatDay(locale, record.exercice.end),
            })}
            {report.warningCount > 0 && ` ${translatePlural(locale, "fecImport.report.warnings", report.warningCount)}`}
          </MessageBarBody>
        </MessageBar>
      ) : (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t("fecImport.report.rejected")}</MessageBarTitle>
            {translatePlural(locale, "fecImport.report.rejectedBody", report.errorCount)}
            {report.warningCount > 0 && ` ${translatePlural(locale, "fecImport.report.warnings", report.warningCount)}`}
          </MessageBarBody>
        </MessageBar>
      )}
      {issues.length > 0 && (
        <div className={styles.scroll} role="region" aria-label={caption} tabIndex={0}>
          <Table className={styles.table} size="small" aria-label={caption}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell className={styles.line} scope="col">
                  {t("fecImport.report.line")}
                </TableHeaderCell>
                <TableHeaderCell className={styles.severity} scope="col">
                  {t("fecImport.report.severity")}
                </TableHeaderCell>
                <TableHeaderCell scope="col">{t("fecImport.report.message")}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {issues.map((issue, i) => (
                <TableRow key={`${issue.line}-${issue.code}-${i}`}>
                  <TableCell className={styles.line}>
                    {issue.line === 0 ? t("accounting.fec.fileLevel") : issue.line.toLocaleString(locale)}
                  </TableCell>
                  <TableCell>
                    <Badge appearance="tint" color={issue.severity === "error" ? "danger" : "warning"} shape="rounded">
                      {t(issue.severity === "error" ? "fecImport.severity.error" : "fecImport.severity.warning")}
                    </Badge>
                  </TableCell>
                  <TableCell>{t(fecIssueMessageKey(issue.code), issue.params)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      {report.omittedIssues > 0 && (
        <Body1 as="p" className={styles.muted}>
          {t("accounting.fec.omittedIssues", { count: report.omittedIssues.toLocaleString(locale) })}
        </Body1>
      )}
    </section>
  );
}
