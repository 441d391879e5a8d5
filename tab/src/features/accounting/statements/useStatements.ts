import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { accountingStatementsSchema, STATEMENTS_VIEW } from "@comptoir/shared/api/accounting-statements";
import { apiFetch } from "../../../api/client";
import { accountingBase, accountingKeys, queryString, type AccountingAudience } from "../audience";
import type { PeriodParams } from "../useAccounting";

/** `GET …/accounting/etats-financiers`: bilan and compte de résultat at the end of the period, with N-1. */
export function useStatements(audience: AccountingAudience, period: PeriodParams) {
  return useQuery({
    queryKey: accountingKeys.view(audience, STATEMENTS_VIEW, period),
    queryFn: async ({ signal }) =>
      (
        await apiFetch(`${accountingBase(audience)}/${STATEMENTS_VIEW}${queryString(period)}`, {
          schema: accountingStatementsSchema,
          signal,
        })
      ).data,
    enabled: audience.dossierId !== "",
    placeholderData: keepPreviousData,
  });
}
