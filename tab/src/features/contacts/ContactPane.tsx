import { useEffect, useRef } from "react";
import { Subtitle1, Tab, TabList, useId } from "@fluentui/react-components";
import { PeopleRegular } from "@fluentui/react-icons";
import { ApiErrorBar } from "../../components/ApiErrorBar";
import { EmptyState } from "../../components/EmptyState";
import { useLayoutStyles } from "../../components/layout-styles";
import { LoadingRows } from "../../components/LoadingRows";
import { useT } from "../../i18n/context";
import { useRoles } from "../roles/useRoles";
import { ContactDossiersTab } from "./ContactDossiersTab";
import { ContactGeneralForm } from "./ContactGeneralForm";
import { ImportNoticeSwitch } from "../import-notices/ImportNoticeSwitch";
import type { ContactEditor } from "./useContactEditor";

/** The side pane: the selected (or new) contact's *Général* and *Dossiers client* tabs. */
export function ContactPane({ editor }: { editor: ContactEditor }) {
  const layout = useLayoutStyles();
  const t = useT();
  const titleId = useId("pane-title");
  const firstField = useRef<HTMLInputElement>(null);
  const roles = useRoles();
  const { mode, selectedId, editing, paneTab, detail, title, draft, stored, save } = editor;

  useEffect(() => {
    if (editing) firstField.current?.focus();
  }, [editing, selectedId]);

  return (
    <section
      className={layout.panel}
      aria-labelledby={title ? titleId : undefined}
      aria-label={title ? undefined : t("staff.contact.pane")}
    >
      {mode !== "new" && !selectedId ? (
        <EmptyState
          icon={<PeopleRegular />}
          title={t("staff.contact.pick.title")}
          body={t("staff.contact.pick.body")}
        />
      ) : mode !== "new" && detail.isPending ? (
        <LoadingRows rows={6} />
      ) : mode !== "new" && (detail.isError || !detail.data) ? (
        <ApiErrorBar error={detail.error} onRetry={editor.reload} />
      ) : (
        <>
          <Subtitle1 as="h2" id={titleId} className={layout.flush}>
            {title}
          </Subtitle1>
          <TabList
            selectedValue={paneTab}
            onTabSelect={(_, data) => editor.setPaneTab(data.value === "dossiers" ? "dossiers" : "general")}
            aria-label={t("staff.contact.tabsLabel")}
          >
            <Tab value="general" id="contact-tab-general">
              {t("staff.contact.tab.general")}
            </Tab>
            <Tab value="dossiers" id="contact-tab-dossiers" disabled={mode === "new"}>
              {t("staff.contact.tab.dossiers")}
            </Tab>
          </TabList>
          <div role="tabpanel" aria-labelledby={`contact-tab-${paneTab}`}>
            {paneTab === "general" || mode === "new" ? (
              <>
                <ApiErrorBar error={save.error} onReload={editor.reloadAfterConflict} />
                {roles.isError && <ApiErrorBar error={roles.error} onRetry={() => void roles.refetch()} />}
                {draft.values && stored && (
                  <ContactGeneralForm
                    values={draft.values}
                    stored={stored}
                    conflicts={draft.conflicts}
                    readOnly={!editing}
                    errors={editor.errors}
                    roles={roles.data}
                    pending={save.isPending}
                    firstFieldRef={firstField}
                    onChange={(field, value) => draft.set(field, value)}
                    onSubmit={editor.submit}
                    onCancel={editor.cancelEdit}
                  />
                )}
                {mode !== "new" && selectedId && <ImportNoticeSwitch contactId={selectedId} />}
              </>
            ) : (
              detail.data && <ContactDossiersTab detail={detail.data.data} onReload={editor.reload} />
            )}
          </div>
        </>
      )}
    </section>
  );
}
