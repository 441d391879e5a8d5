import { Subtitle1 } from "@fluentui/react-components";
import { ApiErrorBar } from "../../components/ApiErrorBar";
import { useLayoutStyles } from "../../components/layout-styles";
import { useLocale, useT } from "../../i18n/context";
import { useServiceCatalogue } from "../catalogue/useServiceCatalogue";
import { shownCampaigns } from "./campaign-format";
import { CampaignCard } from "./CampaignCard";
import { useRecentCampaigns } from "./useCampaigns";

/**
 * The firm's campaigns under way, and those ended in the last day with their report. Read from the API only
 * (`GET /campaigns`), so they are the same after a reload, for a colleague and on any instance.
 */
export function CampaignsPanel() {
  const layout = useLayoutStyles();
  const t = useT();
  const { locale } = useLocale();
  const recent = useRecentCampaigns();
  const catalogue = useServiceCatalogue();
  if (recent.isError && !recent.data) return <ApiErrorBar error={recent.error} onRetry={() => void recent.refetch()} />;
  // Ended ones are aged against the time the list was read (render stays pure).
  const campaigns = shownCampaigns(recent.data?.items ?? [], recent.dataUpdatedAt);
  if (campaigns.length === 0) return null;
  const labelOf = (serviceId: string) => catalogue.data?.find((s) => s.id === serviceId)?.label[locale] ?? serviceId;
  return (
    <section aria-labelledby="campaigns-title" className={layout.stackM}>
      <Subtitle1 as="h2" id="campaigns-title" className={layout.flush}>
        {t("staff.campaign.panel.title")}
      </Subtitle1>
      {campaigns.map((c) => (
        <CampaignCard key={c.id} initial={c} serviceLabel={labelOf(c.serviceId)} />
      ))}
    </section>
  );
}
