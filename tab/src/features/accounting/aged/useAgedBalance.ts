import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import {
  accountingAgedBalanceSchema,
  accountingAgedLinesSchema,
  accountingEcheancierSchema,
} from "@comptoir/shared/api/aged-balance";
import { apiFetch } from "../../../api/client";
import { accountingBase, accountingKeys, queryString, type AccountingAudience } from "../audience";

export type AgedAccountChoice = "411" | "401";

/** The query the balance âgée, its drill-down and the échéancier share; no date: the server's default. */
export interface AgedParams extends Record<string, string | number | undefined> {
  exercice: string;
  account: AgedAccountChoice;
  date?: string;
}

type Params = Record<string, string | number | undefined>;

function useAgedView<T>(
  audience: AccountingAudience,
  view: string,
  schema: z.ZodType<T>,
  params: Params,
  enabled = true,
) {
  return useQuery({
    queryKey: accountingKeys.view(audience, view, params),
    queryFn: async ({ signal }) =>
      (await apiFetch(`${accountingBase(audience)}/${view}${queryString(params)}`, { schema, signal })).data,
    enabled: enabled && audience.dossierId !== "",
    placeholderData: keepPreviousData,
  });
}

/** `GET …/balance-agee`: per third party and bucket. */
export function useAgedBalance(audience: AccountingAudience, params: AgedParams) {
  return useAgedView(audience, "balance-agee", accountingAgedBalanceSchema, params);
}

/** `GET …/balance-agee/lines`: one third party's open lines (only while its drill-down is open). */
export function useAgedLines(
  audience: AccountingAudience,
  params: AgedParams & { party: string; partyKind: "aux" | "account" },
  enabled: boolean,
) {
  return useAgedView(audience, "balance-agee/lines", accountingAgedLinesSchema, params, enabled);
}

/** `GET …/echeancier`: the open items by date used, paged. */
export function useEcheancier(audience: AccountingAudience, params: AgedParams & { page: number; pageSize: number }) {
  return useAgedView(audience, "echeancier", accountingEcheancierSchema, params);
}
