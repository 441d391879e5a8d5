import type { z } from "zod";
import type { FieldIssue, Locale } from "@comptoir/shared";

/** Temporary: until shared's localized zod mapping lands, report zod's own messages per field. */
export function fieldsFromZod(error: z.ZodError, _locale: Locale): FieldIssue[] {
  return error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message }));
}
