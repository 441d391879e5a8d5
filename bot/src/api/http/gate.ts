import type { Request } from "express";
import type { z } from "zod";
import { AppError, resolveLocale, zodIssuesToFields, type Locale } from "@comptoir/shared";
import type { TokenVerifier } from "../../auth/verify";
import { authenticate } from "./authenticate";
import { isAllowed, type AnyRoute, type GateContext } from "./route";

/**
 * The one gate of every `/api/v1` route, JSON or stream: the bearer token names the caller, the route's
 * audiences must admit them, then its query is parsed.
 */
export async function passGate(
  route: AnyRoute,
  req: Request,
  verify: TokenVerifier,
): Promise<GateContext<string, unknown>> {
  const locale = resolveLocale(req.headers["accept-language"]);
  const principal = await authenticate(req, verify);
  if (!isAllowed(principal, route.allow)) throw new AppError("FORBIDDEN");
  const query = route.query ? parseOrThrow(route.query, req.query, locale) : {};
  return { principal, locale, params: req.params, query };
}

export function parseOrThrow<T>(schema: z.ZodType<T>, value: unknown, locale: Locale): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new AppError("VALIDATION_FAILED", {}, zodIssuesToFields(parsed.error, locale, value));
  return parsed.data;
}
