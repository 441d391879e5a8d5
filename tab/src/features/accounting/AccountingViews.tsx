import { useState } from "react";
import { Body1, makeStyles, MessageBar, MessageBarBody, Tab, TabList, tokens, useId } from "@fluentui/react-components";
import { DataBarVerticalRegular } from "@fluentui/react-icons";
import { ApiErrorBar } from "../../components/ApiErrorBar";
import { EmptyState } from "../../components/EmptyState";
import { formatDateTime } from "../../components/format";
import { LoadingRows } from "../../components/LoadingRows";
import { useLocale, useT } from "../../i18n/context";
import type { AccountingAudience } from "./audience";
import { BalanceView } from "./BalanceView";
import { GrandLivreView } from "./GrandLivreView";
import { JournauxView } from "./JournauxView";
import { clampMonthRange, type MonthRange } from "./months";
import { periodParams } from "./period";
import { PeriodBar } from "./PeriodBar";
import { StatementsView } from "./statements/StatementsView";
import { SyntheseView } from "./SyntheseView";
import { AgedBalanceView } from "./aged/AgedBalanceView";
import { EcheancierView } from "./aged/EcheancierView";
import { useExercices, useSynthese } from "./useAccounting";
import type { AccountingViewProps } from "./view-props";
import { ViewFrame } from "./ViewFrame";

const VIEWS = [
  "synthese",
  "balance",
  "grand-livre",
  "journaux",
  "etats-financiers",
  "balance-agee",
  "echeancier",
] as const;
type View = (typeof VIEWS)[number];
const VIEW_LABELS = {
  synthese: "accountingUi.tab.synthese",
  balance: "accountingUi.tab.balance",
  "grand-livre": "accountingUi.tab.grandLivre",
  journaux: "accountingUi.tab.journaux",
  "etats-financiers": "statements.tab",
  "balance-agee": "agedUi.tab.agedBalance",
  echeancier: "agedUi.tab.echeancier",
} as const;

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL, minWidth: 0 },
  source: { margin: 0, color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  panel: { paddingTop: tokens.spacingVerticalS, minWidth: 0 },
});

export interface AccountingViewsProps {
  audience: AccountingAudience;
  /** For export file names. */
  dossierCode: string;
  /** Controlled exercice (closing date); staff select the one they just imported. */
  selectedExercice?: string | null;
  onSelectExercice?: (id: string) => void;
}

function SyntheseTab({ audience, period }: AccountingViewProps) {
  const synthese = useSynthese(audience, period);
  return <ViewFrame query={synthese}>{(data) => <SyntheseView data={data} />}</ViewFrame>;
}

/**
 * The accounting of one dossier as staff and clients read it: period bar, then Synthèse, Balance,
 * Grand livre and Journaux. Read-only; the server decides what the audience may see.
 */
export default function AccountingViews({
  audience,
  dossierCode,
  selectedExercice,
  onSelectExercice,
}: AccountingViewsProps) {
  const styles = useStyles();
  const t = useT();
  const { locale } = useLocale();
  const tabsId = useId("accounting-view");
  const exercices = useExercices(audience);
  const [ownChoice, setOwnChoice] = useState<string | null>(null);
  const [rangeOf, setRangeOf] = useState<{ exercice: string; range: MonthRange } | null>(null);
  const [view, setView] = useState<View>("synthese");

  if (exercices.isPending) return <LoadingRows rows={6} />;
  if (exercices.isError && !exercices.data) {
    return <ApiErrorBar error={exercices.error} onRetry={() => void exercices.refetch()} />;
  }
  const items = exercices.data.items;
  const choice = selectedExercice ?? ownChoice;
  const exercice = items.find((e) => e.id === choice) ?? items[0];
  if (!exercice) {
    return (
      <EmptyState
        icon={<DataBarVerticalRegular />}
        title={t("accountingUi.empty.title")}
        body={t(audience.kind === "staff" ? "accountingUi.empty.staff" : "accountingUi.empty.client")}
      />
    );
  }
  const whole = clampMonthRange(exercice.months, {});
  const range = (rangeOf?.exercice === exercice.id ? rangeOf.range : whole) ?? { from: 0, to: 0 };
  const props: AccountingViewProps = { audience, dossierCode, period: periodParams(exercice, range), range };
  const selectExercice = (id: string) => {
    setOwnChoice(id);
    onSelectExercice?.(id);
  };
  const tabId = (v: View) => `${tabsId}-${v}`;
  const importedAt = formatDateTime(locale, exercice.importedAt);

  return (
    <div className={styles.root}>
      {exercices.data.restricted && (
        <MessageBar intent="info">
          <MessageBarBody>{t("accountingUi.restricted")}</MessageBarBody>
        </MessageBar>
      )}
      <PeriodBar
        exercices={items}
        exercice={exercice}
        range={range}
        onExercice={selectExercice}
        onRange={(next) => setRangeOf({ exercice: exercice.id, range: next })}
      />
      <Body1 as="p" className={styles.source}>
        {exercice.fileName && exercice.importedBy
          ? t("accountingUi.sourceStaff", {
              fileName: exercice.fileName,
              date: importedAt,
              name: exercice.importedBy.name,
            })
          : t("accountingUi.source", { date: importedAt })}
      </Body1>
      <TabList
        selectedValue={view}
        onTabSelect={(_, data) => setView(VIEWS.find((v) => v === data.value) ?? "synthese")}
        aria-label={t("accountingUi.tabs")}
      >
        {VIEWS.map((v) => (
          <Tab key={v} value={v} id={tabId(v)}>
            {t(VIEW_LABELS[v])}
          </Tab>
        ))}
      </TabList>
      <div role="tabpanel" aria-labelledby={tabId(view)} className={styles.panel}>
        {view === "synthese" && <SyntheseTab {...props} />}
        {view === "balance" && <BalanceView {...props} />}
        {view === "grand-livre" && <GrandLivreView {...props} />}
        {view === "journaux" && <JournauxView {...props} />}
        {view === "etats-financiers" && <StatementsView {...props} />}
        {view === "balance-agee" && <AgedBalanceView {...props} />}
        {view === "echeancier" && <EcheancierView {...props} />}
      </div>
    </div>
  );
}
