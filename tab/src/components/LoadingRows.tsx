import { Skeleton, SkeletonItem } from "@fluentui/react-components";
import { useT } from "../i18n/context";
import { useLayoutStyles } from "./layout-styles";

/** A labelled skeleton while a list or a record loads. */
export function LoadingRows({ rows = 6 }: { rows?: number }) {
  const layout = useLayoutStyles();
  const t = useT();
  return (
    <Skeleton className={layout.stackM} aria-label={t("staff.loading")}>
      {Array.from({ length: rows }, (_, i) => (
        <SkeletonItem key={i} size={24} />
      ))}
    </Skeleton>
  );
}
