import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { translate } from "@comptoir/shared";
import { I18nContext } from "../src/i18n/context";
import { LimitedToField } from "../src/components/LimitedToField";

const i18n = {
  locale: "fr" as const,
  setLocale: () => {},
  t: (k: Parameters<typeof translate>[1], p?: Parameters<typeof translate>[2]) => translate("fr", k, p),
};

const ETABLISSEMENTS = [
  { code: "001", name: "Boulangerie de Rennes", siret: "35214896900012" },
  { code: "002", name: "Boulangerie de Vannes", siret: "35214896900020" },
];

describe("Limité à, some établissements", () => {
  it("names each établissement's checkbox by its own label, not by the field's (issue 18)", () => {
    const html = renderToStaticMarkup(
      <I18nContext.Provider value={i18n}>
        <LimitedToField etablissements={ETABLISSEMENTS} value={["001"]} onChange={() => {}} />
      </I18nContext.Provider>,
    );
    const boxes = [...html.matchAll(/<input[^>]*type="checkbox"[^>]*>/g)].map((m) => m[0]);
    expect(boxes).toHaveLength(2);
    const ids = boxes.map((box) => /\bid="([^"]+)"/.exec(box)?.[1]);
    expect(new Set(ids).size).toBe(2);
    for (const [i, box] of boxes.entries()) {
      // Inside the Field, each box took the Field's control id and its aria-labelledby ("Limité à").
      expect(box).not.toMatch(/aria-labelledby=/);
      const label = new RegExp(`<label[^>]*for="${ids[i] ?? "?"}"[^>]*>${ETABLISSEMENTS[i]?.code} – `);
      expect(html).toMatch(label);
    }
  });
});
