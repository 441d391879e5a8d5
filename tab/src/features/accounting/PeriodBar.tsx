import { Field, makeStyles, Select, tokens } from "@fluentui/react-components";
import type { AccountingExercice } from "@comptoir/shared/api/accounting";
import { formatDay } from "../../components/format";
import { useLocale, useT } from "../../i18n/context";
import { clampMonthRange, monthLabel, type MonthRange } from "./months";
import { useVisuallyHidden } from "./visually-hidden";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "flex-end",
    gap: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    margin: 0,
    padding: 0,
    border: "none",
    minWidth: 0,
  },
  exercice: { minWidth: "18rem" },
  month: { minWidth: "10rem" },
});

interface PeriodBarProps {
  exercices: readonly AccountingExercice[];
  exercice: AccountingExercice;
  range: MonthRange;
  onExercice: (id: string) => void;
  onRange: (range: MonthRange) => void;
}

/** Exercice, then the first and last month shown: native selects, so keyboards and screen readers know them. */
export function PeriodBar({ exercices, exercice, range, onExercice, onRange }: PeriodBarProps) {
  const styles = useStyles();
  const hidden = useVisuallyHidden();
  const t = useT();
  const { locale } = useLocale();
  const set = (next: Partial<MonthRange>) => {
    const clamped = clampMonthRange(exercice.months, { ...range, ...next });
    if (clamped) onRange(clamped);
  };
  return (
    <fieldset className={styles.root}>
      <legend className={hidden.root}>{t("accountingUi.period")}</legend>
      <Field label={t("accountingUi.period.exercice")} className={styles.exercice}>
        <Select value={exercice.id} onChange={(_, data) => onExercice(data.value)}>
          {exercices.map((e) => (
            <option key={e.id} value={e.id}>
              {t("accountingUi.period.exerciceOption", {
                start: formatDay(locale, e.start),
                end: formatDay(locale, e.end),
              })}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t("accountingUi.period.from")} className={styles.month}>
        <Select value={String(range.from)} onChange={(_, data) => set({ from: Number(data.value) })}>
          {exercice.months.map((m) => (
            <option key={m} value={m} disabled={m > range.to}>
              {monthLabel(locale, m)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t("accountingUi.period.to")} className={styles.month}>
        <Select value={String(range.to)} onChange={(_, data) => set({ to: Number(data.value) })}>
          {exercice.months.map((m) => (
            <option key={m} value={m} disabled={m < range.from}>
              {monthLabel(locale, m)}
            </option>
          ))}
        </Select>
      </Field>
    </fieldset>
  );
}
