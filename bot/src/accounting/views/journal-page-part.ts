import { journalBucketRef, type BucketRef } from "../store/entry-records";
import type { Segment } from "../store/framed-blob";
import type { JournalIndex } from "../store/store";

type Bucket = JournalIndex["buckets"][number];

/**
 * What a journal page reads of one bucket: `ref` (its segments, or some of them), the écritures of the
 * bucket before the first one read (`skipped`), and the lines at the start of the read that finish an
 * earlier écriture (`leading`, dropped).
 */
export type JournalPagePart = { ref: BucketRef; skipped: number; leading: number };

/**
 * The part of a bucket whose écritures [start, start + n) of the section hold some of the page's
 * [first, last): when the import noted its écritures in display order (index `paging`) and every
 * écriture counts (no *Limité à*: the per-segment counts are of all établissements), only the segments
 * from the one where the page's first écriture starts to the one where its last ends; otherwise the
 * whole bucket (imports of earlier builds, buckets out of order, restricted readers).
 */
export function journalPagePart(
  index: JournalIndex,
  bucket: Bucket,
  start: number,
  first: number,
  last: number,
  scope: ReadonlySet<string> | undefined,
): JournalPagePart {
  const ref = journalBucketRef(bucket);
  const whole = { ref, skipped: 0, leading: 0 };
  const paging = scope === undefined ? index.paging?.find((p) => p[0] === bucket[0]) : undefined;
  if (paging === undefined) return whole;
  const [, starts, leads] = paging;
  const all = bucket[1];
  if (starts.length !== all.length || leads.length !== all.length || sum(starts) !== bucket[3]) return whole;
  const from = first - start;
  const to = last - start;
  const segments: Segment[] = [];
  let skipped = 0;
  let leading = 0;
  // `before`: écritures starting in the segments before segment i.
  let before = 0;
  for (const [i, segment] of all.entries()) {
    const starting = starts[i] ?? 0;
    const continuing = (leads[i] ?? 0) > 0;
    if (segments.length === 0) {
      if (before + starting > from) {
        segments.push(segment);
        skipped = before;
        leading = leads[i] ?? 0;
      }
    } else if (before < to || (before === to && continuing)) segments.push(segment);
    else break;
    before += starting;
  }
  // The bytes are only a hint for batch readers; a page's reader does not use them.
  const bytes = segments.length === all.length ? ref.bytes : 0;
  return { ref: { id: ref.id, segments, bytes }, skipped, leading };
}

const sum = (xs: readonly number[]) => xs.reduce((n, x) => n + x, 0);
