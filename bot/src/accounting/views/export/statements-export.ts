import { translate, groupLabelKey, rubricLabelKey, type Locale, type StatementGroup } from "@comptoir/shared";
import type { AccountingStatements, FinancialStatementsDto } from "@comptoir/shared/api/accounting-statements";
import type { CellValue, Column, TableWriter } from "./table-writer";

type Side = "actif" | "passif" | "produits" | "charges";
const SIDE_KEY = {
  actif: "statements.actif",
  passif: "statements.passif",
  produits: "statements.produits",
  charges: "statements.charges",
} as const;

function groupsOf(s: FinancialStatementsDto, side: Side): StatementGroup[] {
  return side === "actif" || side === "passif" ? s.bilan[side] : s.compteDeResultat[side];
}

/** Headers, with the closing dates of N and N-1 in the amount columns. */
function columns(locale: Locale, data: AccountingStatements): Column[] {
  const t = (fr: string, en: string) => (locale === "en" ? en : fr);
  const n = data.exercice.end;
  const n1 = data.previous?.end ?? "N-1";
  return [
    { header: t("État", "Statement"), kind: "text", width: 24 },
    { header: t("Groupe", "Group"), kind: "text", width: 30 },
    { header: t("Rubrique", "Item"), kind: "text", width: 44 },
    { header: t("Compte", "Account"), kind: "text", width: 12 },
    { header: t("Intitulé du compte", "Account name"), kind: "text", width: 30 },
    { header: `${t("Brut", "Gross")} ${n}`, kind: "money" },
    { header: `${t("Amort. et dépréc.", "Depreciation")} ${n}`, kind: "money" },
    { header: `${t("Net", "Net")} ${n}`, kind: "money" },
    { header: `${t("Net", "Net")} ${n1}`, kind: "money" },
  ];
}

/**
 * Both statements as one table: per side, each rubric's line then its accounts, each group's total,
 * the side's total; then the compte de résultat's intermediate results. Gross and depreciation are
 * given on the actif only; the last column is N-1's net (empty when N-1 is not imported).
 */
export async function writeStatements(writer: TableWriter, data: AccountingStatements, locale: Locale): Promise<void> {
  const say = (key: Parameters<typeof translate>[1], params?: Record<string, string>) => translate(locale, key, params);
  const prev = data.previousStatements;
  await writer.start(columns(locale, data));
  const row = (cells: CellValue[]) => writer.row(cells);

  for (const side of ["actif", "passif", "produits", "charges"] as const) {
    const sideName = say(SIDE_KEY[side]);
    const actif = side === "actif";
    const prevGroups = prev ? groupsOf(prev, side) : [];
    const prevRubric = (id: string) => prevGroups.flatMap((g) => g.rubrics).find((r) => r.id === id);
    for (const g of groupsOf(data.statements, side)) {
      const groupName = say(groupLabelKey(g.id));
      for (const r of g.rubrics) {
        const p = prevRubric(r.id);
        const rubricName = say(rubricLabelKey(r.id));
        await row([
          sideName,
          groupName,
          rubricName,
          "",
          "",
          actif ? r.grossCents : null,
          actif ? r.depreciationCents : null,
          r.netCents,
          p?.netCents ?? null,
        ]);
        for (const a of r.accounts) {
          const pa = p?.accounts.find((x) => x.compteNum === a.compteNum);
          await row([
            sideName,
            groupName,
            rubricName,
            a.compteNum,
            a.compteLib,
            actif ? a.grossCents : null,
            actif ? a.depreciationCents : null,
            a.netCents,
            pa?.netCents ?? null,
          ]);
        }
        if (r.id === "resultatExercice") {
          await row([
            sideName,
            groupName,
            rubricName,
            "",
            say("statements.resultatFromIncomeStatement"),
            null,
            null,
            data.statements.bilan.resultatNotInAccountsCents,
            prev?.bilan.resultatNotInAccountsCents ?? null,
          ]);
        }
      }
      const pg = prevGroups.find((x) => x.id === g.id);
      await row([
        sideName,
        groupName,
        say("statements.total.group", { group: groupName }),
        "",
        "",
        actif ? g.grossCents : null,
        actif ? g.depreciationCents : null,
        g.netCents,
        pg?.netCents ?? null,
      ]);
    }
    const totals = {
      actif: [
        say("statements.total.actif"),
        data.statements.bilan.totalActif.netCents,
        prev?.bilan.totalActif.netCents,
      ],
      passif: [say("statements.total.passif"), data.statements.bilan.totalPassifCents, prev?.bilan.totalPassifCents],
      produits: [
        say("statements.total.produits"),
        data.statements.compteDeResultat.totalProduitsCents,
        prev?.compteDeResultat.totalProduitsCents,
      ],
      charges: [
        say("statements.total.charges"),
        data.statements.compteDeResultat.totalChargesCents,
        prev?.compteDeResultat.totalChargesCents,
      ],
    } as const;
    const [label, net, prevNet] = totals[side];
    const gross = actif
      ? [data.statements.bilan.totalActif.grossCents, data.statements.bilan.totalActif.depreciationCents]
      : [null, null];
    await row([sideName, "", label, "", "", ...gross, net, prevNet ?? null]);
  }

  const cr = data.statements.compteDeResultat;
  const pcr = prev?.compteDeResultat;
  const results = [
    ["statements.result.exploitation", cr.resultatExploitationCents, pcr?.resultatExploitationCents],
    ["statements.result.financier", cr.resultatFinancierCents, pcr?.resultatFinancierCents],
    ["statements.result.courantAvantImpots", cr.resultatCourantAvantImpotsCents, pcr?.resultatCourantAvantImpotsCents],
    ["statements.result.exceptionnel", cr.resultatExceptionnelCents, pcr?.resultatExceptionnelCents],
    ["statements.result.exercice", cr.resultatExerciceCents, pcr?.resultatExerciceCents],
  ] as const;
  for (const [key, net, prevNet] of results) {
    await row([say("statements.compteDeResultat"), "", say(key), "", "", null, null, net, prevNet ?? null]);
  }
  await writer.end();
}
