import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { translate } from "@comptoir/shared";
import { I18nContext } from "../src/i18n/context";
import { StaffContactsSection } from "../src/features/settings/StaffContactsSection";
import { staffField } from "../src/features/settings/settings-form";

const i18n = {
  locale: "fr" as const,
  setLocale: () => {},
  t: (k: Parameters<typeof translate>[1], p?: Parameters<typeof translate>[2]) => translate("fr", k, p),
};

const CAMILLE = { oid: "oid-camille", name: "Camille Martin" };
const MARC = { oid: "oid-marc", name: "Marc Lefèvre" };

/** Paramètres' « Coordonnées des collaborateurs » with the form's texts and the last save's field errors. */
function section(texts: Record<string, string>, errors: Record<string, string> = {}): string {
  return renderToStaticMarkup(
    <I18nContext.Provider value={i18n}>
      <StaffContactsSection
        people={[CAMILLE, MARC]}
        loading={false}
        loadError={null}
        onRetry={() => {}}
        text={(field) => texts[field] ?? ""}
        errors={errors}
        stored={[]}
        onChange={() => {}}
      />
    </I18nContext.Provider>,
  );
}

/** The value of the input named `label`. */
function valueOf(html: string, label: string): string | undefined {
  const input = [...html.matchAll(/<input[^>]*>/g)].map((m) => m[0]).find((i) => i.includes(`aria-label="${label}"`));
  return input === undefined ? undefined : (/\bvalue="([^"]*)"/.exec(input)?.[1] ?? "");
}

describe("Paramètres, Coordonnées des collaborateurs (issue 18, point 4)", () => {
  it("gives each collaborateur an e-mail and a phone named after them, with the form's values", () => {
    const html = section({
      [staffField(CAMILLE.oid, "email")]: "camille@cabinet.example",
      [staffField(CAMILLE.oid, "phone")]: "01 23 45 67 89",
    });
    expect(html).toContain("Coordonnées des collaborateurs");
    expect(valueOf(html, "E-mail de Camille Martin")).toBe("camille@cabinet.example");
    expect(valueOf(html, "Téléphone de Camille Martin")).toBe("01 23 45 67 89");
    expect(valueOf(html, "E-mail de Marc Lefèvre")).toBe("");
    expect(valueOf(html, "Téléphone de Marc Lefèvre")).toBe("");
  });

  it("puts a refused e-mail's message under that collaborateur's field (the save sends only those filled in)", () => {
    // Only Marc has a detail: he is staffContacts[0] in the body the server refused.
    const html = section({ [staffField(MARC.oid, "email")]: "pas-un-email" }, { "staffContacts.0.email": "Refusé." });
    const rows = html.split("<tr").filter((row) => row.includes("aria-label="));
    expect(rows.find((row) => row.includes("Marc Lefèvre"))).toContain("Refusé.");
    expect(rows.find((row) => row.includes("Camille Martin"))).not.toContain("Refusé.");
  });
});
