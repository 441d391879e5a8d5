/** Additions wait in a small unsorted list, scanned by each query, until this many wait (or the list outgrows the index). */
const MAX_PENDING = 1024;

interface Pair {
  token: string;
  id: string;
}

/**
 * Word-prefix search in memory: every (token, row) pair sorted by token, so the rows whose tokens start
 * with a query word are one contiguous range, found by binary search. One entry per token (not one per
 * prefix) keeps a firm of 150,000 contacts in tens of MB. Changes append to `pending` and mark the
 * replaced pairs stale; both are folded into the sorted arrays in one merge pass once they add up.
 */
export class PrefixIndex {
  private tokens: string[] = [];
  private ids: string[] = [];
  private pending: Pair[] = [];
  /** Pairs in `tokens`/`ids` or `pending` that no longer hold (checked against `tokensOf` on every match). */
  private stale = 0;
  private readonly tokensOf = new Map<string, readonly string[]>();

  set(id: string, tokens: readonly string[]): void {
    const unique = [...new Set(tokens.filter((t) => t.length > 0))];
    this.stale += this.tokensOf.get(id)?.length ?? 0;
    this.tokensOf.set(id, unique);
    for (const token of unique) this.pending.push({ token, id });
    if (this.pending.length > Math.max(MAX_PENDING, this.tokens.length)) this.compact();
  }

  delete(id: string): void {
    const tokens = this.tokensOf.get(id);
    if (!tokens) return;
    this.tokensOf.delete(id);
    this.stale += tokens.length;
  }

  /** Ids whose tokens start with every one of `words` (each word may match a different token). */
  match(words: readonly string[]): string[] {
    if (words.length === 0) return [];
    if (this.pending.length > MAX_PENDING || this.stale > Math.max(MAX_PENDING, this.tokens.length / 4)) this.compact();
    // Candidates come from the word with the fewest; every candidate is then checked on its current tokens.
    let best = { word: "", lo: 0, hi: Infinity };
    for (const word of words) {
      const lo = lowerBound(this.tokens, word);
      const hi = lowerBound(this.tokens, `${word}\uffff`);
      if (hi - lo < best.hi - best.lo) best = { word, lo, hi };
    }
    const seen = new Set<string>();
    const out: string[] = [];
    const consider = (id: string) => {
      if (seen.has(id)) return;
      seen.add(id);
      const tokens = this.tokensOf.get(id);
      if (tokens && words.every((w) => tokens.some((t) => t.startsWith(w)))) out.push(id);
    };
    for (let i = best.lo; i < best.hi; i++) consider(this.ids[i] as string);
    for (const pair of this.pending) if (pair.token.startsWith(best.word)) consider(pair.id);
    return out;
  }

  /** Merges the sorted pending pairs into the sorted arrays, dropping stale and duplicate pairs. */
  private compact(): void {
    const holds = (token: string, id: string) => this.tokensOf.get(id)?.includes(token) === true;
    const fresh = this.pending.filter((p) => holds(p.token, p.id)).sort(comparePairs);
    const tokens: string[] = [];
    const ids: string[] = [];
    const push = (token: string, id: string) => {
      const last = tokens.length - 1;
      if (last >= 0 && tokens[last] === token && ids[last] === id) return;
      tokens.push(token);
      ids.push(id);
    };
    let i = 0;
    let j = 0;
    while (i < this.tokens.length || j < fresh.length) {
      const token = this.tokens[i];
      const id = this.ids[i];
      const next = fresh[j];
      if (token !== undefined && id !== undefined && (!next || comparePairs({ token, id }, next) <= 0)) {
        if (holds(token, id)) push(token, id);
        i++;
      } else if (next) {
        push(next.token, next.id);
        j++;
      }
    }
    this.tokens = tokens;
    this.ids = ids;
    this.pending = [];
    this.stale = 0;
  }
}

function comparePairs(a: Pair, b: Pair): number {
  if (a.token !== b.token) return a.token < b.token ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** First index whose token is not less than `key`. */
function lowerBound(sorted: readonly string[], key: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] ?? "") < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
