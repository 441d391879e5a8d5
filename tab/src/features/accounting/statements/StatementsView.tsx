import { useState } from "react";
import { Body1, MessageBar, MessageBarBody, Tab, TabList, useId } from "@fluentui/react-components";
import { DocumentTableRegular } from "@fluentui/react-icons";
import { STATEMENTS_VIEW, type AccountingStatements } from "@comptoir/shared/api/accounting-statements";
import { EmptyState } from "../../../components/EmptyState";
import { useLayoutStyles } from "../../../components/layout-styles";
import { useLocale, useT } from "../../../i18n/context";
import { ExportButtons } from "../ExportButtons";
import { monthLabel } from "../months";
import type { AccountingViewProps } from "../view-props";
import { ViewFrame } from "../ViewFrame";
import { isEmptyStatements, resultRows, sideRows } from "./statement-rows";
import { StatementTable } from "./StatementTable";
import { useStatements } from "./useStatements";

type Statement = "bilan" | "compteDeResultat";
const RESULT_LABELS = {
  exploitation: "statements.result.exploitation",
  financier: "statements.result.financier",
  courantAvantImpots: "statements.result.courantAvantImpots",
  exceptionnel: "statements.result.exceptionnel",
  exercice: "statements.result.exercice",
} as const;

function Statements({ data, statement }: { data: AccountingStatements; statement: Statement }) {
  const t = useT();
  const layout = useLayoutStyles();
  const s = data.statements;
  const prev = data.previousStatements;
  const year = data.exercice.end;
  const previousYear = data.previous?.end ?? null;
  if (isEmptyStatements(s)) {
    return <EmptyState icon={<DocumentTableRegular />} title={t("statements.tab")} body={t("statements.empty")} />;
  }
  const zero = { grossCents: 0, depreciationCents: 0 };
  const tables =
    statement === "bilan" ? (
      <>
        <StatementTable
          caption={`${t("statements.bilan")} · ${t("statements.actif")}`}
          groups={sideRows(s, prev, "actif")}
          withGross
          year={year}
          previousYear={previousYear}
          total={{
            label: t("statements.total.actif"),
            current: s.bilan.totalActif,
            previous: prev ? prev.bilan.totalActif.netCents : null,
          }}
        />
        <StatementTable
          caption={`${t("statements.bilan")} · ${t("statements.passif")}`}
          groups={sideRows(s, prev, "passif")}
          withGross={false}
          year={year}
          previousYear={previousYear}
          total={{
            label: t("statements.total.passif"),
            current: { ...zero, netCents: s.bilan.totalPassifCents },
            previous: prev ? prev.bilan.totalPassifCents : null,
          }}
        />
        {s.bilan.totalActif.netCents !== s.bilan.totalPassifCents && (
          <MessageBar intent="warning">
            <MessageBarBody>{t("statements.unbalanced")}</MessageBarBody>
          </MessageBar>
        )}
      </>
    ) : (
      <>
        <StatementTable
          caption={`${t("statements.compteDeResultat")} · ${t("statements.produits")}`}
          groups={sideRows(s, prev, "produits")}
          withGross={false}
          year={year}
          previousYear={previousYear}
          total={{
            label: t("statements.total.produits"),
            current: { ...zero, netCents: s.compteDeResultat.totalProduitsCents },
            previous: prev ? prev.compteDeResultat.totalProduitsCents : null,
          }}
        />
        <StatementTable
          caption={`${t("statements.compteDeResultat")} · ${t("statements.charges")}`}
          groups={sideRows(s, prev, "charges")}
          withGross={false}
          year={year}
          previousYear={previousYear}
          total={{
            label: t("statements.total.charges"),
            current: { ...zero, netCents: s.compteDeResultat.totalChargesCents },
            previous: prev ? prev.compteDeResultat.totalChargesCents : null,
          }}
          footer={resultRows(s, prev).map((r) => ({ label: t(RESULT_LABELS[r.id]), ...r }))}
        />
      </>
    );
  return (
    <div className={layout.stackM}>
      {tables}
      {s.unclassified.length > 0 && (
        <Body1 as="p" className={layout.muted}>
          {t("statements.unclassified", { accounts: s.unclassified.map((u) => u.compteNum).join(", ") })}
        </Body1>
      )}
    </div>
  );
}

/**
 * États financiers: the bilan (actif with gross, amortissements and net; passif) or the compte de
 * résultat by nature, at the end of the period from the exercice's opening, N-1 beside N when imported.
 */
export function StatementsView({ audience, dossierCode, period, range }: AccountingViewProps) {
  const layout = useLayoutStyles();
  const t = useT();
  const { locale } = useLocale();
  const tabsId = useId("statements");
  const [statement, setStatement] = useState<Statement>("bilan");
  const query = useStatements(audience, period);
  return (
    <div className={layout.stackM}>
      <ExportButtons
        audience={audience}
        view={STATEMENTS_VIEW}
        params={period}
        dossierCode={dossierCode}
        from={range.from}
        to={range.to}
      />
      <TabList
        selectedValue={statement}
        onTabSelect={(_, d) => setStatement(d.value === "compteDeResultat" ? "compteDeResultat" : "bilan")}
        aria-label={t("statements.tabs")}
        size="small"
      >
        <Tab value="bilan" id={`${tabsId}-bilan`}>
          {t("statements.bilan")}
        </Tab>
        <Tab value="compteDeResultat" id={`${tabsId}-compteDeResultat`}>
          {t("statements.compteDeResultat")}
        </Tab>
      </TabList>
      <div role="tabpanel" aria-labelledby={`${tabsId}-${statement}`} className={layout.stackM}>
        <ViewFrame query={query}>
          {(data) => (
            <>
              <Body1 as="p" className={layout.muted}>
                {t("statements.asOf", { date: monthLabel(locale, data.period.to) })}{" "}
                {data.previous === null && t("statements.noPrevious")}
              </Body1>
              <Statements data={data} statement={statement} />
            </>
          )}
        </ViewFrame>
      </div>
    </div>
  );
}
