import { useRef, useState } from "react";
import {
  Body1,
  Button,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Subtitle1,
  tokens,
  useId,
} from "@fluentui/react-components";
import { ArrowUploadRegular, DismissRegular } from "@fluentui/react-icons";
import { FEC_DEFAULT_MAX_BYTES, type AccountingExercice } from "@comptoir/shared/api/accounting";
import type { Dossier } from "@comptoir/shared/domain/dossier";
import { ApiErrorBar } from "../../components/ApiErrorBar";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { formatDateTime, formatDay } from "../../components/format";
import { useLayoutStyles } from "../../components/layout-styles";
import { useLocale, useT } from "../../i18n/context";
import { useVisuallyHidden } from "../accounting/visually-hidden";
import { DropZone } from "./DropZone";
import { isPlausibleExercice, lastClosedExercice, parisToday, type ExerciceDates } from "./exercice";
import { formatFileSize } from "./file-size";
import { ImportHistory } from "./ImportHistory";
import { fecUploadPath, uploadWithProgress, type UploadOutcome, type UploadProgress } from "./upload";
import { useRefreshAccounting } from "./useFecImports";
import { ValidationReport } from "./ValidationReport";

const useStyles = makeStyles({
  muted: { margin: 0, color: tokens.colorNeutralForeground2, maxWidth: "60rem" },
  dates: {
    display: "flex",
    flexWrap: "wrap",
    gap: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    margin: 0,
    padding: 0,
    border: "none",
  },
  legend: { padding: 0, marginBottom: tokens.spacingVerticalS, fontWeight: tokens.fontWeightSemibold },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center", flexWrap: "wrap" },
  progress: { maxWidth: "40rem" },
});

type Phase =
  | { kind: "idle" }
  | { kind: "uploading"; progress: UploadProgress }
  | { kind: "validating" }
  | { kind: "done"; outcome: UploadOutcome }
  | { kind: "failed"; error: unknown }
  | { kind: "cancelled" };

interface FecImportPanelProps {
  dossier: Dossier;
  /** The exercices already imported (to ask before replacing one) and the server's size limit. */
  exercices: readonly AccountingExercice[];
  maxBytes?: number;
  /** An import went through: the views switch to its exercice (its closing date). */
  onImported: (exerciceId: string) => void;
}

function percent(progress: UploadProgress, size: number): number {
  const total = progress.total || size;
  return total > 0 ? Math.min(100, Math.round((progress.loaded / total) * 100)) : 0;
}

/** Staff: choose the exercice, drop the FEC, follow the upload, read the validation report and the history. */
export function FecImportPanel({
  dossier,
  exercices,
  maxBytes = FEC_DEFAULT_MAX_BYTES,
  onImported,
}: FecImportPanelProps) {
  const styles = useStyles();
  const layout = useLayoutStyles();
  const hidden = useVisuallyHidden();
  const t = useT();
  const { locale } = useLocale();
  const titleId = useId("fec-import-title");
  const refresh = useRefreshAccounting(dossier.id);
  const [dates, setDates] = useState<ExerciceDates>(() => lastClosedExercice(dossier.fiscalYearEnd, parisToday()));
  const [file, setFile] = useState<File | null>(null);
  const [phase, setPhase] = useState<Phase>({ kind: "idle" });
  const [confirming, setConfirming] = useState(false);
  const abort = useRef<AbortController | null>(null);

  const busy = phase.kind === "uploading" || phase.kind === "validating";
  const datesOk = isPlausibleExercice(dates);
  const tooLarge = file !== null && file.size > maxBytes;
  const existing = exercices.find((e) => e.id === dates.end);

  const start = async () => {
    if (!file) return;
    setConfirming(false);
    const controller = new AbortController();
    abort.current = controller;
    setPhase({ kind: "uploading", progress: { loaded: 0, total: file.size } });
    try {
      const outcome = await uploadWithProgress(fecUploadPath(dossier.id, dates, file.name), file, {
        locale,
        signal: controller.signal,
        onProgress: (progress) => setPhase({ kind: "uploading", progress }),
        onSent: () => setPhase({ kind: "validating" }),
      });
      setPhase({ kind: "done", outcome });
      await refresh();
      if (outcome.accepted) {
        setFile(null);
        onImported(outcome.import.exercice.end);
      }
    } catch (error) {
      if (error instanceof DOMException && error.name === "AbortError") setPhase({ kind: "cancelled" });
      else {
        setPhase({ kind: "failed", error });
        void refresh();
      }
    } finally {
      abort.current = null;
    }
  };

  const submit = () => {
    if (!file || !datesOk || tooLarge) return;
    if (existing) setConfirming(true);
    else void start();
  };

  // Phases only: a percentage read out every second would drown everything else.
  const announcement =
    phase.kind === "uploading"
      ? t("fecImport.progress")
      : phase.kind === "validating"
        ? t("fecImport.validating")
        : phase.kind === "done"
          ? t(phase.outcome.accepted ? "fecImport.report.imported" : "fecImport.report.rejected")
          : phase.kind === "cancelled"
            ? t("fecImport.cancelled")
            : "";

  return (
    <section className={layout.stackL} aria-labelledby={titleId}>
      <Subtitle1 as="h2" id={titleId} className={layout.flush}>
        {t("fecImport.title")}
      </Subtitle1>
      <Body1 as="p" className={styles.muted}>
        {t("fecImport.intro")}
      </Body1>

      <fieldset className={styles.dates} disabled={busy}>
        <legend className={styles.legend}>{t("fecImport.exercice")}</legend>
        <Field label={t("fecImport.start")} validationMessage={datesOk ? undefined : t("fecImport.invalidExercice")}>
          <Input
            type="date"
            value={dates.start}
            onChange={(_, data) => setDates((d) => ({ ...d, start: data.value }))}
          />
        </Field>
        <Field label={t("fecImport.end")}>
          <Input type="date" value={dates.end} onChange={(_, data) => setDates((d) => ({ ...d, end: data.value }))} />
        </Field>
      </fieldset>

      <DropZone
        file={file}
        onFile={(next) => {
          setFile(next);
          if (!busy) setPhase({ kind: "idle" });
        }}
        disabled={busy}
        hint={t("fecImport.drop.hint", {
          pattern: `${dossier.siren ?? t("fecImport.drop.siren")}FEC${dates.end.replace(/-/g, "")}.txt`,
          max: formatFileSize(locale, maxBytes),
        })}
      />
      {tooLarge && file && (
        <MessageBar intent="error">
          <MessageBarBody>
            {t("fecImport.tooLarge", {
              size: formatFileSize(locale, file.size),
              max: formatFileSize(locale, maxBytes),
            })}
          </MessageBarBody>
        </MessageBar>
      )}

      <div className={styles.actions}>
        <Button
          appearance="primary"
          icon={<ArrowUploadRegular />}
          disabled={!file || !datesOk || tooLarge || busy}
          onClick={submit}
        >
          {t("fecImport.action.import")}
        </Button>
        {busy && (
          <Button icon={<DismissRegular />} onClick={() => abort.current?.abort()}>
            {t("fecImport.action.cancel")}
          </Button>
        )}
      </div>

      {phase.kind === "uploading" && file && (
        <Field
          className={styles.progress}
          label={t("fecImport.progress")}
          hint={t("fecImport.uploading", { percent: percent(phase.progress, file.size) })}
        >
          <ProgressBar value={percent(phase.progress, file.size)} max={100} thickness="large" />
        </Field>
      )}
      {phase.kind === "validating" && (
        <Field className={styles.progress} label={t("fecImport.validating")}>
          <ProgressBar thickness="large" />
        </Field>
      )}
      <span className={hidden.root} role="status" aria-live="polite">
        {announcement}
      </span>

      {phase.kind === "failed" && <ApiErrorBar error={phase.error} />}
      {phase.kind === "cancelled" && (
        <Body1 as="p" className={styles.muted}>
          {t("fecImport.cancelled")}
        </Body1>
      )}
      {phase.kind === "done" && <ValidationReport outcome={phase.outcome} />}

      <ImportHistory dossierId={dossier.id} />

      <ConfirmDialog
        open={confirming}
        title={t("fecImport.replace.title")}
        confirmLabel={t("fecImport.replace.confirm")}
        onConfirm={() => void start()}
        onCancel={() => setConfirming(false)}
      >
        {existing &&
          t("fecImport.replace.body", {
            end: formatDay(locale, existing.end),
            date: formatDateTime(locale, existing.importedAt),
            fileName: existing.fileName ?? "",
          })}
      </ConfirmDialog>
    </section>
  );
}
