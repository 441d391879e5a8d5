import { isApiError } from "../api/client";

/** The server's per-field messages (`fields` of a VALIDATION_FAILED body), by path; several join with a space. */
export function fieldErrorsOf(error: unknown): Record<string, string> {
  if (!isApiError(error)) return {};
  const out: Record<string, string> = {};
  for (const { path, message } of error.fields) {
    out[path] = out[path] ? `${out[path]} ${message}` : message;
  }
  return out;
}

/** The message for `field`, including nested paths under it (`subscriptions.consultation.until` for `until`). */
export function fieldError(errors: Record<string, string>, ...paths: string[]): string | undefined {
  const found = Object.entries(errors)
    .filter(([path]) => paths.some((p) => path === p || path.startsWith(`${p}.`)))
    .map(([, message]) => message);
  return found.length > 0 ? found.join(" ") : undefined;
}

/** A stale `If-Match`: someone else saved the record since we read it. */
export function isConflict(error: unknown): boolean {
  return isApiError(error) && (error.status === 412 || error.code === "CONFLICT");
}
