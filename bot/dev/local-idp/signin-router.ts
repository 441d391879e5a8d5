import express, { type Request, type Response, type Router } from "express";
import { errorMessageKey, resolveLocale, translate, type Locale } from "@comptoir/shared";
import { HTTP_STATUS } from "../../src/api/http/error-status";
import { loopbackOnly } from "../../src/api/http/loopback-only";
import type { DemoPerson } from "../demo-persons";
import type { LocalIssuer } from "./local-issuer";
import { SIGNIN_COOKIE, sameSecret, signInCookieValue } from "./signin-link";

const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

export interface SignInRouterOptions {
  issuer: LocalIssuer;
  /** Persons to offer; a function because invited guests join the list as they accept. */
  persons: () => Promise<readonly DemoPerson[]>;
  /** This start's secret: only a browser that opened the link printed by `npm start` may sign in. */
  secret: string;
}

/**
 * Local mode only: a page to pick a demo person, which returns a token signed by the local issuer
 * in the URL fragment, the way an implicit-grant redirect would. This machine only, nothing in between
 * (loopback-only.ts), and only for whoever holds this start's secret: another local program or a page of
 * another site cannot mint a Firm.Admin token.
 */
export function createSignInRouter({ issuer, persons, secret }: SignInRouterOptions): Router {
  const router = express.Router();
  router.use(loopbackOnly());
  router.get("/jwks.json", (_req, res) => void res.json(issuer.jwks));
  // The printed link: the secret moves from the URL into a cookie this browser alone sends back.
  router.get("/enter", (req, res) => {
    if (!sameSecret(keyParam(req), secret)) return linkRequired(req, res);
    res.cookie(SIGNIN_COOKIE, secret, { httpOnly: true, sameSite: "strict", path: "/local-idp" });
    res.redirect(303, "/");
  });
  router.use((req, res, next) => {
    const given = signInCookieValue(req.headers.cookie) ?? keyParam(req);
    if (sameSecret(given, secret)) return next();
    linkRequired(req, res);
  });
  router.get("/authorize", (req, res, next) => {
    const locale = resolveLocale(req.headers["accept-language"]);
    const redirectUri = localRedirect(req.query.redirect_uri);
    if (!redirectUri) return void res.status(400).type("text/plain").send(translate(locale, "localSignIn.badRedirect"));
    persons()
      .then((list) => res.type("html").send(page(locale, list, redirectUri, stringParam(req.query.state))))
      .catch(next);
  });
  router.post("/authorize", express.urlencoded({ extended: false, limit: "4kb" }), (req: Request, res, next) => {
    const locale = resolveLocale(req.headers["accept-language"]);
    const form = req.body as Record<string, unknown>;
    const redirectUri = localRedirect(form.redirect_uri);
    if (!redirectUri) return void res.status(400).type("text/plain").send(translate(locale, "localSignIn.badRedirect"));
    (async () => {
      const person = (await persons()).find((p) => p.oid === form.oid);
      if (!person) return void res.status(400).type("text/plain").send(translate(locale, "localSignIn.unknownPerson"));
      const token = await issuer.issue(person);
      const fragment = new URLSearchParams({
        access_token: token,
        token_type: "Bearer",
        expires_in: "3600",
        state: stringParam(form.state),
      });
      res.redirect(303, `${redirectUri}#${fragment.toString()}`);
    })().catch(next);
  });
  return router;
}

/** 403 LOCAL_SIGNIN_LINK_REQUIRED: a page saying to open the link printed by `npm start` (JSON for API clients). */
function linkRequired(req: Request, res: Response): void {
  const locale = resolveLocale(req.headers["accept-language"]);
  const code = "LOCAL_SIGNIN_LINK_REQUIRED";
  const message = translate(locale, errorMessageKey(code));
  res.status(HTTP_STATUS[code]).setHeader("Cache-Control", "no-store");
  if (req.accepts(["html", "json"]) === "json") return void res.json({ code, message });
  const title = escapeHtml(translate(locale, "localSignIn.title"));
  res.type("html").send(`<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · Comptoir</title></head>
<body><main style="max-width:40rem;margin:2rem auto;padding:0 1rem;font-family:system-ui,sans-serif;line-height:1.5">
<h1>${title}</h1><p>${escapeHtml(message)}</p><p><small>${code}</small></p>
</main></body></html>`);
}

/** `?key=`: the link's secret, also accepted on the sign-in page itself (scripts without a cookie jar). */
function keyParam(req: Request): string | undefined {
  return typeof req.query.key === "string" ? req.query.key : undefined;
}

function stringParam(value: unknown): string {
  return typeof value === "string" ? value.slice(0, 200) : "";
}

/** Only loopback origins may receive a token, so the page cannot be used as an open redirect. */
function localRedirect(value: unknown): string | null {
  if (typeof value !== "string") return null;
  try {
    const url = new URL(value);
    if (!["http:", "https:"].includes(url.protocol) || !LOOPBACK_HOSTS.has(url.hostname)) return null;
    url.hash = "";
    return url.toString();
  } catch {
    return null;
  }
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);

function page(locale: Locale, persons: readonly DemoPerson[], redirectUri: string, state: string): string {
  const t = (key: Parameters<typeof translate>[1]) => escapeHtml(translate(locale, key));
  const group = (title: string, list: readonly DemoPerson[]) =>
    list.length === 0
      ? ""
      : `<section><h2>${title}</h2><ul>${list
          .map(
            (p) => `<li><form method="post" action="authorize">
  <input type="hidden" name="oid" value="${escapeHtml(p.oid)}">
  <input type="hidden" name="redirect_uri" value="${escapeHtml(redirectUri)}">
  <input type="hidden" name="state" value="${escapeHtml(state)}">
  <button type="submit"><strong>${escapeHtml(p.name)}</strong><span>${escapeHtml(p.description)}</span><small>${escapeHtml(p.username)}</small></button>
</form></li>`,
          )
          .join("")}</ul></section>`;
  return `<!doctype html>
<html lang="${locale}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${t("localSignIn.title")} · Comptoir</title>
<style>
  :root { color-scheme: light dark; font-family: "Segoe UI", system-ui, sans-serif; }
  body { max-width: 40rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5; }
  ul { list-style: none; padding: 0; display: grid; gap: .5rem; }
  button { width: 100%; text-align: left; display: grid; gap: .15rem; padding: .75rem 1rem; font: inherit;
    border: 1px solid GrayText; border-radius: .5rem; background: Canvas; color: CanvasText; cursor: pointer; }
  button:hover, button:focus-visible { outline: 3px solid Highlight; outline-offset: 2px; }
  small { opacity: .8; }
</style></head>
<body><main>
<h1>${t("localSignIn.title")}</h1>
<p>${t("localSignIn.intro")}</p>
${group(
  t("localSignIn.staff"),
  persons.filter((p) => p.roles.length > 0),
)}
${group(
  t("localSignIn.clients"),
  persons.filter((p) => p.roles.length === 0),
)}
</main></body></html>`;
}
