import { useState } from "react";
import { Link as FluentLink, makeStyles, Tab, TabList, tokens } from "@fluentui/react-components";
import { ArrowLeftRegular } from "@fluentui/react-icons";
import { useLocation, useParams, useSearchParams } from "react-router";
import { useDocumentTitle } from "../../components/useDocumentTitle";
import { ApiErrorBar } from "../../components/ApiErrorBar";
import { useLayoutStyles } from "../../components/layout-styles";
import { LoadingRows } from "../../components/LoadingRows";
import { UnsavedChangesGuard } from "../../components/UnsavedChangesGuard";
import { useT } from "../../i18n/context";
import { StaffAccountingTab } from "../fec-import/LazyStaffAccountingTab";
import { DashboardTab } from "./DashboardTab";
import { DossierContactsTab } from "./DossierContactsTab";
import { DossierHeader } from "./DossierHeader";
import { DOSSIER_TABS, dossierTabOf, type DossierTab } from "./dossier-tabs";
import { HistoryTab } from "./HistoryTab";
import { OffersTab } from "./OffersTab";
import { useDossier } from "./useDossier";

const useStyles = makeStyles({
  back: { display: "inline-flex", alignItems: "center", gap: tokens.spacingHorizontalXS },
  panel: { paddingTop: tokens.spacingVerticalS },
});

const TAB_LABELS = {
  offres: "staff.dossier.tab.offers",
  "tableau-de-bord": "staff.dossier.tab.dashboard",
  interlocuteurs: "staff.dossier.tab.contacts",
  comptabilite: "accountingUi.title",
  historique: "staff.dossier.tab.history",
} as const;

/** `#/dossiers/:id`: the dossier's identity, then its Offres, Tableau de bord, Interlocuteurs and Historique. */
export default function DossierPage() {
  const styles = useStyles();
  const layout = useLayoutStyles();
  const t = useT();
  const { id = "" } = useParams();
  const [params, setParams] = useSearchParams();
  const tab = dossierTabOf(params.get("onglet"));
  const state: unknown = useLocation().state;
  const portfolioSearch =
    state !== null && typeof state === "object" && "portfolio" in state && typeof state.portfolio === "string"
      ? state.portfolio
      : "";
  const dossier = useDossier(id);
  // The offer choice lives here so that switching tabs does not lose it.
  const [offerChoice, setOfferChoice] = useState<boolean | null>(null);
  const detail = dossier.data?.data;
  useDocumentTitle(detail ? `${detail.dossier.code} ${detail.dossier.name}` : t("staff.dossier.title"));

  const offerDirty =
    detail !== undefined && offerChoice !== null && offerChoice !== detail.dossier.offers.consultation.active;
  const tabId = (value: DossierTab) => `dossier-tab-${value}`;

  return (
    <div className={layout.stackL}>
      <FluentLink as="a" href={`#/portefeuille${portfolioSearch}`} className={styles.back}>
        <ArrowLeftRegular aria-hidden="true" />
        {t("staff.dossier.back")}
      </FluentLink>
      {dossier.isPending ? (
        <LoadingRows rows={4} />
      ) : dossier.isError || !detail ? (
        <ApiErrorBar error={dossier.error} onRetry={() => void dossier.refetch()} />
      ) : (
        <>
          <DossierHeader dossier={detail.dossier} />
          <TabList
            selectedValue={tab}
            onTabSelect={(_, data) => setParams({ onglet: dossierTabOf(String(data.value)) }, { replace: true, state })}
            aria-label={t("staff.dossier.tabsLabel")}
          >
            {DOSSIER_TABS.map((value) => (
              <Tab key={value} value={value} id={tabId(value)}>
                {t(TAB_LABELS[value])}
              </Tab>
            ))}
          </TabList>
          <div role="tabpanel" aria-labelledby={tabId(tab)} className={styles.panel}>
            {tab === "offres" && (
              <OffersTab
                detail={detail}
                etag={dossier.data.etag}
                choice={offerChoice}
                onChoice={setOfferChoice}
                onReload={() => void dossier.refetch()}
              />
            )}
            {tab === "tableau-de-bord" && (
              <DashboardTab detail={detail} etag={dossier.data.etag} onReload={() => void dossier.refetch()} />
            )}
            {tab === "interlocuteurs" && <DossierContactsTab detail={detail} />}
            {tab === "comptabilite" && <StaffAccountingTab dossier={detail.dossier} />}
            {tab === "historique" && <HistoryTab dossierId={detail.dossier.id} />}
          </div>
        </>
      )}
      <UnsavedChangesGuard when={offerDirty} />
    </div>
  );
}
