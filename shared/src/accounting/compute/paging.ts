export type AccountingPageRequest = { page?: number; pageSize?: number };
export type AccountingPageInfo = { page: number; pageSize: number; pageCount: number };

export const DEFAULT_PAGE_SIZE = 200;

/** 0-based page, clamped to what exists. */
export function pageInfo(
  request: AccountingPageRequest,
  total: number,
): AccountingPageInfo & { first: number; last: number } {
  const pageSize = Math.max(1, Math.floor(request.pageSize ?? DEFAULT_PAGE_SIZE));
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(Math.max(0, Math.floor(request.page ?? 0)), pageCount - 1);
  return { page, pageSize, pageCount, first: page * pageSize, last: Math.min(total, (page + 1) * pageSize) };
}

/** Orders "2" before "10" in EcritureNum and piece numbers. */
export const naturalCompare = new Intl.Collator("fr", { numeric: true, sensitivity: "base" }).compare;
