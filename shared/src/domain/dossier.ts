import { z } from "zod";
import { actorSchema, definedEntries, idSchema, isoTimestampSchema, optionalTextSchema, textSchema } from "./common";
import { compactIdentifier, isValidSiren, isValidSiret } from "./identifiers";
import { issueKey } from "./validation";

/** Codes chosen by the firm (dossier `000097`, `RPTEST2`; établissement `001`). */
const CODE_CHARS = /^[A-Za-z0-9 _-]+$/;

export const dossierCodeSchema = textSchema(20).regex(CODE_CHARS, issueKey("validation.invalidDossierCode"));

/** Uniqueness key of a dossier code: `rptest2` and `RPTEST2 ` are the same dossier. */
export function dossierCodeKey(code: string): string {
  return code.trim().replace(/\s+/g, " ").toUpperCase();
}

export const etablissementCodeSchema = textSchema(10).regex(
  CODE_CHARS,
  issueKey("validation.invalidEtablissementCode"),
);

/** Uniqueness key of an établissement code within its dossier. */
export function etablissementCodeKey(code: string): string {
  return code.trim().toUpperCase();
}

export const sirenSchema = z
  .string()
  .transform(compactIdentifier)
  .refine(isValidSiren, issueKey("validation.invalidSiren"));

/** Optional SIREN: blank or `null` means none. */
export const optionalSirenSchema = z
  .string()
  .transform(compactIdentifier)
  .refine((s) => s === "" || isValidSiren(s), issueKey("validation.invalidSiren"))
  .transform((s) => s || null)
  .nullable();

export const siretSchema = z
  .string()
  .transform(compactIdentifier)
  .refine(isValidSiret, issueKey("validation.invalidSiret"));

export const LEGAL_FORMS = [
  "EI",
  "EURL",
  "SARL",
  "SAS",
  "SASU",
  "SA",
  "SNC",
  "SCS",
  "SCA",
  "SCI",
  "SCP",
  "SCM",
  "SELARL",
  "SELAS",
  "SCOP",
  "GIE",
  "GAEC",
  "EARL",
  "ASSOCIATION",
  "AUTRE",
] as const;
export const legalFormSchema = z.enum(LEGAL_FORMS);
export type LegalForm = z.infer<typeof legalFormSchema>;

/** NAF (APE) code, e.g. `62.01Z`; `6201z` is accepted and normalised. */
const NAF_PATTERN = /^\d{2}\.\d{2}[A-Z]$/;
export function normalizeNafCode(input: string): string {
  const s = input.trim().toUpperCase();
  return /^\d{4}[A-Z]$/.test(s) ? `${s.slice(0, 2)}.${s.slice(2)}` : s;
}
export const optionalNafCodeSchema = z
  .string()
  .transform(normalizeNafCode)
  .refine((s) => s === "" || NAF_PATTERN.test(s), issueKey("validation.invalidNafCode"))
  .transform((s) => s || null)
  .nullable();

/** Days per month; 29 February is allowed (the closing then falls on the last day of February). */
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

export function isValidMonthDay(value: string): boolean {
  const m = /^(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const month = Number(m[1]);
  const day = Number(m[2]);
  const max = DAYS_IN_MONTH[month - 1];
  return max !== undefined && day >= 1 && day <= max;
}

/** Closing date of the fiscal year, `MM-DD`. */
export const fiscalYearEndSchema = z
  .string()
  .trim()
  .refine(isValidMonthDay, issueKey("validation.invalidFiscalYearEnd"));
export const DEFAULT_FISCAL_YEAR_END = "12-31";

export const addressSchema = z
  .object({
    line1: textSchema(100),
    line2: optionalTextSchema(100).default(null),
    postalCode: z.string().trim(),
    city: textSchema(80),
    country: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{2}$/, issueKey("validation.invalidCountry"))
      .default("FR"),
  })
  .superRefine((a, ctx) => {
    // French postcodes are 5 digits; a foreign address keeps its own format.
    const ok = a.country === "FR" ? /^\d{5}$/.test(a.postalCode) : /^[A-Za-z0-9 -]{2,10}$/.test(a.postalCode);
    if (!ok) {
      ctx.addIssue({
        code: "custom",
        path: ["postalCode"],
        message: issueKey(a.country === "FR" ? "validation.invalidPostalCode" : "validation.invalidForeignPostalCode"),
      });
    }
  });
export type Address = z.infer<typeof addressSchema>;

export const etablissementSchema = z.object({
  code: etablissementCodeSchema,
  name: textSchema(120),
  siret: siretSchema,
});
export type Etablissement = z.infer<typeof etablissementSchema>;

export const etablissementsSchema = z
  .array(etablissementSchema)
  .max(500)
  .superRefine((list, ctx) => {
    const seen = new Set<string>();
    list.forEach((e, i) => {
      const key = etablissementCodeKey(e.code);
      if (seen.has(key)) {
        ctx.addIssue({
          code: "custom",
          path: [i, "code"],
          message: issueKey("validation.duplicateEtablissementCode"),
          params: { code: e.code },
        });
      }
      seen.add(key);
    });
  });

/** State of the paid Consultation offer on one dossier ("la vignette devient bleue"). */
export const consultationOfferStateSchema = z.object({
  active: z.boolean(),
  activatedAt: isoTimestampSchema.nullable(),
  activatedBy: actorSchema.nullable(),
});
export type ConsultationOfferState = z.infer<typeof consultationOfferStateSchema>;

/** The collaborative tile on the dossier's dashboard: "Initialiser" + "Activation de l'extension". */
export const collaborativeWidgetSchema = z.object({
  initialized: z.boolean(),
  extensionActive: z.boolean(),
  at: isoTimestampSchema.nullable(),
  by: actorSchema.nullable(),
});
export type CollaborativeWidget = z.infer<typeof collaborativeWidgetSchema>;

/** The fields a staff member edits. Optional ones default to `null` (or "12-31", or no établissement). */
const dossierFields = {
  code: dossierCodeSchema,
  name: textSchema(120),
  siren: optionalSirenSchema.default(null),
  legalForm: legalFormSchema.nullable().default(null),
  address: addressSchema.nullable().default(null),
  nafCode: optionalNafCodeSchema.default(null),
  fiscalYearEnd: fiscalYearEndSchema.default(DEFAULT_FISCAL_YEAR_END),
  /** The firm's collaborateur in charge of the dossier. */
  responsible: actorSchema.nullable().default(null),
  etablissements: etablissementsSchema.default([]),
};

/** Cross-field rule: an établissement of a dossier with a SIREN carries that SIREN in its SIRET. */
function checkSiretsMatchSiren(
  d: { siren: string | null; etablissements: readonly Etablissement[] },
  ctx: z.RefinementCtx,
): void {
  const siren = d.siren;
  if (siren === null) return;
  d.etablissements.forEach((e, i) => {
    if (!e.siret.startsWith(siren)) {
      ctx.addIssue({
        code: "custom",
        path: ["etablissements", i, "siret"],
        message: issueKey("validation.siretSirenMismatch"),
        params: { siren },
      });
    }
  });
}

/** `POST /dossiers` body. Offer and widget states are not part of it: they have their own actions. */
export const dossierCreateInputSchema = z.object(dossierFields).superRefine(checkSiretsMatchSiren);
export type DossierCreateInput = z.input<typeof dossierCreateInputSchema>;
export type DossierCreateData = z.output<typeof dossierCreateInputSchema>;

/**
 * `PATCH /dossiers/:id` body: only the keys present change; `null` clears an optional field.
 * The SIRET/SIREN rule is checked on the merged result by `applyDossierUpdate`.
 */
export const dossierUpdateInputSchema = z.object({
  code: dossierCodeSchema.optional(),
  name: textSchema(120).optional(),
  siren: optionalSirenSchema.optional(),
  legalForm: legalFormSchema.nullable().optional(),
  address: addressSchema.nullable().optional(),
  nafCode: optionalNafCodeSchema.optional(),
  fiscalYearEnd: fiscalYearEndSchema.optional(),
  responsible: actorSchema.nullable().optional(),
  etablissements: etablissementsSchema.optional(),
});
export type DossierUpdateInput = z.input<typeof dossierUpdateInputSchema>;
export type DossierUpdateData = z.output<typeof dossierUpdateInputSchema>;

/** The stored dossier. */
export const dossierSchema = z
  .object({
    id: idSchema,
    ...dossierFields,
    offers: z.object({ consultation: consultationOfferStateSchema }),
    collaborativeWidget: collaborativeWidgetSchema,
    createdAt: isoTimestampSchema,
    updatedAt: isoTimestampSchema,
  })
  .superRefine(checkSiretsMatchSiren);
export type Dossier = z.infer<typeof dossierSchema>;

/** A new dossier: offer off, widget not initialised. `data` comes from `dossierCreateInputSchema`. */
export function createDossier(data: DossierCreateData, ctx: { id: string; now: Date }): Dossier {
  const at = ctx.now.toISOString();
  return {
    id: ctx.id,
    ...data,
    offers: { consultation: { active: false, activatedAt: null, activatedBy: null } },
    collaborativeWidget: { initialized: false, extensionActive: false, at: null, by: null },
    createdAt: at,
    updatedAt: at,
  };
}

/**
 * Applies a parsed PATCH body. Throws the `ZodError` of the merged dossier when a cross-field
 * rule breaks (map it with `zodIssuesToFields`); code uniqueness is the storage's job.
 */
export function applyDossierUpdate(dossier: Dossier, patch: DossierUpdateData, now: Date): Dossier {
  return dossierSchema.parse({ ...dossier, ...definedEntries(patch), updatedAt: now.toISOString() });
}

export function findEtablissement(dossier: Pick<Dossier, "etablissements">, code: string): Etablissement | undefined {
  const key = etablissementCodeKey(code);
  return dossier.etablissements.find((e) => etablissementCodeKey(e.code) === key);
}
