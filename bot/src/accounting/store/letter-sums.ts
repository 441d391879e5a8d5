import type { LetterSums } from "./store";

/** One letter's debit − credit in its first établissement, and in the others when it spans several (rare). */
type LetterSum = { etab: string; sum: number; others: Map<string, number> | null };

/**
 * Sums debit − credit per account, letter and établissement while the import parses, so that a page's
 * `letterBalanced` is read, not computed. Only letters that could look unbalanced to someone are kept:
 * those whose lines do not sum to zero, or whose lines lie in several établissements (a *Limité à*
 * scope holding only some of them sums its own). A letter of one établissement summing to zero
 * balances for every reader who sees its lines.
 */
export class LetterSumsBuilder {
  private readonly byAccount = new Map<string, Map<string, LetterSum>>();
  private lastAccount = "";
  private lastLetters: Map<string, LetterSum> | undefined;

  add(compteNum: string, letter: string, etab: string, amount: number): void {
    let letters = this.lastAccount === compteNum ? this.lastLetters : undefined;
    if (letters === undefined) {
      letters = this.byAccount.get(compteNum);
      if (letters === undefined) {
        letters = new Map();
        this.byAccount.set(compteNum, letters);
      }
      this.lastAccount = compteNum;
      this.lastLetters = letters;
    }
    const found = letters.get(letter);
    if (found === undefined) {
      if (amount !== 0) letters.set(letter, { etab, sum: amount, others: null });
    } else if (found.etab === etab) {
      found.sum += amount;
      // Settled within one établissement: it adds nothing to any scope's sum, and memory stays with
      // the letters still open (an invoice waits for its payment) rather than every letter of the file.
      if (found.sum === 0 && found.others === null) letters.delete(letter);
    } else {
      found.others ??= new Map();
      found.others.set(etab, (found.others.get(etab) ?? 0) + amount);
    }
  }

  /** Per account, the letters kept (see above), in letter order. */
  result(): LetterSums[] {
    const out: LetterSums[] = [];
    for (const [compteNum, letters] of this.byAccount) {
      const kept: LetterSums["letters"] = [];
      for (const [letter, { etab, sum, others }] of letters) {
        if (others === null) {
          if (sum !== 0) kept.push([letter, [[etab, sum]]]);
          continue;
        }
        const sums: Array<[string, number]> = [[etab, sum]];
        for (const [other, s] of others) sums.push([other, s]);
        kept.push([letter, sums]);
      }
      if (kept.length > 0)
        out.push({ compteNum, letters: kept.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)) });
    }
    return out;
  }
}

/** Letters of `sums` that do not sum to zero over the établissements `visible` accepts. */
export function unbalancedIn(sums: LetterSums["letters"], visible: (etab: string) => boolean): Set<string> {
  const out = new Set<string>();
  for (const [letter, byEtab] of sums) {
    let total = 0;
    let seen = false;
    for (const [etab, s] of byEtab)
      if (visible(etab)) {
        total += s;
        seen = true;
      }
    if (seen && total !== 0) out.add(letter);
  }
  return out;
}
