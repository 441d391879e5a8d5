import { useCallback, useMemo, useState } from "react";
import { useDebounced } from "../../components/useDebounced";
import { useContactList } from "./useContacts";

const SEARCH_DELAY_MS = 300;

/** The Interlocuteurs grid: the search box's text, the search it settles into, and the pages loaded so far. */
export function useContactsGrid() {
  const [search, setSearch] = useState("");
  const q = useDebounced(search, SEARCH_DELAY_MS);
  const list = useContactList(q);
  const items = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);
  const total = list.data?.pages[0]?.total ?? 0;
  const { fetchNextPage } = list;
  const loadMore = useCallback(() => void fetchNextPage(), [fetchNextPage]);
  return { search, setSearch, q, list, items, total, loadMore };
}
