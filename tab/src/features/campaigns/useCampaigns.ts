import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  campaignFailureListSchema,
  campaignListSchema,
  campaignViewSchema,
  type CampaignAction,
  type CampaignStartInput,
  type CampaignView,
} from "@comptoir/shared/api/campaigns";
import { apiFetch } from "../../api/client";
import { apiPath } from "../query-keys";
import { listPollInterval, pollInterval } from "./campaign-format";

/** Every campaign query starts with this key, so one write refreshes them all. */
const CAMPAIGNS = ["campaigns"] as const;
const campaignKeys = {
  list: [...CAMPAIGNS, "list"] as const,
  one: (id: string) => [...CAMPAIGNS, "one", id] as const,
  failures: (id: string) => [...CAMPAIGNS, "failures", id] as const,
};

/**
 * `GET /campaigns`: the firm's recent campaigns, read from the API only, so a reload or another instance
 * shows the same ones. Polled while one of them is running or paused (someone else may resume it).
 */
export function useRecentCampaigns() {
  const client = useQueryClient();
  return useQuery({
    queryKey: campaignKeys.list,
    queryFn: async ({ signal }) => {
      const list = (await apiFetch(apiPath("campaigns"), { schema: campaignListSchema, signal })).data;
      // Each card reads its own query: a change made elsewhere (a colleague's Reprendre) reaches it with the list.
      for (const view of list.items) client.setQueryData(campaignKeys.one(view.id), view);
      return list;
    },
    refetchInterval: (query) => listPollInterval(query.state.data?.items ?? []),
  });
}

/** `GET /campaigns/:id`, about once a second while it runs; starts from the list's copy. */
export function useCampaign(initial: CampaignView) {
  const client = useQueryClient();
  return useQuery({
    queryKey: campaignKeys.one(initial.id),
    queryFn: async ({ signal }) => {
      const view = (await apiFetch(apiPath("campaigns", initial.id), { schema: campaignViewSchema, signal })).data;
      // It ended here: the list (and the failures report) catch up at once rather than at their next poll.
      if (view.status !== client.getQueryData<CampaignView>(campaignKeys.one(initial.id))?.status)
        void client.invalidateQueries({ queryKey: campaignKeys.list });
      return view;
    },
    initialData: initial,
    // The list's copy is as fresh as the list; the item's own poll takes over from there.
    initialDataUpdatedAt: () => client.getQueryState(campaignKeys.list)?.dataUpdatedAt,
    refetchInterval: (query) => pollInterval(query.state.data?.status ?? initial.status),
  });
}

/** `GET /campaigns/:id/failures`: who failed and why (localized by the server). */
export function useCampaignFailures(id: string, enabled: boolean) {
  return useQuery({
    queryKey: campaignKeys.failures(id),
    queryFn: async ({ signal }) =>
      (await apiFetch(apiPath("campaigns", id, "failures"), { schema: campaignFailureListSchema, signal })).data,
    enabled,
  });
}

/** `POST /campaigns`: the campaign starts on the server; the panel shows it from the list. */
export function useStartCampaign() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: CampaignStartInput) =>
      apiFetch(apiPath("campaigns"), { method: "POST", body: input, schema: campaignViewSchema }),
    onSuccess: () => void client.invalidateQueries({ queryKey: CAMPAIGNS }),
  });
}

/** Pause, Reprendre, Annuler, Renvoyer: `POST /campaigns/:id/<action>` under the ETag last read. */
export function useCampaignAction() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ campaign, action }: { campaign: CampaignView; action: CampaignAction }) =>
      apiFetch(apiPath("campaigns", campaign.id, action), {
        method: "POST",
        body: {},
        etag: campaign.etag,
        schema: campaignViewSchema,
      }),
    onSuccess: (result) => client.setQueryData(campaignKeys.one(result.data.id), result.data),
    // On success and on a 412 alike: every copy is read again, so the next click carries the current ETag.
    onSettled: () => void client.invalidateQueries({ queryKey: CAMPAIGNS }),
  });
}
