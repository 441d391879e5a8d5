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

/**
 * Pages a view whose total is only known once it has been read (search, filters): `pass` reads the
 * lines [first, last) of the requested page and counts them all; asked past the end, it reads again
 * for the last page (rare).
 */
export async function pageWhileCounting<T extends { total: number }>(
  request: AccountingPageRequest,
  pass: (first: number, last: number) => Promise<T>,
): Promise<{ info: AccountingPageInfo; result: T }> {
  const guess = pageInfo(request, Number.MAX_SAFE_INTEGER);
  let result = await pass(guess.first, guess.last);
  const info = pageInfo(request, result.total);
  if (info.page !== guess.page) result = await pass(info.first, info.last);
  return { info, result };
}

/** Orders "2" before "10" in EcritureNum and piece numbers. */
export const naturalCompare = new Intl.Collator("fr", { numeric: true, sensitivity: "base" }).compare;
