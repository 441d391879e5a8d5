import type { ReactNode } from "react";
import { Field, makeStyles, SearchBox } from "@fluentui/react-components";
import { useToolbarStyles } from "./toolbar-styles";
import { useT } from "../../i18n/context";

const useStyles = makeStyles({
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
  const toolbar = useToolbarStyles();
  const t = useT();
  return (
    <div className={toolbar.root}>
      <div className={toolbar.filters} role="search">
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
