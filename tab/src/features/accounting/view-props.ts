import type { AccountingAudience } from "./audience";
import type { MonthRange } from "./months";
import type { PeriodParams } from "./useAccounting";

/** What every view gets from the period bar. */
export interface AccountingViewProps {
  audience: AccountingAudience;
  dossierCode: string;
  period: PeriodParams;
  /** The months shown (yyyymm), for captions and file names. */
  range: MonthRange;
}
