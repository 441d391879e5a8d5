import type { ReactNode } from "react";
import { Field, Input, Radio, RadioGroup } from "@fluentui/react-components";
import { ymdToIso } from "@comptoir/shared/accounting/fec/date";
import { formatDay } from "../../../components/format";
import { useToolbarStyles } from "../toolbar-styles";
import { useLocale, useT } from "../../../i18n/context";
import type { AgedChoice } from "./useAgedChoice";

interface AgedToolbarProps {
  /** Clients or suppliers, and the asked date ("" for the server's default). */
  choice: AgedChoice;
  /** The figures on screen, when there are some: the date they were computed at and the exercice's bounds. */
  shown: { date: number; exercice: { start: string; end: string } } | undefined;
  actions?: ReactNode;
}

/** Clients / fournisseurs and the reference date on the left, the exports on the right. */
export function AgedToolbar({ choice, shown, actions }: AgedToolbarProps) {
  const { account, setAccount: onAccount, date, setDate: onDate } = choice;
  const shownDate = shown?.date;
  const bounds = shown?.exercice;
  const toolbar = useToolbarStyles();
  const t = useT();
  const { locale } = useLocale();
  const value = date || (shownDate ? ymdToIso(shownDate) : "");
  return (
    <div className={toolbar.root}>
      <div className={toolbar.filters}>
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
