import { useCallback, useEffect, useRef, useState } from "react";
import { Field, makeStyles, SearchBox, Select, Text, Title1, tokens } from "@fluentui/react-components";
import { SearchRegular } from "@fluentui/react-icons";
import { useSearchParams } from "react-router";
import { useDocumentTitle } from "../../app/useDocumentTitle";
import { ApiErrorBar } from "../../components/ApiErrorBar";
import { EmptyState } from "../../components/EmptyState";
import { LoadingRows } from "../../components/LoadingRows";
import { useLocale, useT } from "../../i18n/context";
import { NoAccessPanel } from "./NoAccessPanel";
import { SocieteCard } from "./SocieteCard";
import {
  hasNoAccess,
  readSocietesQuery,
  societeCountText,
  sortDirOf,
  writeSocietesQuery,
  type SocietesQuery,
} from "./societes-query";
import { useClientSocietes } from "./useClientSocietes";

const SEARCH_DELAY_MS = 300;

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
  flush: { margin: 0 },
  toolbar: { display: "flex", flexWrap: "wrap", alignItems: "flex-end", gap: tokens.spacingHorizontalL },
  search: { minWidth: "16rem", flexGrow: 1, maxWidth: "28rem" },
  count: { marginLeft: "auto", color: tokens.colorNeutralForeground2 },
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
  const t = useT();
  const { locale } = useLocale();
  const [params, setParams] = useSearchParams();
  const query = readSocietesQuery(params);
  const [search, setSearch] = useState(query.q);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const title = t("shell.nav.clientHome");
  useDocumentTitle(title);

  useEffect(() => () => clearTimeout(timer.current), []);

  const update = useCallback(
    (next: SocietesQuery) => setParams(writeSocietesQuery(next), { replace: true }),
    [setParams],
  );

  function onSearch(value: string) {
    setSearch(value);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => update({ ...query, q: value }), SEARCH_DELAY_MS);
  }

  const list = useClientSocietes(query);
  const data = list.data;
  // While a new search is on its way, the cards shown answer another query: never read them as "no access".
  const searched = query.q.trim() !== "" || list.isPlaceholderData;

  return (
    <div className={styles.root}>
      <Title1 as="h1" className={styles.flush}>
        {title}
      </Title1>
      {list.isPending ? (
        <LoadingRows rows={3} />
      ) : !data ? (
        <ApiErrorBar error={list.error} onRetry={() => void list.refetch()} />
      ) : hasNoAccess(data, searched) ? (
        <NoAccessPanel firmName={data.firmName} onReload={() => void list.refetch()} reloading={list.isFetching} />
      ) : (
        <>
          <div className={styles.toolbar}>
            <Field label={t("client.home.search")} className={styles.search}>
              <SearchBox
                value={search}
                placeholder={t("client.home.searchPlaceholder")}
                onChange={(_, value) => onSearch(value.value)}
              />
            </Field>
            <Field label={t("client.home.sort")}>
              <Select value={query.dir} onChange={(_, value) => update({ ...query, dir: sortDirOf(value.value) })}>
                <option value="asc">{t("client.home.sort.asc")}</option>
                <option value="desc">{t("client.home.sort.desc")}</option>
              </Select>
            </Field>
            <Text role="status" className={styles.count}>
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
