import type { ClientSocietes } from "@comptoir/shared/api/client-space";
import type { Locale } from "@comptoir/shared/i18n/locale";
import { translate, translatePlural } from "@comptoir/shared/i18n/translate";

export type SortDir = "asc" | "desc";

/** What *Ma société* shows; kept in the URL so coming back from a fiche finds the same list. */
export interface SocietesQuery {
  q: string;
  dir: SortDir;
}

export const DEFAULT_SOCIETES_QUERY: SocietesQuery = { q: "", dir: "asc" };

export function sortDirOf(value: string | null): SortDir {
  return value === "desc" ? "desc" : "asc";
}

export function readSocietesQuery(params: URLSearchParams): SocietesQuery {
  return { q: (params.get("q") ?? "").slice(0, 100), dir: sortDirOf(params.get("dir")) };
}

/** Only what differs from the defaults, so a plain `#/ma-societe` is the default list. */
export function writeSocietesQuery(query: SocietesQuery): URLSearchParams {
  const params = new URLSearchParams();
  if (query.q.trim()) params.set("q", query.q);
  if (query.dir !== DEFAULT_SOCIETES_QUERY.dir) params.set("dir", query.dir);
  return params;
}

/** The URL once the search box's text settles: the sort stays as it is. */
export function withSocietesText(params: URLSearchParams, q: string): URLSearchParams {
  return writeSocietesQuery({ ...readSocietesQuery(params), q });
}

/** The query string of `GET /client/societes`. */
export function societesSearch(query: SocietesQuery): string {
  const params = new URLSearchParams({ dir: query.dir });
  const q = query.q.trim();
  if (q) params.set("q", q);
  return params.toString();
}

/** "Aucune société", "1 société", "3 sociétés" (French plural rules would say "0 société"). */
export function societeCountText(locale: Locale, count: number): string {
  return count === 0 ? translate(locale, "client.home.countNone") : translatePlural(locale, "client.home.count", count);
}

/**
 * Nothing to consult at all, as opposed to a search that found nothing: the guest is not linked to a
 * contact yet, or no société passes the access rule (no accepted service, offer or extension off).
 * `searched`: the answer is for a search (an empty result then only means nothing matched).
 */
export function hasNoAccess(list: Pick<ClientSocietes, "bound" | "total">, searched: boolean): boolean {
  return !list.bound || (list.total === 0 && !searched);
}
