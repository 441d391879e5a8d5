/**
 * Balance of each écriture, keyed by (JournalCode, EcritureNum): numbering may restart in each
 * journal, so the same EcritureNum in two journals is two écritures (and an écriture split over two
 * journals shows up as two unbalanced ones).
 *
 * Memory stays bounded without keeping every key: lines are summed per run of consecutive lines with
 * the same key, and only runs that end unbalanced are remembered (summed per key). Balance is
 * additive, so an écriture whose lines are scattered in the file is balanced exactly when the sum of
 * its runs is: a balanced run can be forgotten. Valid files thus keep this map empty.
 */
export class UnbalancedRuns {
  private readonly byKey = new Map<
    string,
    { journalCode: string; ecritureNum: string; line: number; debit: number; credit: number }
  >();

  /** Past `max` remembered keys (a garbage file), add() refuses and the caller reports the run at once. */
  constructor(private readonly max = 100_000) {}

  add(journalCode: string, ecritureNum: string, line: number, debit: number, credit: number): boolean {
    const key = `${journalCode}\u0000${ecritureNum}`;
    const found = this.byKey.get(key);
    if (found) {
      found.debit += debit;
      found.credit += credit;
    } else if (this.byKey.size >= this.max) return false;
    else this.byKey.set(key, { journalCode, ecritureNum, line, debit, credit });
    return true;
  }

  /** Écritures still unbalanced once all runs are summed, with the first line of their first unbalanced run. */
  unbalanced(): Array<{ journalCode: string; ecritureNum: string; line: number; debit: number; credit: number }> {
    return [...this.byKey.values()].filter((u) => u.debit !== u.credit).sort((a, b) => a.line - b.line);
  }
}
