import {
  Badge,
  Body1,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Subtitle2,
  useId,
} from "@fluentui/react-components";
import { fecIssueMessageKey } from "@comptoir/shared/accounting/fec/issues";
import { translatePlural } from "@comptoir/shared/i18n/translate";
import { DataTable } from "../../components/DataTable";
import { formatDay } from "../../components/format";
import { useLayoutStyles } from "../../components/layout-styles";
import { useLocale, useT } from "../../i18n/context";
import { sortIssues } from "./report-order";
import type { UploadOutcome } from "./upload";

const useStyles = makeStyles({
  table: { maxWidth: "64rem" },
  line: { width: "6rem", fontVariantNumeric: "tabular-nums" },
  severity: { width: "11rem" },
  scroll: { maxHeight: "28rem", overflowY: "auto" },
});

/** What the server found in the file: a summary, then each anomaly with its line and its message. */
export function ValidationReport({ outcome }: { outcome: UploadOutcome }) {
  const styles = useStyles();
  const layout = useLayoutStyles();
  const t = useT();
  const { locale } = useLocale();
  const titleId = useId("report-title");
  const { report, import: record } = outcome;
  const issues = sortIssues(report.issues);
  const caption = t("fecImport.report.caption", { fileName: record.fileName });

  return (
    <section className={layout.stackM} aria-labelledby={titleId}>
      <Subtitle2 as="h3" id={titleId} className={layout.flush}>
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
        <DataTable
          label={caption}
          size="small"
          className={styles.table}
          scrollClassName={styles.scroll}
          rows={issues}
          rowKey={(issue, i) => `${issue.line}-${issue.code}-${i}`}
          columns={[
            {
              id: "line",
              header: t("fecImport.report.line"),
              className: styles.line,
              cell: (issue) => (issue.line === 0 ? t("accounting.fec.fileLevel") : issue.line.toLocaleString(locale)),
            },
            {
              id: "severity",
              header: t("fecImport.report.severity"),
              className: styles.severity,
              cell: (issue) => (
                <Badge appearance="tint" color={issue.severity === "error" ? "danger" : "warning"} shape="rounded">
                  {t(issue.severity === "error" ? "fecImport.severity.error" : "fecImport.severity.warning")}
                </Badge>
              ),
            },
            {
              id: "message",
              header: t("fecImport.report.message"),
              cell: (issue) => t(fecIssueMessageKey(issue.code), issue.params),
            },
          ]}
        />
      )}
      {report.omittedIssues > 0 && (
        <Body1 as="p" className={layout.muted}>
          {t("accounting.fec.omittedIssues", { count: report.omittedIssues.toLocaleString(locale) })}
        </Body1>
      )}
    </section>
  );
}
