import { useState } from "react";

/** A 0-based page that falls back to the first one whenever `filters` (any serialisable value) change. */
export function usePage(filters: unknown): [number, (page: number) => void] {
  const key = JSON.stringify(filters);
  const [state, setState] = useState({ key, page: 0 });
  const page = state.key === key ? state.page : 0;
  return [page, (next) => setState({ key, page: next })];
}
