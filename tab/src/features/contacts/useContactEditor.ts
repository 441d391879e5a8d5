import { useState } from "react";
import type { ContactSummary } from "@comptoir/shared/api/back-office";
import { fieldErrorsOf } from "../../components/field-errors";
import { useDiscardGuard } from "../../components/useDiscardGuard";
import { useDraft } from "../../components/useDraft";
import { useT } from "../../i18n/context";
import {
  contactCreateBody,
  contactFieldErrors,
  contactFormValues,
  contactPatch,
  EMPTY_CONTACT_FORM,
  missingContactFields,
  type ContactFormValues,
} from "./contact-form";
import { useContact, useCreateContact, useDeleteContact, useUpdateContact } from "./useContacts";

type Mode = "view" | "edit" | "new";
export type PaneTab = "general" | "dossiers";

/**
 * What the Interlocuteurs page works on: the selected contact (or a new one), viewed or edited, the
 * person's draft over the stored record, and the create, save and delete calls with what they report.
 */
export function useContactEditor() {
  const t = useT();
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [mode, setMode] = useState<Mode>("view");
  const [paneTab, setPaneTab] = useState<PaneTab>("general");
  const [missing, setMissing] = useState<(keyof ContactFormValues)[]>([]);
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const [done, setDone] = useState<string | null>(null);

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
  const discard = useDiscardGuard(dirty);
  const errors = contactFieldErrors(fieldErrorsOf(save.error), missing, draft.values, t("validation.required"));

  const contact = detail.data?.data.contact;
  const title =
    mode === "new"
      ? t("staff.contact.newTitle")
      : contact
        ? t("staff.contact.fullName", { prenom: contact.prenom, nom: contact.nom })
        : "";

  function clearMessages() {
    setDone(null);
    setMissing([]);
    create.reset();
    update.reset();
    remove.reset();
  }

  function select(summary: ContactSummary) {
    if (summary.id === selectedId && mode !== "new") return;
    discard.guard(() => {
      clearMessages();
      draft.reset();
      setSelectedId(summary.id);
      setMode("view");
    });
  }

  function startNew() {
    discard.guard(() => {
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

  function askDelete() {
    clearMessages();
    setConfirmingDelete(true);
  }

  function deleteSelected() {
    setConfirmingDelete(false);
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

  /** After a conflict: the stored record and its ETag again, the person's typing kept on top. */
  function reloadAfterConflict() {
    update.reset();
    void detail.refetch();
  }

  return {
    selectedId,
    mode,
    editing,
    dirty,
    paneTab,
    setPaneTab,
    detail,
    title,
    stored,
    draft,
    errors,
    save,
    remove,
    done,
    discard,
    confirmingDelete,
    canEdit: Boolean(selectedId) && mode === "view" && contact !== undefined,
    canDelete: Boolean(selectedId) && mode !== "new" && contact !== undefined && !remove.isPending,
    canSave: dirty && !save.isPending,
    select,
    startNew,
    startEdit,
    cancelEdit,
    submit,
    askDelete,
    deleteSelected,
    cancelDelete: () => setConfirmingDelete(false),
    /** A message for the success bar (an RGPD export downloaded, an erasure done). */
    announce: (message: string) => setDone(message),
    /** The selected contact is gone (RGPD erasure): the pane closes. */
    forgetSelected: () => {
      draft.reset();
      setSelectedId(null);
      setMode("view");
    },
    reload: () => void detail.refetch(),
    reloadAfterConflict,
  };
}

export type ContactEditor = ReturnType<typeof useContactEditor>;
