import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { computeFinancialStatements, translate, type AccountMonthTotals, type LedgerAggregate } from "@comptoir/shared";
import { I18nContext } from "../src/i18n/context";
import { isEmptyStatements, resultRows, sideRows } from "../src/features/accounting/statements/statement-rows";
import { StatementTable } from "../src/features/accounting/statements/StatementTable";

function aggregate(lines: Array<[compteNum: string, cents: number]>): LedgerAggregate {
  const rows: AccountMonthTotals[] = lines.map(([compteNum, cents]) => ({
    compteNum,
    compAuxNum: "",
    journalCode: "OD",
    month: 202412,
    etablissement: "",
    opening: false,
    debitCents: Math.max(cents, 0),
    creditCents: Math.max(-cents, 0),
    lineCount: 1,
  }));
  return { rows, accountLabels: { "512000": "Banque" }, auxiliaryLabels: {}, journalLabels: {} };
}

// N: a bank in debit, a sale. N-1: a second bank (gone in N), a bigger sale.
const n = computeFinancialStatements(
  aggregate([
    ["512000", 1000],
    ["706000", -1000],
  ]),
);
const n1 = computeFinancialStatements(
  aggregate([
    ["512000", 300],
    ["512100", 200],
    ["706000", -500],
  ]),
);

describe("statement rows", () => {
  it("lists a rubric's accounts of N and N-1 together, each with its N-1 net", () => {
    const dispo = sideRows(n, n1, "actif")
      .flatMap((g) => g.rubrics)
      .find((r) => r.id === "disponibilites");
    expect(dispo?.current.netCents).toBe(1000);
    expect(dispo?.previousNet).toBe(500);
    expect(dispo?.accounts.map((a) => [a.compteNum, a.current?.netCents ?? null, a.previousNet])).toEqual([
      ["512000", 1000, 300],
      ["512100", null, 200],
    ]);
  });

  it("has no N-1 figures when N-1 is not imported, and shows the résultat's part from the compte de résultat", () => {
    const rows = sideRows(n, null, "passif").flatMap((g) => g.rubrics);
    expect(rows.every((r) => r.previousNet === null)).toBe(true);
    expect(rows.find((r) => r.id === "resultatExercice")?.fromIncomeStatement).toEqual({
      current: 1000,
      previous: null,
    });
    expect(resultRows(n, n1).find((r) => r.id === "exercice")).toEqual({
      id: "exercice",
      current: 1000,
      previous: 500,
    });
  });

  it("tells empty statements apart", () => {
    expect(isEmptyStatements(computeFinancialStatements(aggregate([])))).toBe(true);
    expect(isEmptyStatements(n)).toBe(false);
  });
});

describe("the statement table", () => {
  const i18n = {
    locale: "fr" as const,
    setLocale: () => {},
    t: (k: Parameters<typeof translate>[1], p?: Parameters<typeof translate>[2]) => translate("fr", k, p),
  };
  const render = (previousYear: string | null) =>
    renderToStaticMarkup(
      <I18nContext.Provider value={i18n}>
        <StatementTable
          caption="Bilan · Actif"
          groups={sideRows(n, previousYear ? n1 : null, "actif")}
          withGross
          year="2024-12-31"
          previousYear={previousYear}
          total={{ label: "Total actif", current: n.bilan.totalActif, previous: previousYear ? 500 : null }}
        />
      </I18nContext.Provider>,
    );

  it("heads gross, depreciation, net N and net N-1, with a closed expand button per rubric holding accounts", () => {
    const html = render("2023-12-31");
    expect(html.match(/<th[^>]*scope="col"[^>]*>[^<]*/g)?.map((h) => h.replace(/<[^>]*>/, ""))).toEqual([
      "Rubrique",
      "Brut",
      "Amort. et dépréc.",
      "Net 2024-12-31",
      "Net 2023-12-31",
    ]);
    expect(html).toContain('aria-expanded="false"');
    expect(html).toContain('aria-label="Voir les comptes de Disponibilités"');
    expect(html.match(/aria-expanded/g)).toHaveLength(1);
    // Accounts stay closed until asked for.
    expect(html).not.toContain("512000");
  });

  it("drops the N-1 column when N-1 is not imported", () => {
    const html = render(null);
    expect(html.match(/scope="col"/g)).toHaveLength(4);
    expect(html).not.toContain("2023-12-31");
  });
});
