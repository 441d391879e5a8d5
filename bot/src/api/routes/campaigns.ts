import {
  campaignFailureListSchema,
  campaignListSchema,
  campaignStartInputSchema,
  campaignViewSchema,
  CAMPAIGN_ROUTES,
  type CampaignAction,
} from "@comptoir/shared/api/campaigns";
import { translate } from "@comptoir/shared";
import { CsvWriter } from "../../accounting/views/export/table-writer";
import {
  actOnCampaign,
  campaignFailures,
  getCampaign,
  recentCampaigns,
  startCampaign,
  type CampaignRunner,
} from "../../core/services/campaigns";
import { ctxFor, type ServiceDeps } from "../../core/services/context";
import { defineRoute, defineStreamRoute, type AnyRoute } from "../http/route";

const STAFF = ["staff"] as const;
const tag = "campaigns";

/** Bulk proposals (campagnes): staff only, as the single proposal. */
export function campaignRoutes(deps: ServiceDeps, runner: () => CampaignRunner): AnyRoute[] {
  return [
    defineRoute({
      method: "post",
      path: CAMPAIGN_ROUTES.start.path,
      allow: STAFF,
      tag,
      summary: "Propose one service to many contacts or dossiers at once (a campaign)",
      body: campaignStartInputSchema,
      response: campaignViewSchema,
      handler: async ({ principal, body }) => {
        const { value, etag } = await startCampaign(deps, runner(), ctxFor(principal, deps), body);
        return { status: 202, body: value, etag };
      },
    }),
    defineRoute({
      method: "get",
      path: CAMPAIGN_ROUTES.list.path,
      allow: STAFF,
      tag,
      summary: "The firm's most recent campaigns with their progress, newest first",
      response: campaignListSchema,
      handler: async ({ principal }) => ({
        body: { items: await recentCampaigns(deps, runner(), principal.tenantId) },
      }),
    }),
    defineRoute({
      method: "get",
      path: CAMPAIGN_ROUTES.get.path,
      allow: STAFF,
      tag,
      summary: "A campaign's progress: done, failed, pending, estimated time left",
      response: campaignViewSchema,
      handler: async ({ principal, params }) => {
        const { value, etag } = await getCampaign(deps, runner(), principal.tenantId, params.id);
        return { body: value, etag };
      },
    }),
    actionRoute(deps, runner, "pause", CAMPAIGN_ROUTES.pause.path, "Pause a campaign (If-Match)", 200),
    actionRoute(deps, runner, "resume", CAMPAIGN_ROUTES.resume.path, "Resume a paused campaign (If-Match)", 200),
    actionRoute(
      deps,
      runner,
      "cancel",
      CAMPAIGN_ROUTES.cancel.path,
      "Cancel: what is not proposed yet is not (If-Match)",
      200,
    ),
    actionRoute(
      deps,
      runner,
      "retry-failed",
      CAMPAIGN_ROUTES.retryFailed.path,
      "Renvoyer: run the failed items again (If-Match)",
      202,
    ),
    defineRoute({
      method: "get",
      path: CAMPAIGN_ROUTES.failures.path,
      allow: STAFF,
      tag,
      summary: "A campaign's failed proposals, with their reason",
      response: campaignFailureListSchema,
      handler: async ({ principal, params, locale }) => ({
        body: { items: await campaignFailures(deps, principal.tenantId, params.id, locale) },
      }),
    }),
    defineStreamRoute({
      method: "get",
      path: CAMPAIGN_ROUTES.failuresCsv.path,
      allow: STAFF,
      tag,
      summary: "A campaign's failed proposals as CSV (formula cells neutralised)",
      responses: { 200: { description: "The report, as an attachment", file: "text/csv; charset=utf-8" } },
      handler: async ({ principal, params, locale, response }) => {
        const failures = await campaignFailures(deps, principal.tenantId, params.id, locale);
        const t = (key: Parameters<typeof translate>[1]) => translate(locale, key);
        const name = `${t("campaign.csv.fileName")}-${params.id}.csv`;
        const writer = new CsvWriter(response.attachment("text/csv; charset=utf-8", name));
        await writer.start(
          (
            [
              "campaign.csv.contact",
              "campaign.csv.email",
              "campaign.csv.dossierCode",
              "campaign.csv.dossierName",
              "campaign.csv.code",
              "campaign.csv.reason",
              "campaign.csv.at",
            ] as const
          ).map((key) => ({ header: t(key), kind: "text" as const })),
        );
        for (const f of failures)
          await writer.row([f.contactName, f.email, f.dossierCode, f.dossierName, f.code, f.message, f.at]);
        await writer.end();
        response.end();
      },
    }),
  ];
}

type ActionPath = (typeof CAMPAIGN_ROUTES)["pause" | "resume" | "cancel" | "retryFailed"]["path"];

function actionRoute(
  deps: ServiceDeps,
  runner: () => CampaignRunner,
  action: CampaignAction,
  path: ActionPath,
  summary: string,
  status: number,
): AnyRoute {
  return defineRoute({
    ifMatch: "required",
    method: "post",
    path,
    allow: STAFF,
    tag,
    summary,
    response: campaignViewSchema,
    handler: async ({ principal, params, ifMatch }) => {
      const { value, etag } = await actOnCampaign(deps, runner(), ctxFor(principal, deps), params.id, action, ifMatch);
      return { status, body: value, etag };
    },
  });
}
