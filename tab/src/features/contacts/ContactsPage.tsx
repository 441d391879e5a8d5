import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import {
  Field,
  makeStyles,
  SearchBox,
  Subtitle1,
  Tab,
  TabList,
  Title1,
  Toolbar,
  ToolbarButton,
  tokens,
  useId,
} from "@fluentui/react-components";
import { AddRegular, DeleteRegular, EditRegular, PeopleRegular, SaveRegular } from "@fluentui/react-icons";
import type { ContactSummary } from "@comptoir/shared/api/back-office";
import { useDocumentTitle } from "../../app/useDocumentTitle";
import { ApiErrorBar } from "../../components/ApiErrorBar";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { fieldErrorsOf } from "../../components/field-errors";
import { EmptyState } from "../../components/EmptyState";
import { formatPhone } from "../../components/format";
import { LoadingRows } from "../../components/LoadingRows";
import { SuccessBar } from "../../components/SuccessBar";
import { UnsavedChangesGuard } from "../../components/UnsavedChangesGuard";
import { useDraft } from "../../components/useDraft";
import { VirtualGrid, type GridColumn } from "../../components/VirtualGrid";
import { useT } from "../../i18n/context";
import { useRoles } from "../roles/useRoles";
import { ContactDossiersTab } from "./ContactDossiersTab";
import { ContactGeneralForm } from "./ContactGeneralForm";
import {
  contactCreateBody,
  contactFormValues,
  contactPatch,
  EMPTY_CONTACT_FORM,
  missingContactFields,
  type ContactFormValues,
} from "./contact-form";
import { useContact, useContactList, useCreateContact, useDeleteContact, useUpdateContact } from "./useContacts";

const SEARCH_DELAY_MS = 300;

type Mode = "view" | "edit" | "new";
type PaneTab = "general" | "dossiers";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
  flush: { margin: 0 },
  toolbar: {
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    paddingBottom: tokens.spacingVerticalXS,
  },
  workspace: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 3fr) minmax(20rem, 2fr)",
    gap: tokens.spacingHorizontalXL,
    alignItems: "start",
    "@media (max-width: 1100px)": { gridTemplateColumns: "1fr" },
  },
  list: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, minWidth: 0 },
  pane: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
    borderRadius: tokens.borderRadiusLarge,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
});

/** Interlocuteurs: the grid and its toolbar, with the selected contact's *Général* and *Dossiers client* tabs. */
export default function ContactsPage() {
  const styles = useStyles();
  const t = useT();
  const title = t("shell.nav.contacts");
  useDocumentTitle(title);
  const paneTitleId = useId("pane-title");
  const firstField = useRef<HTMLInputElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const [search, setSearch] = useState("");
  const [q, setQ] = useState("");
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [mode, setMode] = useState<Mode>("view");
  const [paneTab, setPaneTab] = useState<PaneTab>("general");
  const [missing, setMissing] = useState<string[]>([]);
  const [pending, setPending] = useState<(() => void) | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [done, setDone] = useState<string | null>(null);

  const list = useContactList(q);
  const roles = useRoles();
  const detail = useContact(mode === "new" ? null : selectedId);
  const create = useCreateContact();
  const update = useUpdateContact();
  const remove = useDeleteContact();
  const save = mode === "new" ? create : update;

  const stored: ContactFormValues | null =
    mode === "new" ? EMPTY_CONTACT_FORM : detail.data ? contactFormValues(detail.data.data.contact) : null;
  const draft = useDraft<ContactFormValues>(mode === "new" ? "new" : (selectedId ?? ""), stored);
  const editing = mode !== "view";
  const dirty = editing && draft.dirty;

  useEffect(() => () => clearTimeout(timer.current), []);
  useEffect(() => {
    if (editing) firstField.current?.focus();
  }, [editing, selectedId]);

  const items = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);
  const total = list.data?.pages[0]?.total ?? 0;
  const { fetchNextPage } = list;
  const loadMore = useCallback(() => void fetchNextPage(), [fetchNextPage]);

  /** Runs `action` at once, or after the person agreed to drop their unsaved changes. */
  function guard(action: () => void) {
    if (dirty) setPending(() => action);
    else action();
  }

  function clearMessages() {
    setDone(null);
    setMissing([]);
    create.reset();
    update.reset();
    remove.reset();
  }

  function select(contact: ContactSummary) {
    if (contact.id === selectedId && mode !== "new") return;
    guard(() => {
      clearMessages();
      draft.reset();
      setSelectedId(contact.id);
      setMode("view");
    });
  }

  function startNew() {
    guard(() => {
      clearMessages();
      draft.reset();
      setMode("new");
      setPaneTab("general");
    });
  }

  function startEdit() {
    clearMessages();
    setMode("edit");
    setPaneTab("general");
  }

  function cancelEdit() {
    clearMessages();
    draft.reset();
    setMode("view");
  }

  function submit() {
    const values = draft.values;
    if (!values || !stored) return;
    const absent = missingContactFields(values);
    setMissing(absent);
    setDone(null);
    if (absent.length > 0) return;
    if (mode === "new") {
      create.mutate(contactCreateBody(values), {
        onSuccess: (result) => {
          draft.reset();
          setSelectedId(result.data.id);
          setMode("view");
          const { prenom, nom } = result.data;
          setDone(t("staff.contact.created", { name: t("staff.contact.fullName", { prenom, nom }) }));
        },
      });
    } else if (selectedId && detail.data) {
      update.mutate(
        { id: selectedId, patch: contactPatch(stored, values), etag: detail.data.etag },
        {
          onSuccess: () => {
            draft.reset();
            setMode("view");
            setDone(t("staff.contact.saved"));
          },
        },
      );
    }
  }

  function deleteSelected() {
    setConfirmDelete(false);
    if (!selectedId || !detail.data) return;
    const { prenom, nom } = detail.data.data.contact;
    const name = t("staff.contact.fullName", { prenom, nom });
    remove.mutate(
      { id: selectedId, etag: detail.data.etag },
      {
        onSuccess: () => {
          draft.reset();
          setSelectedId(null);
          setMode("view");
          setDone(t("staff.contact.deleted", { name }));
        },
      },
    );
  }

  const errors: Record<string, string> = { ...fieldErrorsOf(save.error) };
  for (const field of missing) {
    if (draft.values && draft.values[field as keyof ContactFormValues].trim() === "")
      errors[field] = t("validation.required");
  }

  const columns = useMemo(
    (): GridColumn<ContactSummary>[] => [
      { id: "nom", header: t("staff.contact.nom"), width: "minmax(6rem, 1fr)", cell: (c) => c.nom },
      { id: "prenom", header: t("staff.contact.prenom"), width: "minmax(6rem, 1fr)", cell: (c) => c.prenom },
      { id: "phone", header: t("staff.contact.phone"), width: "8.5rem", cell: (c) => formatPhone(c.phone) },
      { id: "mobile", header: t("staff.contact.mobile"), width: "8.5rem", cell: (c) => formatPhone(c.mobile) },
      { id: "email", header: t("staff.contact.email"), width: "minmax(10rem, 1.5fr)", cell: (c) => c.email },
    ],
    [t],
  );

  const contact = detail.data?.data.contact;
  const paneTitle =
    mode === "new"
      ? t("staff.contact.newTitle")
      : contact
        ? t("staff.contact.fullName", { prenom: contact.prenom, nom: contact.nom })
        : "";

  return (
    <div className={styles.root}>
      <Title1 as="h1" className={styles.flush}>
        {title}
      </Title1>
      <Toolbar aria-label={t("staff.contacts.toolbar")} className={styles.toolbar}>
        <ToolbarButton appearance="primary" icon={<AddRegular />} onClick={startNew}>
          {t("staff.action.add")}
        </ToolbarButton>
        <ToolbarButton icon={<EditRegular />} disabled={!selectedId || mode !== "view" || !contact} onClick={startEdit}>
          {t("staff.action.edit")}
        </ToolbarButton>
        <ToolbarButton
          icon={<DeleteRegular />}
          disabled={!selectedId || mode === "new" || !contact || remove.isPending}
          onClick={() => {
            clearMessages();
            setConfirmDelete(true);
          }}
        >
          {t("staff.action.delete")}
        </ToolbarButton>
        <ToolbarButton icon={<SaveRegular />} disabled={!dirty || save.isPending} onClick={submit}>
          {t("staff.action.saveAll")}
        </ToolbarButton>
      </Toolbar>
      <ApiErrorBar error={remove.error} onReload={() => void detail.refetch()} />
      <SuccessBar message={done} />

      <div className={styles.workspace}>
        <div className={styles.list}>
          <Field label={t("staff.contacts.search")}>
            <SearchBox
              dismiss={{ "aria-label": t("staff.action.clearSearch") }}
              value={search}
              placeholder={t("staff.contacts.searchPlaceholder")}
              onChange={(_, data) => {
                setSearch(data.value);
                clearTimeout(timer.current);
                timer.current = setTimeout(() => setQ(data.value), SEARCH_DELAY_MS);
              }}
            />
          </Field>
          {list.isPending ? (
            <LoadingRows rows={8} />
          ) : list.isError && !list.data ? (
            <ApiErrorBar error={list.error} onRetry={() => void list.refetch()} />
          ) : total === 0 ? (
            <EmptyState
              icon={<PeopleRegular />}
              title={t(q.trim() ? "staff.contacts.noMatch.title" : "shell.contacts.empty.title")}
              body={t(q.trim() ? "staff.contacts.noMatch.body" : "staff.contacts.empty.body")}
            />
          ) : (
            <VirtualGrid
              label={t("staff.contacts.gridLabel")}
              columns={columns}
              items={items}
              total={total}
              rowKey={(c) => c.id}
              hasMore={list.hasNextPage && !list.isFetchNextPageError}
              loadingMore={list.isFetchingNextPage}
              onLoadMore={loadMore}
              onOpen={select}
              scrollResetKey={q}
              selectedKey={mode === "new" ? null : selectedId}
              height="max(18rem, calc(100vh - 22rem))"
            />
          )}
        </div>

        <section
          className={styles.pane}
          aria-labelledby={paneTitle ? paneTitleId : undefined}
          aria-label={paneTitle ? undefined : t("staff.contact.pane")}
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
            <ApiErrorBar error={detail.error} onRetry={() => void detail.refetch()} />
          ) : (
            <>
              <Subtitle1 as="h2" id={paneTitleId} className={styles.flush}>
                {paneTitle}
              </Subtitle1>
              <TabList
                selectedValue={paneTab}
                onTabSelect={(_, data) => setPaneTab(data.value === "dossiers" ? "dossiers" : "general")}
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
                    <ApiErrorBar
                      error={save.error}
                      onReload={() => {
                        update.reset();
                        void detail.refetch();
                      }}
                    />
                    {roles.isError && <ApiErrorBar error={roles.error} onRetry={() => void roles.refetch()} />}
                    {draft.values && stored && (
                      <ContactGeneralForm
                        values={draft.values}
                        stored={stored}
                        conflicts={draft.conflicts}
                        readOnly={!editing}
                        errors={errors}
                        roles={roles.data}
                        pending={save.isPending}
                        firstFieldRef={firstField}
                        onChange={(field, value) => draft.set(field, value)}
                        onSubmit={submit}
                        onCancel={cancelEdit}
                      />
                    )}
                  </>
                ) : (
                  detail.data && <ContactDossiersTab detail={detail.data.data} onReload={() => void detail.refetch()} />
                )}
              </div>
            </>
          )}
        </section>
      </div>

      <ConfirmDialog
        open={pending !== null}
        title={t("staff.unsaved.title")}
        confirmLabel={t("staff.unsaved.discard")}
        onConfirm={() => {
          const action = pending;
          setPending(null);
          action?.();
        }}
        onCancel={() => setPending(null)}
      >
        {t("staff.unsaved.body")}
      </ConfirmDialog>
      <ConfirmDialog
        open={confirmDelete}
        title={t("staff.contact.confirmDelete.title")}
        confirmLabel={t("staff.action.delete")}
        onConfirm={deleteSelected}
        onCancel={() => setConfirmDelete(false)}
      >
        {t("staff.contact.confirmDelete.body", { name: paneTitle })}
      </ConfirmDialog>
      <UnsavedChangesGuard when={dirty} />
    </div>
  );
}
