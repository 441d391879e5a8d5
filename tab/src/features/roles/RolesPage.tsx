import { useState } from "react";
import { Body1, Button, makeStyles, Title1, tokens } from "@fluentui/react-components";
import { AddRegular, DeleteRegular, EditRegular, PersonBoardRegular } from "@fluentui/react-icons";
import { useDocumentTitle } from "../../components/useDocumentTitle";
import { ApiErrorBar } from "../../components/ApiErrorBar";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { DataTable } from "../../components/DataTable";
import { EmptyState } from "../../components/EmptyState";
import { useLayoutStyles } from "../../components/layout-styles";
import { LoadingRows } from "../../components/LoadingRows";
import { SuccessBar } from "../../components/SuccessBar";
import { useT } from "../../i18n/context";
import { RoleDialog } from "./RoleDialog";
import { useDeleteRole, useRoles, type RoleRow } from "./useRoles";

const useStyles = makeStyles({
  intro: { margin: 0, maxWidth: "48rem", color: tokens.colorNeutralForeground2 },
  actions: { display: "flex", gap: tokens.spacingHorizontalXS },
  usage: { width: "10rem" },
  actionsCol: { width: "14rem" },
});

type Editing = { kind: "new" } | { kind: "edit"; role: RoleRow };

/** Rôles organisationnels: list, add, edit, delete (refused while interlocuteurs hold the role). */
export default function RolesPage() {
  const styles = useStyles();
  const layout = useLayoutStyles();
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
    <div className={layout.stackL}>
      <Title1 as="h1" className={layout.flush}>
        {title}
      </Title1>
      <Body1 as="p" className={styles.intro}>
        {t("staff.roles.intro")}
      </Body1>
      <div className={layout.buttons}>
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
        <DataTable
          label={title}
          rows={items}
          rowKey={(role) => role.id}
          columns={[
            { id: "label", header: t("staff.roles.label"), cell: (role) => role.label },
            {
              id: "description",
              header: t("staff.roles.description"),
              cell: (role) => role.description ?? <span className={layout.subtle}>{t("staff.notSet")}</span>,
            },
            { id: "usage", header: t("staff.roles.usage"), className: styles.usage, cell: (role) => role.usage },
            {
              id: "actions",
              header: t("staff.roles.actions"),
              className: styles.actionsCol,
              cell: (role) => (
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
              ),
            },
          ]}
        />
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
