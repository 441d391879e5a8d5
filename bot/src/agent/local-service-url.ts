import type { RequestHandler } from "express";
import { AppError } from "@comptoir/shared";

/**
 * Local mode's `/api/messages` has no Bot Connector token to check, so the activity's `serviceUrl` is the only
 * thing saying where replies go: it must be the local connector's origin (the Agents Playground), or the bot
 * would post to any address a caller names and remember it for proactive cards. Refused before the SDK sees
 * the activity: nothing stored, nothing sent.
 */
export function localServiceUrlGate(allowedOrigins: readonly string[]): RequestHandler {
  const origins = new Set(allowedOrigins.map(originOf).filter((o): o is string => o !== null));
  return (req, _res, next) => {
    const body: unknown = req.body;
    const serviceUrl = typeof body === "object" && body !== null ? (body as { serviceUrl?: unknown }).serviceUrl : null;
    const origin = typeof serviceUrl === "string" ? originOf(serviceUrl) : null;
    if (origin !== null && origins.has(origin)) return next();
    console.warn("[bot] refused a local activity: its serviceUrl is not the local connector");
    next(new AppError("LOCAL_SERVICE_URL_REFUSED"));
  };
}

/** `http(s)://host:port` of a URL without credentials; null otherwise. */
function originOf(value: string): string | null {
  try {
    const url = new URL(value);
    if (!["http:", "https:"].includes(url.protocol) || url.username !== "" || url.password !== "") return null;
    return url.origin;
  } catch {
    return null;
  }
}
