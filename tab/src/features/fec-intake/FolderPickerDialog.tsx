import { useState } from "react";
import {
  Body1,
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  tokens,
  useId,
} from "@fluentui/react-components";
import { ArrowUpRegular, FolderRegular } from "@fluentui/react-icons";
import type { IntakeFolderInput } from "@comptoir/shared/api/fec-intake";
import { ApiErrorBar } from "../../components/ApiErrorBar";
import { useLayoutStyles } from "../../components/layout-styles";
import { LoadingRows } from "../../components/LoadingRows";
import { useT } from "../../i18n/context";
import { useDriveFolders } from "./useFecIntake";

const useStyles = makeStyles({
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
  },
});

interface FolderPickerDialogProps {
  open: boolean;
  /** The save of the chosen folder: under way, or its error (e.g. the folder feeds another dossier). */
  saving: boolean;
  saveError: unknown;
  onChoose: (folder: IntakeFolderInput & { name: string }) => void;
  onCancel: () => void;
}

/**
 * Browses the firm's document library folder by folder (keyboard: Tab through the subfolders, Enter opens
 * one), then "Choisir ce dossier" keeps the open one.
 */
export function FolderPickerDialog({ open, saving, saveError, onChoose, onCancel }: FolderPickerDialogProps) {
  const styles = useStyles();
  const layout = useLayoutStyles();
  const t = useT();
  const listId = useId("subfolders");
  const [at, setAt] = useState<{ driveId?: string; folderId?: string }>({});
  const folders = useDriveFolders(at, open);
  const shown = folders.data;

  return (
    <Dialog open={open} onOpenChange={(_, data) => !data.open && onCancel()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{t("intake.picker.title")}</DialogTitle>
          <DialogContent className={layout.stackM}>
            {folders.error ? <ApiErrorBar error={folders.error} onRetry={() => void folders.refetch()} /> : null}
            {saveError ? <ApiErrorBar error={saveError} /> : null}
            {!shown ? (
              <LoadingRows rows={3} />
            ) : (
              <>
                <Body1 as="p" aria-live="polite">
                  {t("intake.picker.current", { folder: shown.folder.name })}
                </Body1>
                {shown.parentId ? (
                  <Button
                    icon={<ArrowUpRegular />}
                    onClick={() => setAt({ driveId: shown.driveId, folderId: shown.parentId ?? undefined })}
                  >
                    {t("intake.picker.up")}
                  </Button>
                ) : null}
                <Body1 as="h3" id={listId}>
                  {t("intake.picker.subfolders")}
                </Body1>
                {shown.folders.length === 0 ? (
                  <Body1 as="p">{t("intake.picker.empty")}</Body1>
                ) : (
                  <ul className={styles.list} aria-labelledby={listId}>
                    {shown.folders.map((f) => (
                      <li key={f.id}>
                        <Button
                          appearance="subtle"
                          icon={<FolderRegular />}
                          aria-label={t("intake.picker.open", { folder: f.name })}
                          onClick={() => setAt({ driveId: shown.driveId, folderId: f.id })}
                        >
                          {f.name}
                        </Button>
                      </li>
                    ))}
                  </ul>
                )}
              </>
            )}
          </DialogContent>
          <DialogActions>
            <Button onClick={onCancel}>{t("intake.picker.cancel")}</Button>
            <Button
              appearance="primary"
              disabled={!shown || shown.parentId === null || saving}
              onClick={() =>
                shown && onChoose({ driveId: shown.driveId, folderId: shown.folder.id, name: shown.folder.name })
              }
            >
              {t("intake.picker.select")}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
