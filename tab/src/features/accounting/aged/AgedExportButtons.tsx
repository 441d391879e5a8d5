import { useState } from "react";
import { Button, makeStyles, Spinner, tokens } from "@fluentui/react-components";
import { ArrowDownloadRegular } from "@fluentui/react-icons";
import { ApiErrorBar } from "../../../components/ApiErrorBar";
import { useLocale, useT } from "../../../i18n/context";
import type { AccountingAudience } from "../audience";
import { safeFilePart } from "../export-name";
import { useVisuallyHidden } from "../visually-hidden";
import { downloadAgedExport } from "./download-aged";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, alignItems: "flex-end" },
  buttons: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap", alignItems: "center" },
});

interface AgedExportButtonsProps {
  audience: AccountingAudience;
  /** The balance âgée's query, with `party` and `partyKind` for one third party's lines. */
  params: Record<string, string | number | undefined>;
  dossierCode: string;
  /** Names the button group (the whole table, or one third party). */
  label: string;
}

/** *Exporter en CSV* / *Exporter en XLSX* of the balance âgée, or of one third party's open lines. */
export function AgedExportButtons({ audience, params, dossierCode, label }: AgedExportButtonsProps) {
  const styles = useStyles();
  const hidden = useVisuallyHidden();
  const t = useT();
  const { locale } = useLocale();
  const [pending, setPending] = useState<"csv" | "xlsx" | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState("");

  const run = async (format: "csv" | "xlsx") => {
    setPending(format);
    setError(null);
    setDone("");
    try {
      const fallback = `${safeFilePart(dossierCode) || "dossier"}_balance-agee.${format}`;
      const name = await downloadAgedExport(audience, format, params, fallback, locale);
      setDone(t("accountingUi.export.done", { fileName: name }));
    } catch (e) {
      setError(e);
    } finally {
      setPending(null);
    }
  };

  return (
    <div className={styles.root}>
      <div className={styles.buttons} role="group" aria-label={label}>
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
