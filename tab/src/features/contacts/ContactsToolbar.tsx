import { makeStyles, Toolbar, ToolbarButton, ToolbarDivider, tokens } from "@fluentui/react-components";
import { AddRegular, DeleteRegular, EditRegular, SaveRegular } from "@fluentui/react-icons";
import { useT } from "../../i18n/context";
import { RgpdMenu } from "./RgpdMenu";
import { BulkProposeTools } from "../campaigns/BulkProposeTools";
import type { ContactEditor } from "./useContactEditor";

const useStyles = makeStyles({
  toolbar: {
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    paddingBottom: tokens.spacingVerticalXS,
  },
});

interface ContactsToolbarProps {
  editor: ContactEditor;
  /** How many contacts are chosen for *Proposer un service…*, and what it and *Effacer la sélection* do. */
  bulk: { count: number; onPropose: () => void; onClear: () => void };
}

/** *Ajouter*, *Modifier*, *Supprimer* and *Sauvegarder* over the grid and its pane, then the bulk proposal. */
export function ContactsToolbar({ editor, bulk }: ContactsToolbarProps) {
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
      <ToolbarDivider />
      <BulkProposeTools kind="contacts" {...bulk} />
    </Toolbar>
  );
}
