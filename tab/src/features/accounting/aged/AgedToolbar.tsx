import type { ReactNode } from "react";
import { Field, Input, makeStyles, Radio, RadioGroup, tokens } from "@fluentui/react-components";
import { ymdToIso } from "@comptoir/shared/accounting/fec/date";
import { formatDay } from "../../../components/format";
import { useLocale, useT } from "../../../i18n/context";
import type { AgedAccountChoice } from "./useAgedBalance";

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
});

interface AgedToolbarProps {
  account: AgedAccountChoice;
  onAccount: (account: AgedAccountChoice) => void;
  /** `YYYY-MM-DD`, or "" for the default (then `shownDate` is displayed). */
  date: string;
  onDate: (date: string) => void;
  /** The date the figures on screen were computed at (yyyymmdd), and the exercice's bounds (ISO). */
  shownDate: number | undefined;
  bounds: { start: string; end: string } | undefined;
  actions?: ReactNode;
}

/** Clients / fournisseurs and the reference date on the left, the exports on the right. */
export function AgedToolbar({ account, onAccount, date, onDate, shownDate, bounds, actions }: AgedToolbarProps) {
  const styles = useStyles();
  const t = useT();
  const { locale } = useLocale();
  const value = date || (shownDate ? ymdToIso(shownDate) : "");
  return (
    <div className={styles.root}>
      <div className={styles.filters}>
        <Field label={t("agedUi.account")}>
          <RadioGroup
            layout="horizontal"
            value={account}
            onChange={(_, data) => onAccount(data.value === "401" ? "401" : "411")}
          >
            <Radio value="411" label={t("agedUi.account.411")} />
            <Radio value="401" label={t("agedUi.account.401")} />
          </RadioGroup>
        </Field>
        <Field
          label={t("agedUi.date")}
          hint={
            bounds
              ? t("agedUi.date.hint", { start: formatDay(locale, bounds.start), end: formatDay(locale, bounds.end) })
              : undefined
          }
        >
          <Input
            type="date"
            value={value}
            min={bounds?.start}
            max={bounds?.end}
            onChange={(_, data) => {
              // A cleared or half-typed date keeps the figures on screen; only a whole date asks again.
              if (/^\d{4}-\d{2}-\d{2}$/.test(data.value)) onDate(data.value);
            }}
          />
        </Field>
      </div>
      {actions}
    </div>
  );
}
