import { useState } from "react";
import { makeStyles, Title1, tokens } from "@fluentui/react-components";
import { useDocumentTitle } from "../../components/useDocumentTitle";
import { ApiErrorBar } from "../../components/ApiErrorBar";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { useKeySelection } from "../../components/key-selection";
import { useLayoutStyles } from "../../components/layout-styles";
import { SuccessBar } from "../../components/SuccessBar";
import { UnsavedChangesGuard } from "../../components/UnsavedChangesGuard";
import { useT } from "../../i18n/context";
import { CampaignsPanel } from "../campaigns/CampaignsPanel";
import { StartCampaignDialog } from "../campaigns/StartCampaignDialog";
import { ContactPane } from "./ContactPane";
import { ContactsList } from "./ContactsList";
import { ContactsToolbar } from "./ContactsToolbar";
import { useContactEditor } from "./useContactEditor";

const useStyles = makeStyles({
  workspace: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 3fr) minmax(20rem, 2fr)",
    gap: tokens.spacingHorizontalXL,
    alignItems: "start",
    "@media (max-width: 1100px)": { gridTemplateColumns: "1fr" },
  },
});

/** Interlocuteurs: the grid and its toolbar, with the selected contact's *Général* and *Dossiers client* tabs. */
export default function ContactsPage() {
  const styles = useStyles();
  const layout = useLayoutStyles();
  const t = useT();
  const title = t("shell.nav.contacts");
  useDocumentTitle(title);
  const editor = useContactEditor();
  const selection = useKeySelection();
  const [proposing, setProposing] = useState(false);
  const [started, setStarted] = useState<string | null>(null);

  return (
    <div className={layout.stackL}>
      <Title1 as="h1" className={layout.flush}>
        {title}
      </Title1>
      <ContactsToolbar
        editor={editor}
        bulk={{ count: selection.keys.size, onPropose: () => setProposing(true), onClear: selection.clear }}
      />
      <SuccessBar message={started} />
      <CampaignsPanel />
      <ApiErrorBar error={editor.remove.error} onReload={editor.reload} />
      <SuccessBar message={editor.done} />

      <div className={styles.workspace}>
        <ContactsList
          selectedId={editor.mode === "new" ? null : editor.selectedId}
          onOpen={editor.select}
          selection={selection}
        />
        <ContactPane editor={editor} />
      </div>

      <ConfirmDialog
        open={editor.discard.asking}
        title={t("staff.unsaved.title")}
        confirmLabel={t("staff.unsaved.discard")}
        onConfirm={editor.discard.confirm}
        onCancel={editor.discard.cancel}
      >
        {t("staff.unsaved.body")}
      </ConfirmDialog>
      <ConfirmDialog
        open={editor.confirmingDelete}
        title={t("staff.contact.confirmDelete.title")}
        confirmLabel={t("staff.action.delete")}
        onConfirm={editor.deleteSelected}
        onCancel={editor.cancelDelete}
      >
        {t("staff.contact.confirmDelete.body", { name: editor.title })}
      </ConfirmDialog>
      <UnsavedChangesGuard when={editor.dirty} />
      {proposing && (
        <StartCampaignDialog
          kind="contacts"
          ids={[...selection.keys]}
          onClose={() => setProposing(false)}
          onStarted={(campaign, service) => {
            setProposing(false);
            selection.clear();
            setStarted(t("staff.campaign.started", { total: campaign.total, service }));
          }}
        />
      )}
    </div>
  );
}
