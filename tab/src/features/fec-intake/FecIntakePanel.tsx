import { useState } from "react";
import { Badge, Body1, Button, Subtitle1, Subtitle2, useId } from "@fluentui/react-components";
import type { IntakeFile } from "@comptoir/shared/api/fec-intake";
import { ApiErrorBar } from "../../components/ApiErrorBar";
import { DataTable } from "../../components/DataTable";
import { formatDateTime } from "../../components/format";
import { useLayoutStyles } from "../../components/layout-styles";
import { LoadingRows } from "../../components/LoadingRows";
import { SuccessBar } from "../../components/SuccessBar";
import { useLocale, useT } from "../../i18n/context";
import { FolderPickerDialog } from "./FolderPickerDialog";
import { useIntakeStatus, useSetIntakeFolder } from "./useFecIntake";

/** Message keys and badge colours per outcome, written out whole so that the catalogue test finds each key. */
const STATUS = {
  importing: { key: "intake.status.importing", color: "informative" },
  imported: { key: "intake.status.imported", color: "success" },
  rejected: { key: "intake.status.rejected", color: "danger" },
  aborted: { key: "intake.status.aborted", color: "warning" },
} as const;

/** The dossier's drop folder (issue 20): which folder is watched, the files found there, and the picker. */
export function FecIntakePanel({ dossierId }: { dossierId: string }) {
  const layout = useLayoutStyles();
  const t = useT();
  const { locale } = useLocale();
  const titleId = useId("intake-title");
  const filesId = useId("intake-files");
  const status = useIntakeStatus(dossierId);
  const save = useSetIntakeFolder(dossierId);
  const [picking, setPicking] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const folder = status.data?.folder ?? null;

  return (
    <section className={layout.stackM} aria-labelledby={titleId}>
      <Subtitle1 as="h2" id={titleId} className={layout.flush}>
        {t("intake.title")}
      </Subtitle1>
      <Body1 as="p" className={layout.muted}>
        {t("intake.help")}
      </Body1>
      <SuccessBar message={done} />
      {status.error ? <ApiErrorBar error={status.error} onRetry={() => void status.refetch()} /> : null}
      {status.isPending ? (
        <LoadingRows rows={2} />
      ) : folder ? (
        <>
          <Body1 as="p">
            {t("intake.watching", { folder: folder.folderName })}{" "}
            {t("intake.watchingSince", {
              name: folder.configuredBy.name,
              date: formatDateTime(locale, folder.configuredAt),
            })}
          </Body1>
          <div className={layout.buttons}>
            <Button onClick={() => setPicking(true)}>{t("intake.change")}</Button>
            <Button
              disabled={save.isPending}
              onClick={() =>
                save.mutate(null, {
                  onSuccess: () => setDone(t("intake.stopped")),
                })
              }
            >
              {t("intake.stop")}
            </Button>
          </div>
          <Subtitle2 as="h3" id={filesId}>
            {t("intake.files")}
          </Subtitle2>
          <DataTable<IntakeFile>
            labelledBy={filesId}
            rows={status.data?.files ?? []}
            rowKey={(f) => f.sha256}
            empty={t("intake.files.empty")}
            columns={[
              { id: "file", header: t("intake.col.file"), cell: (f) => f.fileName },
              {
                id: "status",
                header: t("intake.col.status"),
                cell: (f) => (
                  <Badge appearance="tint" color={STATUS[f.status].color}>
                    {t(STATUS[f.status].key)}
                  </Badge>
                ),
              },
              { id: "seen", header: t("intake.col.seen"), cell: (f) => formatDateTime(locale, f.seenAt) },
            ]}
          />
        </>
      ) : (
        <>
          <Body1 as="p">{t("intake.none")}</Body1>
          <div className={layout.buttons}>
            <Button appearance="primary" onClick={() => setPicking(true)}>
              {t("intake.choose")}
            </Button>
          </div>
        </>
      )}
      <FolderPickerDialog
        open={picking}
        saving={save.isPending}
        saveError={save.error}
        onCancel={() => {
          save.reset();
          setPicking(false);
        }}
        onChoose={({ name, ...chosen }) =>
          save.mutate(chosen, {
            onSuccess: () => {
              setPicking(false);
              setDone(t("intake.saved", { folder: name }));
            },
          })
        }
      />
    </section>
  );
}
