import type { ReactNode } from "react";
import { Field, makeStyles, SearchBox, tokens } from "@fluentui/react-components";
import { useT } from "../../i18n/context";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "flex-end",
    justifyContent: "space-between",
    gap: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
  },
  filters: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "flex-end",
    gap: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
  },
  search: { minWidth: "16rem" },
});

interface ViewToolbarProps {
  search: string;
  onSearch: (value: string) => void;
  /** Already localized. */
  searchPlaceholder: string;
  /** Pickers shown before the search box (account, journal…). */
  filters?: ReactNode;
  /** The export buttons, on the right. */
  actions?: ReactNode;
}

/** A view's filters and search on the left, its exports on the right. */
export function ViewToolbar({ search, onSearch, searchPlaceholder, filters, actions }: ViewToolbarProps) {
  const styles = useStyles();
  const t = useT();
  return (
    <div className={styles.root}>
      <div className={styles.filters} role="search">
        {filters}
        <Field label={t("accountingUi.search")} className={styles.search}>
          <SearchBox
            value={search}
            placeholder={searchPlaceholder}
            onChange={(_, data) => onSearch(data.value)}
            maxLength={100}
          />
        </Field>
      </div>
      {actions}
    </div>
  );
}
