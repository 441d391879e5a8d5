import { makeStyles, Toolbar, ToolbarButton, tokens } from "@fluentui/react-components";
import { AddRegular, DeleteRegular, EditRegular, SaveRegular } from "@fluentui/react-icons";
import { useT } from "../../i18n/context";
import { RgpdMenu } from "./RgpdMenu";
import type { ContactEditor } from "./useContactEditor";

const useStyles = makeStyles({
  toolbar: {
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    paddingBottom: tokens.spacingVerticalXS,
  },
});

/** *Ajouter*, *Modifier*, *Supprimer* and *Sauvegarder* over the grid and its pane. */
export function ContactsToolbar({ editor }: { editor: ContactEditor }) {
  const styles = useStyles();
  const t = useT();
  return (
    <Toolbar aria-label={t("staff.contacts.toolbar")} className={styles.toolbar}>
      <ToolbarButton appearance="primary" icon={<AddRegular />} onClick={editor.startNew}>
        {t("staff.action.add")}
      </ToolbarButton>
      <ToolbarButton icon={<EditRegular />} disabled={!editor.canEdit} onClick={editor.startEdit}>
        {t("staff.action.edit")}
      </ToolbarButton>
      <ToolbarButton icon={<DeleteRegular />} disabled={!editor.canDelete} onClick={editor.askDelete}>
        {t("staff.action.delete")}
      </ToolbarButton>
      <ToolbarButton icon={<SaveRegular />} disabled={!editor.canSave} onClick={editor.submit}>
        {t("staff.action.saveAll")}
      </ToolbarButton>
      <RgpdMenu
        contactId={editor.mode === "new" ? null : editor.selectedId}
        name={editor.title}
        onDone={editor.announce}
        onErased={editor.forgetSelected}
      />
    </Toolbar>
  );
}
