import { useState } from "react";
import {
  Body1,
  Button,
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Title1,
  tokens,
} from "@fluentui/react-components";
import { AddRegular, DeleteRegular, EditRegular, PersonBoardRegular } from "@fluentui/react-icons";
import { useDocumentTitle } from "../../app/useDocumentTitle";
import { ApiErrorBar } from "../../components/ApiErrorBar";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { EmptyState } from "../../components/EmptyState";
import { LoadingRows } from "../../components/LoadingRows";
import { SuccessBar } from "../../components/SuccessBar";
import { useT } from "../../i18n/context";
import { RoleDialog } from "./RoleDialog";
import { useDeleteRole, useRoles, type RoleRow } from "./useRoles";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
  flush: { margin: 0 },
  intro: { margin: 0, maxWidth: "48rem", color: tokens.colorNeutralForeground2 },
  toolbar: { display: "flex", gap: tokens.spacingHorizontalS },
  actions: { display: "flex", gap: tokens.spacingHorizontalXS },
  muted: { color: tokens.colorNeutralForeground3 },
  usage: { width: "10rem" },
  actionsCol: { width: "14rem" },
});

type Editing = { kind: "new" } | { kind: "edit"; role: RoleRow };

/** Rôles organisationnels: list, add, edit, delete (refused while interlocuteurs hold the role). */
export default function RolesPage() {
  const styles = useStyles();
  const t = useT();
  const title = t("shell.nav.roles");
  useDocumentTitle(title);
  const roles = useRoles();
  const remove = useDeleteRole();
  const [editing, setEditing] = useState<Editing | null>(null);
  const [deleting, setDeleting] = useState<RoleRow | null>(null);
  const [done, setDone] = useState<string | null>(null);

  function startEditing(next: Editing) {
    remove.reset();
    setDone(null);
    setEditing(next);
  }

  function confirmDelete() {
    const role = deleting;
    if (!role) return;
    setDeleting(null);
    setDone(null);
    remove.mutate(role, { onSuccess: () => setDone(t("staff.roles.deleted", { label: role.label })) });
  }

  const items = roles.data ?? [];
  return (
    <div className={styles.root}>
      <Title1 as="h1" className={styles.flush}>
        {title}
      </Title1>
      <Body1 as="p" className={styles.intro}>
        {t("staff.roles.intro")}
      </Body1>
      <div className={styles.toolbar}>
        <Button appearance="primary" icon={<AddRegular />} onClick={() => startEditing({ kind: "new" })}>
          {t("staff.action.add")}
        </Button>
      </div>
      <ApiErrorBar error={remove.error} onReload={() => void roles.refetch()} />
      <SuccessBar message={done} />
      {roles.isPending ? (
        <LoadingRows rows={4} />
      ) : roles.isError ? (
        <ApiErrorBar error={roles.error} onRetry={() => void roles.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState
          icon={<PersonBoardRegular />}
          title={t("shell.roles.empty.title")}
          body={t("staff.roles.empty.body")}
          action={
            <Button appearance="primary" icon={<AddRegular />} onClick={() => startEditing({ kind: "new" })}>
              {t("staff.roles.addFirst")}
            </Button>
          }
        />
      ) : (
        <Table aria-label={title}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t("staff.roles.label")}</TableHeaderCell>
              <TableHeaderCell>{t("staff.roles.description")}</TableHeaderCell>
              <TableHeaderCell className={styles.usage}>{t("staff.roles.usage")}</TableHeaderCell>
              <TableHeaderCell className={styles.actionsCol}>{t("staff.roles.actions")}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {items.map((role) => (
              <TableRow key={role.id}>
                <TableCell>{role.label}</TableCell>
                <TableCell>{role.description ?? <span className={styles.muted}>{t("staff.notSet")}</span>}</TableCell>
                <TableCell>{role.usage}</TableCell>
                <TableCell>
                  <div className={styles.actions}>
                    <Button
                      size="small"
                      icon={<EditRegular />}
                      aria-label={t("staff.roles.editNamed", { label: role.label })}
                      onClick={() => startEditing({ kind: "edit", role })}
                    >
                      {t("staff.action.edit")}
                    </Button>
                    <Button
                      size="small"
                      icon={<DeleteRegular />}
                      aria-label={t("staff.roles.deleteNamed", { label: role.label })}
                      onClick={() => {
                        remove.reset();
                        setDone(null);
                        setDeleting(role);
                      }}
                    >
                      {t("staff.action.delete")}
                    </Button>
                  </div>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {editing && (
        <RoleDialog
          role={editing.kind === "edit" ? editing.role : null}
          onClose={() => setEditing(null)}
          onSaved={(label) => {
            setEditing(null);
            setDone(t(editing.kind === "edit" ? "staff.roles.updated" : "staff.roles.created", { label }));
          }}
        />
      )}
      <ConfirmDialog
        open={deleting !== null}
        title={t("staff.roles.confirmDelete.title")}
        confirmLabel={t("staff.action.delete")}
        onConfirm={confirmDelete}
        onCancel={() => setDeleting(null)}
      >
        {t("staff.roles.confirmDelete.body", { label: deleting?.label ?? "" })}
      </ConfirmDialog>
    </div>
  );
}
