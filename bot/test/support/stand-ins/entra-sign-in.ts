import express, { type Express, type Request, type Response } from "express";
import type Provider from "oidc-provider";
import type { ErrorOut } from "oidc-provider";
import type { EntraUser } from "./entra";

/** What oidc-provider's interaction asks for: who the person is, or their consent (forced by `prompt=consent`). */
type Prompt = "login" | "consent";

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>
<body><main><h1>${escapeHtml(title)}</h1>${body}</main></body></html>`;
}

function signInForm(action: string, error?: string): string {
  const alert = error ? `<p role="alert">${escapeHtml(error)}</p>` : "";
  return page(
    "Sign in",
    `${alert}<form method="post" action="${escapeHtml(action)}">
<label>Email, phone, or Skype <input type="email" name="loginfmt" autocomplete="username" required></label>
<label>Password <input type="password" name="passwd" autocomplete="current-password" required></label>
<button type="submit">Sign in</button>
<button type="submit" name="cancel" value="yes" formnovalidate>Cancel</button></form>`,
  );
}

function consentForm(action: string, scopes: string): string {
  return page(
    "Permissions requested",
    `<p>${escapeHtml(scopes)}</p><form method="post" action="${escapeHtml(action)}">
<button type="submit" name="consent" value="accept">Accept</button>
<button type="submit" name="cancel" value="yes">Cancel</button></form>`,
  );
}

/** The sign-out confirmation; `form` is oidc-provider's hidden form (`op.logoutForm`) that the button submits. */
export function signOutPage(form: string): string {
  return page(
    "Sign out",
    `<p>Sign out of your account?</p>${form}<button type="submit" form="op.logoutForm" name="logout" value="yes">Sign out</button>`,
  );
}

/** What the authority answers a request it refuses (a wrong redirect URI, an unknown client…). */
export function errorPage(out: ErrorOut): string {
  const lines = Object.entries(out).map(([k, v]) => `<li>${escapeHtml(k)}: ${escapeHtml(String(v))}</li>`);
  return page("Sorry, but we're having trouble signing you in.", `<ul>${lines.join("")}</ul>`);
}

/**
 * The tenant's sign-in page, in place of oidc-provider's development form: the person types their user
 * principal name (any password), the session then names their object id, as Entra's does; a `prompt=consent`
 * request shows a permissions page whose Accept grants what the app asked for. Cancel, on either, sends the
 * app Entra's `access_denied`.
 */
export function mountSignInPages(app: Express, provider: Provider, path: string, users: readonly EntraUser[]): void {
  const handle = (fn: (req: Request, res: Response) => Promise<void>) => (req: Request, res: Response) => {
    fn(req, res).catch((error: unknown) => {
      console.error("Entra stand-in sign-in:", error);
      if (!res.headersSent) res.status(400).type("html").send(page("Sign in", "<p>Something went wrong.</p>"));
    });
  };

  app.get(
    `${path}/:uid`,
    handle(async (req, res) => {
      const { prompt, params } = await provider.interactionDetails(req, res);
      const action = req.originalUrl;
      res.type("html");
      res.send(
        (prompt.name as Prompt) === "consent"
          ? consentForm(action, typeof params.scope === "string" ? params.scope : "")
          : signInForm(action),
      );
    }),
  );

  app.post(
    `${path}/:uid`,
    express.urlencoded({ extended: false, limit: "4kb" }),
    handle(async (req, res) => {
      const details = await provider.interactionDetails(req, res);
      const form = (req.body ?? {}) as Record<string, string | undefined>;
      if (form.cancel) {
        // What Entra sends back to the app when the person backs out.
        const error = {
          error: "access_denied",
          error_description: "AADSTS65004: User declined to consent to access the app.",
        };
        await provider.interactionFinished(req, res, error, { mergeWithLastSubmission: false });
        return;
      }
      if ((details.prompt.name as Prompt) === "consent") {
        const accountId = details.session?.accountId;
        if (!accountId) throw new Error("consent without a signed-in account");
        const grant = details.grantId
          ? await provider.Grant.find(details.grantId)
          : new provider.Grant({ accountId, clientId: String(details.params.client_id) });
        if (!grant) throw new Error("grant not found");
        const missingScope = details.prompt.details.missingOIDCScope;
        if (Array.isArray(missingScope)) grant.addOIDCScope(missingScope.join(" "));
        const missingResourceScopes = details.prompt.details.missingResourceScopes;
        if (missingResourceScopes && typeof missingResourceScopes === "object")
          for (const [resource, scopes] of Object.entries(missingResourceScopes))
            if (Array.isArray(scopes)) grant.addResourceScope(resource, scopes.join(" "));
        const grantId = await grant.save();
        await provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
        return;
      }
      const login = (form.loginfmt ?? "").trim().toLowerCase();
      const user = users.find((u) => u.username.toLowerCase() === login);
      if (!user) {
        res.status(400).type("html");
        res.send(signInForm(req.originalUrl, "AADSTS50034: The user account does not exist in this directory."));
        return;
      }
      await provider.interactionFinished(
        req,
        res,
        { login: { accountId: user.oid } },
        { mergeWithLastSubmission: false },
      );
    }),
  );
}
