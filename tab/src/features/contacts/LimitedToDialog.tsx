import { useState } from "react";
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
} from "@fluentui/react-components";
import { ApiErrorBar } from "../../components/ApiErrorBar";
import { fieldError, fieldErrorsOf } from "../../components/field-errors";
import { useLayoutStyles } from "../../components/layout-styles";
import { LimitedToField, type LimitedToDraft } from "../../components/LimitedToField";
import { LoadingRows } from "../../components/LoadingRows";
import { useT } from "../../i18n/context";
import { useDossier } from "../dossier/useDossier";
import type { DossierRow } from "./ContactDossiersTab";
import { useUpdateLink } from "./useContacts";

interface LimitedToDialogProps {
  contactId: string;
  row: DossierRow;
  onClose: () => void;
  onReload: () => void;
  onSaved: () => void;
}

/** Narrows (or widens back to "-") the établissements the contact sees on one dossier. */
export function LimitedToDialog({ contactId, row, onClose, onReload, onSaved }: LimitedToDialogProps) {
  const layout = useLayoutStyles();
  const t = useT();
  const dossier = useDossier(row.dossier.id);
  const update = useUpdateLink(contactId);
  const [value, setValue] = useState<LimitedToDraft>(row.link.limitedTo);
  const empty = Array.isArray(value) && value.length === 0;
  const errors = fieldErrorsOf(update.error);

  function submit() {
    if (empty) return;
    update.mutate({ dossierId: row.dossier.id, limitedTo: value, etag: row.linkEtag }, { onSuccess: onSaved });
  }

  return (
    <Dialog open onOpenChange={(_, data) => !data.open && onClose()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>
            {t("staff.limitedTo.dialogTitle", { code: row.dossier.code, name: row.dossier.name })}
          </DialogTitle>
          <DialogContent className={layout.stackM}>
            {dossier.isPending ? (
              <LoadingRows rows={3} />
            ) : dossier.isError ? (
              <ApiErrorBar error={dossier.error} onRetry={() => void dossier.refetch()} />
            ) : (
              <LimitedToField
                etablissements={dossier.data.data.dossier.etablissements}
                value={value}
                onChange={setValue}
                error={empty ? t("validation.limitedToEmpty") : fieldError(errors, "limitedTo")}
              />
            )}
            <ApiErrorBar
              error={update.error}
              onReload={() => {
                update.reset();
                onReload();
              }}
            />
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={submit} disabled={empty || update.isPending || !dossier.isSuccess}>
              {t("staff.action.ok")}
            </Button>
            <Button onClick={onClose}>{t("staff.action.cancel")}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
