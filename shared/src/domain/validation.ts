import type { z } from "zod";
import type { FieldIssue } from "../errors";
import type { Locale } from "../i18n/locale";
import { validationMessages } from "../i18n/messages/validation";
import { translate, type Params } from "../i18n/translate";

export type ValidationKey = keyof typeof validationMessages;

/**
 * Names the localisable message of a refinement: schemas store the key as the issue message,
 * and `zodIssuesToFields` turns it into text in the caller's language.
 */
export function issueKey(key: ValidationKey): ValidationKey {
  return key;
}

export function isValidationKey(value: string): value is ValidationKey {
  return Object.prototype.hasOwnProperty.call(validationMessages, value);
}

type Issue = z.core.$ZodIssue;

/**
 * Maps zod issues to `{ path, message }` with localized messages, for the `fields` of an error body.
 * Issues whose message is a `validation.*` key are translated with their params; other issues
 * (zod's built-in checks, in any schema) get a generic message chosen from the issue code.
 * Pass the parsed `input` when available: it tells a missing field apart from a wrongly typed one.
 */
export function zodIssuesToFields(
  error: { readonly issues: readonly Issue[] },
  locale: Locale,
  input?: unknown,
): FieldIssue[] {
  const seen = new Set<string>();
  const out: FieldIssue[] = [];
  for (const issue of error.issues) {
    const field = { path: formatPath(issue.path), message: issueMessage(issue, locale, input) };
    const id = `${field.path}\u0000${field.message}`;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push(field);
  }
  return out;
}

/** `["etablissements", 0, "siret"]` → `"etablissements.0.siret"`; the root is `""`. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.map((p) => (typeof p === "symbol" ? (p.description ?? "") : String(p))).join(".");
}

function issueMessage(issue: Issue, locale: Locale, input: unknown): string {
  const key = isValidationKey(issue.message) ? issue.message : genericKey(issue, input);
  return translate(locale, key, issueParams(issue));
}

function issueParams(issue: Issue): Params {
  const params: Params = {};
  if (issue.code === "custom" && issue.params) {
    for (const [name, value] of Object.entries(issue.params)) {
      if (typeof value === "string" || typeof value === "number") params[name] = value;
    }
  }
  if (issue.code === "too_small") params.min = Number(issue.minimum);
  if (issue.code === "too_big") params.max = Number(issue.maximum);
  if (issue.code === "unrecognized_keys") params.keys = issue.keys.join(", ");
  return params;
}

function genericKey(issue: Issue, input: unknown): ValidationKey {
  switch (issue.code) {
    case "invalid_type":
      if (isMissing(issue, input)) return "validation.required";
      if (issue.expected === "int") return "validation.notInteger";
      return issue.expected === "number" ? "validation.invalidNumber" : "validation.invalidType";
    case "too_small":
      if (issue.origin === "string") return Number(issue.minimum) <= 1 ? "validation.required" : "validation.tooShort";
      if (issue.origin === "array" || issue.origin === "set") return "validation.tooFewItems";
      return "validation.tooSmall";
    case "too_big":
      if (issue.origin === "string") return "validation.tooLong";
      if (issue.origin === "array" || issue.origin === "set") return "validation.tooManyItems";
      return "validation.tooBig";
    case "invalid_format":
      switch (issue.format) {
        case "email":
          return "validation.invalidEmail";
        case "date":
          return "validation.invalidDate";
        case "datetime":
          return "validation.invalidTimestamp";
        case "url":
          return "validation.invalidUrl";
        default:
          return "validation.invalidFormat";
      }
    case "invalid_value":
      return "validation.invalidChoice";
    case "not_multiple_of":
      return "validation.invalidNumber";
    case "unrecognized_keys":
      return "validation.unknownField";
    default:
      return "validation.invalid";
  }
}

/** A missing value: known from the input when given, else from zod's default wording. */
function isMissing(issue: Issue, input: unknown): boolean {
  if (input !== undefined) {
    const value = valueAt(input, issue.path);
    return value === undefined || value === null;
  }
  return /received (undefined|null)$/.test(issue.message);
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = root;
  for (const key of path) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}
