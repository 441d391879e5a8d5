/** Tokens are indexed by their first characters up to this length; longer queries are checked row by row. */
const MAX_PREFIX = 12;

/**
 * Word-prefix search in memory: every prefix of every token of a row points to the row, so a query word
 * finds its candidates in one lookup instead of a scan of the whole firm.
 */
export class PrefixIndex {
  private readonly byPrefix = new Map<string, Set<string>>();
  private readonly tokensOf = new Map<string, readonly string[]>();

  set(id: string, tokens: readonly string[]): void {
    this.delete(id);
    const unique = [...new Set(tokens.filter((t) => t.length > 0))];
    this.tokensOf.set(id, unique);
    for (const token of unique) {
      for (let n = 1; n <= Math.min(token.length, MAX_PREFIX); n++) {
        const prefix = token.slice(0, n);
        let ids = this.byPrefix.get(prefix);
        if (!ids) this.byPrefix.set(prefix, (ids = new Set()));
        ids.add(id);
      }
    }
  }

  delete(id: string): void {
    const tokens = this.tokensOf.get(id);
    if (!tokens) return;
    this.tokensOf.delete(id);
    for (const token of tokens) {
      for (let n = 1; n <= Math.min(token.length, MAX_PREFIX); n++) {
        const prefix = token.slice(0, n);
        const ids = this.byPrefix.get(prefix);
        ids?.delete(id);
        if (ids?.size === 0) this.byPrefix.delete(prefix);
      }
    }
  }

  /** Ids whose tokens start with every one of `words` (each word may match a different token). */
  match(words: readonly string[]): string[] {
    if (words.length === 0) return [];
    const sets = words.map((w) => this.byPrefix.get(w.slice(0, MAX_PREFIX)) ?? new Set<string>());
    sets.sort((a, b) => a.size - b.size);
    const [smallest, ...others] = sets;
    const out: string[] = [];
    for (const id of smallest ?? []) {
      if (!others.every((s) => s.has(id))) continue;
      const tokens = this.tokensOf.get(id) ?? [];
      // Words longer than the indexed prefixes are confirmed on the tokens themselves.
      if (words.every((w) => w.length <= MAX_PREFIX || tokens.some((t) => t.startsWith(w)))) out.push(id);
    }
    return out;
  }
}
