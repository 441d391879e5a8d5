import { useCallback, useMemo, useState } from "react";
import { Badge, Field, makeStyles, SearchBox, Select, Text, Title1, Toolbar } from "@fluentui/react-components";
import { BriefcaseRegular } from "@fluentui/react-icons";
import { useLocation, useNavigate, useSearchParams } from "react-router";
import type { CollaborativeStatus, DossierSummary } from "@comptoir/shared/api/back-office";
import type { MessageKey } from "@comptoir/shared/i18n/fr";
import { translatePlural } from "@comptoir/shared/i18n/translate";
import { useDocumentTitle } from "../../components/useDocumentTitle";
import { ApiErrorBar } from "../../components/ApiErrorBar";
import { EmptyState } from "../../components/EmptyState";
import { formatSiren } from "../../components/format";
import { useKeySelection } from "../../components/key-selection";
import { useLayoutStyles } from "../../components/layout-styles";
import { LoadingRows } from "../../components/LoadingRows";
import { selectionColumn } from "../../components/selection-column";
import { SuccessBar } from "../../components/SuccessBar";
import { useUrlSearchText } from "../../components/useUrlSearchText";
import { VirtualGrid, type GridColumn } from "../../components/VirtualGrid";
import { useLocale, useT } from "../../i18n/context";
import { BulkProposeTools } from "../campaigns/BulkProposeTools";
import { CampaignsPanel } from "../campaigns/CampaignsPanel";
import { StartCampaignDialog } from "../campaigns/StartCampaignDialog";
import {
  offerFilterOf,
  readPortfolioQuery,
  toggleSort,
  withPortfolioText,
  writePortfolioQuery,
  type DossierSort,
  type PortfolioQuery,
} from "./portfolio-query";
import { usePortfolio } from "./usePortfolio";

const SEARCH_DELAY_MS = 300;

const COLLABORATIVE_STATUS: Record<CollaborativeStatus, MessageKey> = {
  none: "staff.portfolio.collab.none",
  proposed: "domain.subscriptionStatus.proposed",
  invited: "domain.subscriptionStatus.invited",
  accepted: "domain.subscriptionStatus.accepted",
  active: "domain.subscriptionStatus.active",
};

const useStyles = makeStyles({
  search: { minWidth: "18rem", flexGrow: 1, maxWidth: "32rem" },
});

export default function PortfolioPage() {
  const styles = useStyles();
  const layout = useLayoutStyles();
  const t = useT();
  const { locale } = useLocale();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const query = readPortfolioQuery(params);
  const [search, setSearch] = useUrlSearchText(query.q, withPortfolioText, SEARCH_DELAY_MS);
  const title = t("shell.nav.portfolio");
  useDocumentTitle(title);

  const update = useCallback(
    (next: PortfolioQuery) => setParams(writePortfolioQuery(next), { replace: true }),
    [setParams],
  );

  const list = usePortfolio(query);
  const items = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);
  const total = list.data?.pages[0]?.total ?? 0;
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = list;
  // Dossiers chosen for *Proposer un service…* (a campaign to each of their interlocuteurs).
  const selection = useKeySelection();
  const [proposing, setProposing] = useState(false);
  const [started, setStarted] = useState<string | null>(null);
  const loadMore = useCallback(() => void fetchNextPage(), [fetchNextPage]);
  const { search: listSearch } = useLocation();
  // The dossier page's back link returns to this very list (search, sort, filter).
  const open = useCallback(
    (d: DossierSummary) => void navigate(`/dossiers/${encodeURIComponent(d.id)}`, { state: { portfolio: listSearch } }),
    [navigate, listSearch],
  );

  const { q, sort, dir, offer } = query;
  // Stable while the sort and language stay the same, so scrolling re-renders only the new rows.
  const columns = useMemo((): GridColumn<DossierSummary>[] => {
    const sortable = (id: DossierSort) => ({
      direction: sort === id ? (dir === "asc" ? ("ascending" as const) : ("descending" as const)) : null,
      onToggle: () => update(toggleSort({ q, sort, dir, offer }, id)),
    });
    return [
      { id: "code", header: t("staff.dossier.code"), width: "9rem", cell: (d) => d.code, sort: sortable("code") },
      {
        id: "name",
        header: t("staff.dossier.name"),
        width: "minmax(14rem, 2fr)",
        cell: (d) => d.name,
        sort: sortable("name"),
      },
      {
        id: "siren",
        header: t("staff.dossier.siren"),
        width: "9rem",
        cell: (d) => formatSiren(d.siren),
        sort: sortable("siren"),
      },
      {
        id: "responsible",
        header: t("staff.dossier.responsible"),
        width: "minmax(10rem, 1fr)",
        cell: (d) => d.responsible?.name ?? "",
        sort: sortable("responsible"),
      },
      {
        id: "offer",
        header: t("staff.portfolio.offer"),
        width: "10rem",
        cell: (d) =>
          d.consultationActive ? (
            <Badge appearance="filled" color="brand">
              {t("staff.offer.on")}
            </Badge>
          ) : (
            <span className={layout.subtle}>{t("staff.offer.off")}</span>
          ),
      },
      {
        id: "collaborative",
        header: t("staff.portfolio.collaborative"),
        width: "11rem",
        cell: (d) => t(COLLABORATIVE_STATUS[d.collaborativeStatus]),
      },
    ];
  }, [t, layout.subtle, update, q, sort, dir, offer]);
  const select = useMemo(
    () =>
      selectionColumn({
        selection,
        loaded: items,
        rowKey: (d: DossierSummary) => d.id,
        allLabel: t("staff.selection.allDossiers"),
        rowLabel: (d) => t("staff.selection.dossier", { code: d.code, name: d.name }),
      }),
    [selection, items, t],
  );
  const gridColumns = useMemo(() => [select.column, ...columns], [select.column, columns]);

  const filtered = query.q.trim() !== "" || query.offer !== "all";
  const countText = translatePlural(locale, "staff.portfolio.count", total);

  return (
    <div className={layout.stackL}>
      <Title1 as="h1" className={layout.flush}>
        {title}
      </Title1>
      <div className={layout.filters}>
        <Field label={t("staff.portfolio.search")} className={styles.search}>
          <SearchBox
            dismiss={{ "aria-label": t("staff.action.clearSearch") }}
            value={search}
            placeholder={t("staff.portfolio.searchPlaceholder")}
            onChange={(_, data) => setSearch(data.value)}
          />
        </Field>
        <Field label={t("staff.portfolio.offerFilter")}>
          <Select value={query.offer} onChange={(_, data) => update({ ...query, offer: offerFilterOf(data.value) })}>
            <option value="all">{t("staff.portfolio.offer.all")}</option>
            <option value="on">{t("staff.portfolio.offer.on")}</option>
            <option value="off">{t("staff.portfolio.offer.off")}</option>
          </Select>
        </Field>
        <Text role="status" className={layout.count}>
          {list.isPending ? "" : countText}
        </Text>
      </div>
      <Toolbar aria-label={t("staff.selection.toolbar")}>
        <BulkProposeTools
          kind="dossiers"
          count={selection.keys.size}
          onPropose={() => setProposing(true)}
          onClear={selection.clear}
        />
      </Toolbar>
      <SuccessBar message={started} />
      <CampaignsPanel />
      {list.isError && !list.data ? (
        <ApiErrorBar error={list.error} onRetry={() => void list.refetch()} />
      ) : list.isPending ? (
        <LoadingRows rows={10} />
      ) : total === 0 ? (
        <EmptyState
          icon={<BriefcaseRegular />}
          title={t(filtered ? "staff.portfolio.noMatch.title" : "shell.portfolio.empty.title")}
          body={filtered ? t("staff.portfolio.noMatch.body") : t("staff.portfolio.empty.body")}
        />
      ) : (
        <>
          {list.isFetchNextPageError && <ApiErrorBar error={list.error} onRetry={loadMore} />}
          <VirtualGrid
            label={t("staff.portfolio.gridLabel", { count: countText })}
            columns={gridColumns}
            items={items}
            total={total}
            rowKey={(d) => d.id}
            hasMore={hasNextPage && !list.isFetchNextPageError}
            loadingMore={isFetchingNextPage}
            onLoadMore={loadMore}
            onOpen={open}
            selection={select.grid}
            scrollResetKey={`${q}|${sort}|${dir}|${offer}`}
            height="max(20rem, calc(100vh - 17rem))"
          />
        </>
      )}
      {proposing && (
        <StartCampaignDialog
          kind="dossiers"
          ids={[...selection.keys]}
          onClose={() => setProposing(false)}
          onStarted={(campaign, service) => {
            setProposing(false);
            selection.clear();
            setStarted(t("staff.campaign.started", { total: campaign.total, service }));
          }}
        />
      )}
    </div>
  );
}
