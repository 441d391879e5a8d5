import type { IncomingHttpHeaders } from "node:http";
import type { RequestHandler } from "express";
import { AppError } from "@comptoir/shared";

const LOOPBACK_ADDRESSES = new Set(["127.0.0.1", "::1", "::ffff:127.0.0.1"]);
const LOOPBACK_NAMES = new Set(["localhost", "127.0.0.1", "::1", "[::1]"]);
/** `localhost[:port]`, `127.0.0.1[:port]`, `[::1][:port]`: what a browser sends for a page of this machine. */
const LOOPBACK_HOST_HEADER = /^(localhost|127\.0\.0\.1|\[::1\])(:\d{1,5})?$/i;

/** A host name (or a listen address) of this machine only. */
export function isLoopbackName(name: string): boolean {
  return LOOPBACK_NAMES.has(name.trim().toLowerCase());
}

/** A URL whose host is this machine (http or https, no credentials). */
export function isLoopbackUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return ["http:", "https:"].includes(url.protocol) && url.username === "" && isLoopbackName(url.hostname);
  } catch {
    return false;
  }
}

/**
 * Why a request is not from this machine directly, or null. The socket's address alone is not enough: a
 * forwarder on this host (dev tunnel, port forwarding, vite `--host`) connects from loopback too, and a page
 * reached through DNS rebinding names another host. Such forwarders name themselves in `X-Forwarded-*` or
 * `Forwarded`; the browser names the host it believes it talks to in `Host`.
 */
export function notLoopbackReason(
  remoteAddress: string | undefined,
  headers: IncomingHttpHeaders,
): "address" | "host" | "forwarded" | null {
  if (!LOOPBACK_ADDRESSES.has(remoteAddress ?? "")) return "address";
  if (!LOOPBACK_HOST_HEADER.test(headers.host ?? "")) return "host";
  if (Object.keys(headers).some((name) => name === "forwarded" || name.startsWith("x-forwarded-"))) return "forwarded";
  return null;
}

/** Local mode's sign-in page and anonymous bot endpoint: this machine only, nothing in between (LOCAL_ONLY, 403). */
export function loopbackOnly(): RequestHandler {
  return (req, _res, next) => {
    const reason = notLoopbackReason(req.socket.remoteAddress, req.headers);
    if (!reason) return next();
    console.warn(`[local] refused ${req.method} ${req.baseUrl || req.path}: not from this machine (${reason})`);
    next(new AppError("LOCAL_ONLY"));
  };
}
