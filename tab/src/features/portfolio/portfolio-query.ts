import { DOSSIER_SORTS } from "@comptoir/shared/api/back-office";

export type DossierSort = (typeof DOSSIER_SORTS)[number];
export type SortDir = "asc" | "desc";
export type OfferFilter = "all" | "on" | "off";

/** What the Portefeuille shows; kept in the URL so coming back from a dossier finds the same list. */
export interface PortfolioQuery {
  q: string;
  sort: DossierSort;
  dir: SortDir;
  offer: OfferFilter;
}

export const DEFAULT_PORTFOLIO_QUERY: PortfolioQuery = { q: "", sort: "code", dir: "asc", offer: "all" };

/** The first page is small so the first rows show fast; the next ones are the largest the API allows. */
export const FIRST_PAGE_SIZE = 100;
export const NEXT_PAGE_SIZE = 200;

function oneOf<T extends string>(value: string | null, allowed: readonly T[], fallback: T): T {
  return allowed.find((a) => a === value) ?? fallback;
}

export function offerFilterOf(value: string | null): OfferFilter {
  return oneOf(value, ["all", "on", "off"], DEFAULT_PORTFOLIO_QUERY.offer);
}

export function readPortfolioQuery(params: URLSearchParams): PortfolioQuery {
  return {
    q: (params.get("q") ?? "").slice(0, 100),
    sort: oneOf(params.get("sort"), DOSSIER_SORTS, DEFAULT_PORTFOLIO_QUERY.sort),
    dir: oneOf(params.get("dir"), ["asc", "desc"], DEFAULT_PORTFOLIO_QUERY.dir),
    offer: offerFilterOf(params.get("offer")),
  };
}

/** Only what differs from the defaults, so a plain `#/portefeuille` is the default list. */
export function writePortfolioQuery(query: PortfolioQuery): URLSearchParams {
  const params = new URLSearchParams();
  if (query.q.trim()) params.set("q", query.q);
  if (query.sort !== DEFAULT_PORTFOLIO_QUERY.sort) params.set("sort", query.sort);
  if (query.dir !== DEFAULT_PORTFOLIO_QUERY.dir) params.set("dir", query.dir);
  if (query.offer !== DEFAULT_PORTFOLIO_QUERY.offer) params.set("offer", query.offer);
  return params;
}

/** The URL once the search box's text settles: the rest of the query (sort, filter) stays as it is. */
export function withPortfolioText(params: URLSearchParams, q: string): URLSearchParams {
  return writePortfolioQuery({ ...readPortfolioQuery(params), q });
}

/** The query string of `GET /dossiers` for one page. */
export function dossierListSearch(query: PortfolioQuery, cursor: string | null, limit: number): string {
  const params = new URLSearchParams({ sort: query.sort, dir: query.dir, offer: query.offer, limit: String(limit) });
  const q = query.q.trim();
  if (q) params.set("q", q);
  if (cursor) params.set("cursor", cursor);
  return params.toString();
}

/** A click on a column header: the same column flips its direction, another one sorts ascending. */
export function toggleSort(query: PortfolioQuery, sort: DossierSort): PortfolioQuery {
  if (query.sort === sort) return { ...query, dir: query.dir === "asc" ? "desc" : "asc" };
  return { ...query, sort, dir: "asc" };
}
