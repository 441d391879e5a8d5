import { Button, makeStyles, Text, tokens } from "@fluentui/react-components";
import { ChevronLeftRegular, ChevronRightRegular } from "@fluentui/react-icons";
import { useT } from "../../i18n/context";

const useStyles = makeStyles({
  root: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalM, flexWrap: "wrap" },
  status: { fontVariantNumeric: "tabular-nums" },
});

interface PagerProps {
  /** 0-based, as the server counts. */
  page: number;
  pageCount: number;
  onPage: (page: number) => void;
  busy?: boolean;
}

/** Server pages: previous, "Page 2 sur 5", next. Nothing when there is only one page. */
export function Pager({ page, pageCount, onPage, busy }: PagerProps) {
  const styles = useStyles();
  const t = useT();
  if (pageCount <= 1) return null;
  return (
    <nav className={styles.root} aria-label={t("accountingUi.pager")}>
      <Button icon={<ChevronLeftRegular />} disabled={page <= 0 || busy} onClick={() => onPage(page - 1)}>
        {t("accountingUi.pager.previous")}
      </Button>
      <Text className={styles.status} aria-live="polite">
        {t("accountingUi.pager.status", { page: page + 1, count: pageCount })}
      </Text>
      <Button
        icon={<ChevronRightRegular />}
        iconPosition="after"
        disabled={page >= pageCount - 1 || busy}
        onClick={() => onPage(page + 1)}
      >
        {t("accountingUi.pager.next")}
      </Button>
    </nav>
  );
}
