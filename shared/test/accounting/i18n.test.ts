import { describe, expect, it } from "vitest";
import {
  accountClassLabelKey,
  FEC_ERROR_CODES,
  FEC_WARNING_CODES,
  fecIssueMessageKey,
  fecIssueSeverity,
  KEY_FIGURE_IDS,
  SIG_LINES,
  sigLabelKey,
} from "../../src/accounting";
import { ERROR_CODES } from "../../src/errors";
import { isMessageKey, translate, type MessageKey } from "../../src/i18n";

describe("accounting messages", () => {
  it("every FEC issue code has a French and an English message, blocking ones in the error catalogue", () => {
    for (const code of FEC_ERROR_CODES) {
      expect(ERROR_CODES).toContain(code);
      expect(fecIssueSeverity(code)).toBe("error");
    }
    for (const code of [...FEC_ERROR_CODES, ...FEC_WARNING_CODES]) {
      const key = fecIssueMessageKey(code);
      expect(isMessageKey(key)).toBe(true);
      expect(translate("fr", key)).not.toBe(translate("en", key));
    }
    expect(fecIssueSeverity("FEC_FIELD_EMPTY")).toBe("warning");
  });

  it("interpolates issue parameters", () => {
    const key = fecIssueMessageKey("FEC_UNBALANCED_ENTRY");
    const params = { journalCode: "VE", ecritureNum: "12", debit: "10,00", credit: "9,00" };
    expect(translate("fr", key, params)).toBe(
      "L'écriture 12 du journal VE n'est pas équilibrée : débit 10,00, crédit 9,00.",
    );
    expect(translate("en", key, params)).toBe("Entry 12 in journal VE is not balanced: debit 10,00, credit 9,00.");
  });

  it("has labels for account classes, SIG lines and key figures", () => {
    for (let c = 0; c <= 9; c++) expect(isMessageKey(accountClassLabelKey(c))).toBe(true);
    expect(translate("fr", accountClassLabelKey(4))).toBe("Comptes de tiers");
    for (const line of SIG_LINES) expect(isMessageKey(sigLabelKey(line.id))).toBe(true);
    expect(translate("fr", sigLabelKey("excedentBrutExploitation"))).toBe("Excédent brut d'exploitation");
    for (const id of KEY_FIGURE_IDS) expect(isMessageKey(`accounting.keyFigure.${id}`)).toBe(true);
    expect(translate("en", "accounting.keyFigure.tresorerie" satisfies MessageKey)).toBe("Cash");
  });
});
