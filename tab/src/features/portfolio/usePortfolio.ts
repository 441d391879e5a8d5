import { keepPreviousData, useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { dossierPageSchema } from "@comptoir/shared/api/back-office";
import { apiFetch } from "../../api/client";
import { queryKeys } from "../query-keys";
import { dossierListSearch, FIRST_PAGE_SIZE, NEXT_PAGE_SIZE, type PortfolioQuery } from "./portfolio-query";

/** `GET /dossiers`, page after page (keyset cursors), for the Portefeuille grid. */
export function usePortfolio(query: PortfolioQuery) {
  return useInfiniteQuery({
    queryKey: [...queryKeys.dossierLists, "portfolio", query],
    queryFn: async ({ pageParam, signal }) => {
      const limit = pageParam ? NEXT_PAGE_SIZE : FIRST_PAGE_SIZE;
      const search = dossierListSearch(query, pageParam, limit);
      return (await apiFetch(`/api/v1/dossiers?${search}`, { schema: dossierPageSchema, signal })).data;
    },
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.cursor,
    // A new search keeps the current rows on screen until its first page arrives.
    placeholderData: keepPreviousData,
    // Pages are immutable once read: comparing all 10,000 rows again at each new page would stall scrolling.
    structuralSharing: false,
  });
}

/** `GET /dossiers?q=`: the first matches (by code, SIREN or name), for pickers. */
export function useDossierSearch(q: string) {
  const query: PortfolioQuery = { q, sort: "code", dir: "asc", offer: "all" };
  return useQuery({
    queryKey: [...queryKeys.dossierLists, "search", q],
    queryFn: async ({ signal }) =>
      (await apiFetch(`/api/v1/dossiers?${dossierListSearch(query, null, 20)}`, { schema: dossierPageSchema, signal }))
        .data,
    placeholderData: keepPreviousData,
  });
}
