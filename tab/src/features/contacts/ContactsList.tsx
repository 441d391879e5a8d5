import { useMemo } from "react";
import { Field, mergeClasses, SearchBox } from "@fluentui/react-components";
import { PeopleRegular } from "@fluentui/react-icons";
import type { ContactSummary } from "@comptoir/shared/api/back-office";
import { ApiErrorBar } from "../../components/ApiErrorBar";
import { EmptyState } from "../../components/EmptyState";
import { formatPhone } from "../../components/format";
import { useLayoutStyles } from "../../components/layout-styles";
import { LoadingRows } from "../../components/LoadingRows";
import type { KeySelection } from "../../components/key-selection";
import { selectionColumn } from "../../components/selection-column";
import { VirtualGrid, type GridColumn } from "../../components/VirtualGrid";
import { useT } from "../../i18n/context";
import { useContactsGrid } from "./useContactsGrid";

interface ContactsListProps {
  /** The contact shown in the pane, highlighted in the grid. */
  selectedId: string | null;
  onOpen: (contact: ContactSummary) => void;
  /** The contacts chosen for a bulk proposal (checkboxes, Space). */
  selection: KeySelection;
}

/** The search box and the grid of interlocuteurs; opening a row shows it in the pane. */
export function ContactsList({ selectedId, onOpen, selection }: ContactsListProps) {
  const layout = useLayoutStyles();
  const t = useT();
  const { search, setSearch, q, list, items, total, loadMore } = useContactsGrid();

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
  const select = useMemo(
    () =>
      selectionColumn({
        selection,
        loaded: items,
        rowKey: (c: ContactSummary) => c.id,
        allLabel: t("staff.selection.allContacts"),
        rowLabel: (c) => t("staff.selection.contact", { name: `${c.prenom} ${c.nom}`.trim() }),
      }),
    [selection, items, t],
  );
  const gridColumns = useMemo(() => [select.column, ...columns], [select.column, columns]);

  return (
    <div className={mergeClasses(layout.stackM, layout.shrink)}>
      <Field label={t("staff.contacts.search")}>
        <SearchBox
          dismiss={{ "aria-label": t("staff.action.clearSearch") }}
          value={search}
          placeholder={t("staff.contacts.searchPlaceholder")}
          onChange={(_, data) => setSearch(data.value)}
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
          columns={gridColumns}
          items={items}
          total={total}
          rowKey={(c) => c.id}
          hasMore={list.hasNextPage && !list.isFetchNextPageError}
          loadingMore={list.isFetchingNextPage}
          onLoadMore={loadMore}
          onOpen={onOpen}
          scrollResetKey={q}
          selectedKey={selectedId}
          selection={select.grid}
          height="max(18rem, calc(100vh - 22rem))"
        />
      )}
    </div>
  );
}
