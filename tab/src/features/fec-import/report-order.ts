import type { FecIssue } from "@comptoir/shared/accounting/fec/issues";

/** Blocking errors first, then warnings, each in file order (file-level findings, line 0, lead). */
export function sortIssues(issues: readonly FecIssue[]): FecIssue[] {
  return [...issues].sort(
    (a, b) => (a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1) || a.line - b.line,
  );
}
