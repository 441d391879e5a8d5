import { useCallback } from "react";
import {
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  SearchBox,
  Select,
  Text,
  Title1,
  tokens,
} from "@fluentui/react-components";
import { SearchRegular } from "@fluentui/react-icons";
import { useSearchParams } from "react-router";
import { useDocumentTitle } from "../../components/useDocumentTitle";
import { ApiErrorBar } from "../../components/ApiErrorBar";
import { EmptyState } from "../../components/EmptyState";
import { useLayoutStyles } from "../../components/layout-styles";
import { LoadingRows } from "../../components/LoadingRows";
import { useUrlSearchText } from "../../components/useUrlSearchText";
import { useLocale, useT } from "../../i18n/context";
import { NoAccessPanel, WaitingList } from "./NoAccessPanel";
import { SocieteCard } from "./SocieteCard";
import {
  hasNoAccess,
  readSocietesQuery,
  societeCountText,
  sortDirOf,
  withSocietesText,
  writeSocietesQuery,
  type SocietesQuery,
} from "./societes-query";
import { useClientSocietes } from "./useClientSocietes";

const SEARCH_DELAY_MS = 300;

const useStyles = makeStyles({
  search: { minWidth: "16rem", flexGrow: 1, maxWidth: "28rem" },
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(18rem, 1fr))",
    gap: tokens.spacingHorizontalL,
  },
});

/** `#/ma-societe`: the sociétés the client may consult, read-only. */
export default function ClientHomePage() {
  const styles = useStyles();
  const layout = useLayoutStyles();
  const t = useT();
  const { locale } = useLocale();
  const [params, setParams] = useSearchParams();
  const query = readSocietesQuery(params);
  const [search, setSearch] = useUrlSearchText(query.q, withSocietesText, SEARCH_DELAY_MS);
  const title = t("shell.nav.clientHome");
  useDocumentTitle(title);

  const update = useCallback(
    (next: SocietesQuery) => setParams(writeSocietesQuery(next), { replace: true }),
    [setParams],
  );

  const list = useClientSocietes(query);
  const data = list.data;
  // While a new search is on its way, the cards shown answer another query: never read them as "no access".
  const searched = query.q.trim() !== "" || list.isPlaceholderData;

  return (
    <div className={layout.stackL}>
      <Title1 as="h1" className={layout.flush}>
        {title}
      </Title1>
      {list.isPending ? (
        <LoadingRows rows={3} />
      ) : !data ? (
        <ApiErrorBar error={list.error} onRetry={() => void list.refetch()} />
      ) : hasNoAccess(data, searched) ? (
        <NoAccessPanel
          firmName={data.firmName}
          waiting={data.waiting}
          onReload={() => void list.refetch()}
          reloading={list.isFetching}
        />
      ) : (
        <>
          {data.waiting.length > 0 ? (
            <MessageBar intent="info">
              <MessageBarBody>
                <WaitingList firmName={data.firmName} waiting={data.waiting} />
              </MessageBarBody>
            </MessageBar>
          ) : null}
          <div className={layout.filters}>
            <Field label={t("client.home.search")} className={styles.search}>
              <SearchBox
                value={search}
                placeholder={t("client.home.searchPlaceholder")}
                onChange={(_, value) => setSearch(value.value)}
              />
            </Field>
            <Field label={t("client.home.sort")}>
              <Select value={query.dir} onChange={(_, value) => update({ ...query, dir: sortDirOf(value.value) })}>
                <option value="asc">{t("client.home.sort.asc")}</option>
                <option value="desc">{t("client.home.sort.desc")}</option>
              </Select>
            </Field>
            <Text role="status" className={layout.count}>
              {societeCountText(locale, data.total)}
            </Text>
          </div>
          {list.isError && <ApiErrorBar error={list.error} onRetry={() => void list.refetch()} />}
          {data.items.length === 0 ? (
            <EmptyState
              icon={<SearchRegular />}
              title={t("client.home.noMatch.title")}
              body={t("client.home.noMatch.body")}
            />
          ) : (
            <ul className={styles.list} aria-label={t("client.home.listLabel")}>
              {data.items.map((societe) => (
                <SocieteCard key={societe.dossierId} societe={societe} />
              ))}
            </ul>
          )}
        </>
      )}
    </div>
  );
}
