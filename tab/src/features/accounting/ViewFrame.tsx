import type { ReactNode } from "react";
import { makeStyles, mergeClasses, Spinner } from "@fluentui/react-components";
import type { UseQueryResult } from "@tanstack/react-query";
import { ApiErrorBar } from "../../components/ApiErrorBar";
import { useLayoutStyles } from "../../components/layout-styles";
import { LoadingRows } from "../../components/LoadingRows";
import { useT } from "../../i18n/context";

const useStyles = makeStyles({
  busy: { minHeight: "20px" },
});

interface ViewFrameProps<T> {
  query: UseQueryResult<T>;
  children: (data: T) => ReactNode;
}

/**
 * Skeleton on the first load, the error with *Réessayer*, then the view; while a new period or page
 * loads the current figures stay, marked busy.
 */
export function ViewFrame<T>({ query, children }: ViewFrameProps<T>) {
  const styles = useStyles();
  const layout = useLayoutStyles();
  const t = useT();
  if (query.isPending) return <LoadingRows rows={8} />;
  const refreshing = query.isFetching && query.isPlaceholderData;
  return (
    <div className={mergeClasses(layout.stackM, layout.shrink)} aria-busy={refreshing}>
      {query.isError && <ApiErrorBar error={query.error} onRetry={() => void query.refetch()} />}
      <div className={styles.busy} role="status">
        {refreshing && <Spinner size="extra-tiny" labelPosition="after" label={t("accountingUi.updating")} />}
      </div>
      {query.data !== undefined && children(query.data)}
    </div>
  );
}
