import { useState, type FormEvent } from "react";
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  Textarea,
} from "@fluentui/react-components";
import { ApiErrorBar } from "../../components/ApiErrorBar";
import { fieldError, fieldErrorsOf } from "../../components/field-errors";
import { useLayoutStyles } from "../../components/layout-styles";
import { useT } from "../../i18n/context";
import { useCreateRole, useUpdateRole, useRoles, type RoleRow } from "./useRoles";

interface RoleDialogProps {
  /** `null` to create a role. */
  role: RoleRow | null;
  onClose: () => void;
  onSaved: (label: string) => void;
}

/** Libellé and description of a role; *Ok* creates it or saves the changes. */
export function RoleDialog({ role, onClose, onSaved }: RoleDialogProps) {
  const layout = useLayoutStyles();
  const t = useT();
  const roles = useRoles();
  const create = useCreateRole();
  const update = useUpdateRole();
  const [label, setLabel] = useState(role?.label ?? "");
  const [description, setDescription] = useState(role?.description ?? "");
  const [missingLabel, setMissingLabel] = useState(false);
  const mutation = role ? update : create;
  const errors = fieldErrorsOf(mutation.error);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!label.trim()) {
      setMissingLabel(true);
      return;
    }
    const input = { label, description: description.trim() ? description : null };
    if (role) {
      // The freshest version of the role, in case a reload happened after a conflict.
      const current = roles.data?.find((r) => r.id === role.id) ?? role;
      update.mutate({ role: current, patch: input }, { onSuccess: (r) => onSaved(r.data.label) });
    } else {
      create.mutate(input, { onSuccess: (r) => onSaved(r.data.label) });
    }
  }

  return (
    <Dialog open onOpenChange={(_, data) => !data.open && onClose()}>
      <DialogSurface>
        <form onSubmit={submit} noValidate>
          <DialogBody>
            <DialogTitle>{t(role ? "staff.roles.editTitle" : "staff.roles.newTitle")}</DialogTitle>
            <DialogContent className={layout.stackM}>
              <Field
                label={t("staff.roles.label")}
                required
                validationMessage={
                  missingLabel && !label.trim() ? t("validation.required") : fieldError(errors, "label")
                }
              >
                <Input value={label} maxLength={80} onChange={(_, data) => setLabel(data.value)} />
              </Field>
              <Field label={t("staff.roles.description")} validationMessage={fieldError(errors, "description")}>
                <Textarea
                  value={description}
                  maxLength={500}
                  resize="vertical"
                  onChange={(_, data) => setDescription(data.value)}
                />
              </Field>
              <ApiErrorBar
                error={mutation.error}
                onReload={() => {
                  mutation.reset();
                  void roles.refetch();
                }}
              />
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" type="submit" disabled={mutation.isPending}>
                {t("staff.action.ok")}
              </Button>
              <Button onClick={onClose}>{t("staff.action.cancel")}</Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
