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

/** A section of a view (an account, a journal) whose items are counted per bucket (a month). */
export type CountedSection<B> = { count: number; buckets: ReadonlyArray<{ bucket: B; n: number }> };

type BucketOf<S extends CountedSection<unknown>> = S["buckets"][number]["bucket"];

/** The part of one section a page shows. */
export type SectionSlice<S, B> = {
  section: S;
  /** The page's items in the section: [first, last), counted from the section's first item. */
  first: number;
  last: number;
  /** Buckets wholly before the page's first item (their sums carry into running balances). */
  before: B[];
  /** Buckets holding the page's items, with the index of each one's first item in the section. */
  wanted: Array<{ bucket: B; start: number }>;
};

/**
 * Locates a page of `pageInfo` across sections laid end to end, from the counts alone: which sections
 * it touches, and which of their buckets must be read.
 */
export function sliceSections<S extends CountedSection<unknown>>(
  sections: readonly S[],
  page: { first: number; last: number },
): Array<SectionSlice<S, BucketOf<S>>> {
  type B = BucketOf<S>;
  const out: Array<SectionSlice<S, B>> = [];
  let offset = 0;
  for (const section of sections) {
    const start = offset;
    offset += section.count;
    if (offset <= page.first || start >= page.last) continue;
    const first = Math.max(0, page.first - start);
    const last = Math.min(section.count, page.last - start);
    const before: B[] = [];
    const wanted: Array<{ bucket: B; start: number }> = [];
    let cum = 0;
    for (const { bucket, n } of section.buckets) {
      if (cum + n <= first) before.push(bucket);
      else if (cum < last) wanted.push({ bucket, start: cum });
      cum += n;
    }
    out.push({ section, first, last, before, wanted });
  }
  return out;
}

/** Orders "2" before "10" in EcritureNum and piece numbers. */
export const naturalCompare = new Intl.Collator("fr", { numeric: true, sensitivity: "base" }).compare;
