import { makeStyles, Skeleton, SkeletonItem, tokens } from "@fluentui/react-components";
import { useT } from "../i18n/context";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
});

/** A labelled skeleton while a list or a record loads. */
export function LoadingRows({ rows = 6 }: { rows?: number }) {
  const styles = useStyles();
  const t = useT();
  return (
    <Skeleton className={styles.root} aria-label={t("staff.loading")}>
      {Array.from({ length: rows }, (_, i) => (
        <SkeletonItem key={i} size={24} />
      ))}
    </Skeleton>
  );
}
