import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
} from "@fluentui/react-components";
import type { ReactNode } from "react";
import { useT } from "../i18n/context";

interface ConfirmDialogProps {
  open: boolean;
  /** Texts are already localized. */
  title: string;
  children: ReactNode;
  confirmLabel: string;
  /** When *Annuler* would be ambiguous (e.g. the action itself cancels something). */
  cancelLabel?: string;
  onConfirm: () => void;
  onCancel: () => void;
  pending?: boolean;
}

/** Asked before anything destructive (delete, revoke, unlink, deactivate, leave with unsaved changes). */
export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  cancelLabel,
  onConfirm,
  onCancel,
  pending,
}: ConfirmDialogProps) {
  const t = useT();
  return (
    <Dialog modalType="alert" open={open} onOpenChange={(_, data) => !data.open && onCancel()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{title}</DialogTitle>
          <DialogContent>{children}</DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={onConfirm} disabled={pending}>
              {confirmLabel}
            </Button>
            <Button onClick={onCancel}>{cancelLabel ?? t("staff.action.cancel")}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
