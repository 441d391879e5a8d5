import { errorBodySchema } from "@comptoir/shared/errors";
import type { Locale } from "@comptoir/shared/i18n/locale";
import { translate } from "@comptoir/shared/i18n/translate";
import { ApiError } from "../../api/client";

/** An error answer read outside apiFetch (XHR upload, blob download), turned into the same ApiError. */
export function responseError(status: number, text: string, locale: Locale): ApiError {
  let body: unknown = undefined;
  try {
    body = text ? (JSON.parse(text) as unknown) : undefined;
  } catch {
    body = undefined;
  }
  const parsed = errorBodySchema.safeParse(body);
  if (parsed.success) {
    const { code, message, fields, details } = parsed.data;
    return new ApiError(status, code, message, fields, details);
  }
  const code = status === 0 || status === 502 || status === 503 ? "SERVICE_UNAVAILABLE" : "INTERNAL";
  return new ApiError(status, code, translate(locale, `error.${code}`));
}
