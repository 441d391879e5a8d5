import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import {
  accountingBalanceSchema,
  accountingExercicesSchema,
  accountingGrandLivreSchema,
  accountingJournauxSchema,
  accountingSyntheseSchema,
} from "@comptoir/shared/api/accounting";
import { apiFetch } from "../../api/client";
import { accountingBase, accountingKeys, queryString, type AccountingAudience } from "./audience";

type Params = Record<string, string | number | undefined>;

function useView<T>(audience: AccountingAudience, view: string, schema: z.ZodType<T>, params: Params, enabled = true) {
  return useQuery({
    queryKey: accountingKeys.view(audience, view, params),
    queryFn: async ({ signal }) =>
      (await apiFetch(`${accountingBase(audience)}/${view}${queryString(params)}`, { schema, signal })).data,
    enabled: enabled && audience.dossierId !== "",
    // A new period, search or page keeps the current figures on screen until the answer arrives.
    placeholderData: keepPreviousData,
  });
}

/** `GET …/accounting/exercices`: the imported exercices, newest first. */
export function useExercices(audience: AccountingAudience) {
  return useView(audience, "exercices", accountingExercicesSchema, {});
}

/** The query every view shares: the exercice (closing date) and the months (`YYYY-MM`), when narrowed. */
export interface PeriodParams extends Params {
  exercice: string;
  from?: string;
  to?: string;
}

export function useSynthese(audience: AccountingAudience, period: PeriodParams) {
  return useView(audience, "synthese", accountingSyntheseSchema, period);
}

export function useBalance(audience: AccountingAudience, params: PeriodParams & { q?: string }, enabled = true) {
  return useView(audience, "balance", accountingBalanceSchema, params, enabled);
}

export interface GrandLivreParams extends PeriodParams {
  account?: string;
  q?: string;
  lettering?: "all" | "unlettered";
  page: number;
  pageSize: number;
}

export function useGrandLivre(audience: AccountingAudience, params: GrandLivreParams) {
  return useView(audience, "grand-livre", accountingGrandLivreSchema, params);
}

export interface JournauxParams extends PeriodParams {
  journal?: string;
  q?: string;
  page: number;
  pageSize: number;
}

export function useJournaux(audience: AccountingAudience, params: JournauxParams) {
  return useView(audience, "journaux", accountingJournauxSchema, params);
}
