import { useState } from "react";
import { Button, makeStyles, Spinner, tokens } from "@fluentui/react-components";
import { ArrowDownloadRegular } from "@fluentui/react-icons";
import type { AccountingExportFormat } from "@comptoir/shared/api/accounting";
import { ApiErrorBar } from "../../components/ApiErrorBar";
import { useLocale, useT } from "../../i18n/context";
import type { AccountingAudience } from "./audience";
import { downloadExport } from "./download";
import { exportFileName, type ExportView } from "./export-name";
import { useVisuallyHidden } from "./visually-hidden";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, alignItems: "flex-end" },
  buttons: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap", alignItems: "center" },
});

interface ExportButtonsProps {
  audience: AccountingAudience;
  view: ExportView;
  /** The view's query without paging. */
  params: Record<string, string | number | undefined>;
  dossierCode: string;
  /** Months exported (yyyymm; none for the balance âgée, at a date) and the account or journal filter, for the file name. */
  from?: number;
  to?: number;
  filter?: string;
  /** Names the button group when the view has several (e.g. one third party's lines); default *Exporter*. */
  label?: string;
}

/** *Exporter en CSV* / *Exporter en XLSX*: the same query as the view, downloaded with the token. */
export function ExportButtons({ audience, view, params, dossierCode, from, to, filter, label }: ExportButtonsProps) {
  const styles = useStyles();
  const hidden = useVisuallyHidden();
  const t = useT();
  const { locale } = useLocale();
  const [pending, setPending] = useState<AccountingExportFormat | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState("");

  const run = async (format: AccountingExportFormat) => {
    setPending(format);
    setError(null);
    setDone("");
    try {
      const fallback = exportFileName({ dossierCode, view, format, from, to, filter });
      const name = await downloadExport(audience, view, format, params, fallback, locale);
      setDone(t("accountingUi.export.done", { fileName: name }));
    } catch (e) {
      setError(e);
    } finally {
      setPending(null);
    }
  };

  return (
    <div className={styles.root}>
      <div className={styles.buttons} role="group" aria-label={label ?? t("accountingUi.export.group")}>
        {(["csv", "xlsx"] as const).map((format) => (
          <Button
            key={format}
            icon={pending === format ? <Spinner size="tiny" /> : <ArrowDownloadRegular />}
            disabled={pending !== null}
            onClick={() => void run(format)}
          >
            {t(format === "csv" ? "accountingUi.export.csv" : "accountingUi.export.xlsx")}
          </Button>
        ))}
      </div>
      <span className={hidden.root} role="status">
        {pending ? t("accountingUi.export.pending") : done}
      </span>
      <ApiErrorBar error={error} />
    </div>
  );
}
