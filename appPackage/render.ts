/** Teams Toolkit style placeholder: `${{NAME}}`. */
const PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

/** Placeholders that may be unset or empty (production has no name suffix). */
export const OPTIONAL_PLACEHOLDERS: ReadonlySet<string> = new Set(["APP_NAME_SUFFIX"]);

export class MissingPlaceholderError extends Error {
  constructor(readonly names: readonly string[]) {
    super(`No value for placeholder${names.length > 1 ? "s" : ""}: ${names.join(", ")}`);
    this.name = "MissingPlaceholderError";
  }
}

/** Every distinct placeholder name in a template, sorted. */
export function placeholderNames(template: string): string[] {
  return [...new Set([...template.matchAll(PLACEHOLDER)].map((m) => m[1] ?? ""))].sort();
}

/**
 * Fills every `${{VAR}}` of a JSON template. Placeholders always sit inside JSON strings, so values are
 * JSON-escaped. An unset or empty variable (other than the optional ones) is an error naming all of them at once.
 */
export function renderManifest(
  template: string,
  vars: Readonly<Record<string, string | undefined>>,
  optional: ReadonlySet<string> = OPTIONAL_PLACEHOLDERS,
): string {
  const missing = placeholderNames(template).filter((name) => !optional.has(name) && !vars[name]);
  if (missing.length > 0) throw new MissingPlaceholderError(missing);
  return template.replace(PLACEHOLDER, (_match, name: string) => JSON.stringify(vars[name] ?? "").slice(1, -1));
}
