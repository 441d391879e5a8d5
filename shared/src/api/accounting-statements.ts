import { z } from "zod";
import { STATEMENT_GROUPS, type RubricId, type StatementGroupId } from "../accounting/compute/statements-rubrics";
import { isoDateSchema } from "../domain/common";
import { accountingPeriodQuerySchema, accountingViewHeadSchema, exerciceIdSchema } from "./accounting";

/**
 * The financial statements (bilan and compte de résultat) of a dossier, for staff and clients:
 * - `GET …/accounting/etats-financiers?exercice=&to=` → `AccountingStatements`: the position at the end of
 *   the month `to` (the exercice's last month when omitted), from the exercice's opening; `from` is
 *   accepted and ignored, the statements always start with the exercice.
 * - `GET …/accounting/export/etats-financiers.csv|etats-financiers.xlsx` with the same query: both
 *   statements, N and N-1, one row per rubric then its accounts.
 * Money in integer cents; a restricted client's statements come from their établissements' rows only.
 */

const rubricIds = Object.values(STATEMENT_GROUPS).flatMap<RubricId>((side) => side.flatMap((g) => g.rubrics));
const groupIds = Object.values(STATEMENT_GROUPS).flatMap<StatementGroupId>((side) => side.map((g) => g.id));

const amountsShape = {
  grossCents: z.number().int(),
  depreciationCents: z.number().int(),
  netCents: z.number().int(),
};
export const statementAccountSchema = z.object({ compteNum: z.string(), compteLib: z.string(), ...amountsShape });
export const statementRubricSchema = z.object({
  id: z.enum(rubricIds as [RubricId, ...RubricId[]]),
  accounts: z.array(statementAccountSchema),
  ...amountsShape,
});
export const statementGroupSchema = z.object({
  id: z.enum(groupIds as [StatementGroupId, ...StatementGroupId[]]),
  rubrics: z.array(statementRubricSchema),
  ...amountsShape,
});

export const financialStatementsSchema = z.object({
  bilan: z.object({
    actif: z.array(statementGroupSchema),
    passif: z.array(statementGroupSchema),
    totalActif: z.object(amountsShape),
    totalPassifCents: z.number().int(),
    resultatNotInAccountsCents: z.number().int(),
  }),
  compteDeResultat: z.object({
    produits: z.array(statementGroupSchema),
    charges: z.array(statementGroupSchema),
    totalProduitsCents: z.number().int(),
    totalChargesCents: z.number().int(),
    resultatExploitationCents: z.number().int(),
    resultatFinancierCents: z.number().int(),
    resultatCourantAvantImpotsCents: z.number().int(),
    resultatExceptionnelCents: z.number().int(),
    resultatExerciceCents: z.number().int(),
  }),
  unclassified: z.array(z.object({ compteNum: z.string(), compteLib: z.string(), netDebitCents: z.number().int() })),
});
export type FinancialStatementsDto = z.infer<typeof financialStatementsSchema>;

/** @alias The statements take the exercice and the closing month. */
export const statementsQuerySchema = accountingPeriodQuerySchema;
export type StatementsQuery = z.input<typeof statementsQuerySchema>;

export const accountingStatementsSchema = accountingViewHeadSchema.extend({
  statements: financialStatementsSchema,
  /** The same statements at the same month of N-1, when that exercice is imported. */
  previousStatements: financialStatementsSchema.nullable(),
  previous: z
    .object({
      id: exerciceIdSchema,
      start: isoDateSchema,
      end: isoDateSchema,
      period: z.object({ from: z.number().int(), to: z.number().int() }),
    })
    .nullable(),
});
export type AccountingStatements = z.infer<typeof accountingStatementsSchema>;

export const STATEMENTS_VIEW = "etats-financiers" as const;
/** Path of the statements' export under the view prefix, e.g. `export/etats-financiers.xlsx`. */
export function statementsExportPath(format: "csv" | "xlsx"): string {
  return `export/${STATEMENTS_VIEW}.${format}`;
}
