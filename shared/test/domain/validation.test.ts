import { describe, expect, it } from "vitest";
import { z } from "zod";
import { contactCreateInputSchema, dossierCreateInputSchema, formatPath, zodIssuesToFields } from "../../src/domain";
import { translate } from "../../src/i18n";

function fieldsOf(schema: z.ZodType, input: unknown, locale: "fr" | "en" = "fr", passInput = true) {
  const result = schema.safeParse(input);
  if (result.success) throw new Error("expected a validation failure");
  return zodIssuesToFields(result.error, locale, passInput ? input : undefined);
}

describe("zodIssuesToFields", () => {
  it("localizes refinement keys, with their params", () => {
    const input = {
      code: "D1",
      name: "Dossier",
      siren: "732829320",
      etablissements: [{ code: "001", name: "Siège", siret: "55210055400013" }],
    };
    expect(fieldsOf(dossierCreateInputSchema, input)).toEqual([
      {
        path: "etablissements.0.siret",
        message: translate("fr", "validation.siretSirenMismatch", { siren: "732829320" }),
      },
    ]);
    expect(fieldsOf(dossierCreateInputSchema, input, "en")[0]?.message).toBe(
      "The SIRET must start with the dossier's SIREN (732829320).",
    );
  });

  it("gives field messages in French by default wording and in English on request", () => {
    const input = { nom: "Dupont", prenom: "Marie", email: "pas-un-email", roleId: "r1", phone: "12" };
    expect(fieldsOf(contactCreateInputSchema, input)).toEqual([
      { path: "email", message: "Saisissez une adresse e-mail valide." },
      { path: "phone", message: translate("fr", "validation.invalidPhone") },
    ]);
    expect(fieldsOf(contactCreateInputSchema, input, "en").map((f) => f.message)).toEqual([
      "Enter a valid e-mail address.",
      translate("en", "validation.invalidPhone"),
    ]);
  });

  it("maps zod's built-in checks to generic messages", () => {
    const schema = z.object({
      a: z.string().trim().min(1),
      b: z.string().max(3),
      c: z.number().int(),
      d: z.enum(["x", "y"]),
    });
    expect(fieldsOf(schema, { a: "  ", b: "long", c: 1.5, d: "z" })).toEqual([
      { path: "a", message: "Ce champ est obligatoire." },
      { path: "b", message: "Saisissez au plus 3 caractères." },
      { path: "c", message: "Saisissez un nombre entier." },
      { path: "d", message: "Choisissez une valeur de la liste." },
    ]);
  });

  it("tells a missing field from a wrongly typed one, with or without the input", () => {
    const schema = z.object({ name: z.string(), age: z.number() });
    const input = { age: "12" };
    const withInput = fieldsOf(schema, input);
    expect(withInput).toEqual([
      { path: "name", message: "Ce champ est obligatoire." },
      { path: "age", message: "Saisissez un nombre valide." },
    ]);
    expect(fieldsOf(schema, input, "fr", false)).toEqual(withInput);
  });

  it("formats nested paths with dots", () => {
    expect(formatPath(["etablissements", 0, "siret"])).toBe("etablissements.0.siret");
    expect(formatPath([])).toBe("");
  });
});
