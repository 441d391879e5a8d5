import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { meResponseSchema } from "@comptoir/shared/identity";
import { translate } from "@comptoir/shared/i18n/translate";
import { apiFetch, ApiError, setApiAuth, setApiLocale } from "../src/api/client";
import type { AuthSession, SessionState } from "../src/auth/session";
import { createTeamsSession } from "../src/auth/teams-auth";
import { fakeTeamsHost } from "./fake-teams-host";

const ORIGIN = "https://comptoir.cabinet.example";

/** Hands the session to the API client as AuthProvider does, and records what the server received. */
function connect(session: AuthSession): { authorization: () => string | undefined } {
  setApiAuth({
    token: (refresh) => session.token(refresh),
    rejected: () => undefined,
    succeeded: () => session.succeeded(),
  });
  let authorization: string | undefined;
  vi.stubGlobal("fetch", (_url: string, init: RequestInit) => {
    authorization = (init.headers as Record<string, string>).Authorization;
    return Promise.resolve(new Response("{}", { status: 200, headers: { "Content-Type": "application/json" } }));
  });
  return { authorization: () => authorization };
}

/** What AuthProvider shows for an error state, in both languages. */
function shown(state: SessionState): { fr: string; en: string } {
  if (state.kind !== "error") throw new Error(`not an error: ${state.kind}`);
  const p = state.problem;
  if ("text" in p) return { fr: p.text, en: p.text };
  return { fr: translate("fr", p.key, p.params), en: translate("en", p.key, p.params) };
}

afterEach(() => {
  vi.unstubAllGlobals();
  setApiAuth(null);
  setApiLocale("fr");
});

describe("Teams SSO once the person has consented", () => {
  it("is signed in without a way to sign out, and every API call carries the host's current token", async () => {
    const host = fakeTeamsHost();
    const session = createTeamsSession(host.authentication, ORIGIN);
    expect(await session.start("first")).toEqual({ kind: "ready", canSignOut: false });
    const server = connect(session);

    await apiFetch("/api/v1/me", { schema: z.unknown() });
    const first = server.authorization();
    expect(first).toBe(`Bearer ${host.lastToken}`);
    await apiFetch("/api/v1/me", { schema: z.unknown() });
    // Never cached by the tab (Microsoft's guidance): the host is asked each time and its latest token goes out.
    expect(server.authorization()).toBe(`Bearer ${host.lastToken}`);
    expect(server.authorization()).not.toBe(first);
    expect(host.popups).toEqual([]);
  });

  it("stays in the host's session when asked to sign out", async () => {
    const session = createTeamsSession(fakeTeamsHost().authentication, ORIGIN);
    expect(await session.signOut()).toEqual({ kind: "ready", canSignOut: false });
  });

  it("shows the server's own (localized) words when it refuses the token", () => {
    const session = createTeamsSession(fakeTeamsHost().authentication, ORIGIN);
    expect(shown(session.rejected("Jeton refusé."))).toEqual({ fr: "Jeton refusé.", en: "Jeton refusé." });
  });
});

describe("Teams SSO before consent", () => {
  it("asks for consent with a button, opens auth-start.html in the host's popup on click, then gets the token", async () => {
    const host = fakeTeamsHost({ consented: false });
    const session = createTeamsSession(host.authentication, ORIGIN);
    expect(await session.start("first")).toEqual({ kind: "consent", failed: false });
    // Hosts block a popup that no click opened: start() never opens one.
    expect(host.popups).toEqual([]);

    expect(await session.consent?.()).toEqual({ kind: "ready", canSignOut: false });
    expect(host.popups).toEqual([{ url: `${ORIGIN}/auth-start.html`, width: 600, height: 535 }]);
    const server = connect(session);
    await apiFetch("/api/v1/me", { schema: z.unknown() });
    expect(server.authorization()).toBe(`Bearer ${host.lastToken}`);
  });

  it.each(["resourceRequiresConsent", "tokenRevoked", "consent_required", "interaction_required"])(
    "reads the host's %s as a request for consent",
    async (consentError) => {
      const session = createTeamsSession(fakeTeamsHost({ consented: false, consentError }).authentication, ORIGIN);
      expect(await session.start("first")).toEqual({ kind: "consent", failed: false });
    },
  );

  it("reads Entra ID's AADSTS65001 passed through by the host as a request for consent", async () => {
    const consentError = "AADSTS65001: The user or administrator has not consented to use the application";
    const session = createTeamsSession(fakeTeamsHost({ consented: false, consentError }).authentication, ORIGIN);
    expect(await session.start("first")).toEqual({ kind: "consent", failed: false });
  });

  it("says consent failed, and asks no token, when the person closes the popup", async () => {
    const host = fakeTeamsHost({ consented: false, popup: "close" });
    const session = createTeamsSession(host.authentication, ORIGIN);
    await session.start("first");
    const asked = host.tokenRequests;
    expect(await session.consent?.()).toEqual({ kind: "consent", failed: true });
    expect(host.tokenRequests).toBe(asked);
  });

  it("says consent failed when the popup came back but the host still needs consent", async () => {
    const host = fakeTeamsHost({ consented: false, popup: "nothing-recorded" });
    const session = createTeamsSession(host.authentication, ORIGIN);
    await session.start("first");
    expect(await session.consent?.()).toEqual({ kind: "consent", failed: true });
    expect(host.popups).toHaveLength(1);
  });

  it("offers the consent again when the person dismissed the host's own consent dialog", async () => {
    const session = createTeamsSession(fakeTeamsHost({ failure: "CancelledByUser" }).authentication, ORIGIN);
    expect(await session.start("first")).toEqual({ kind: "consent", failed: true });
  });

  it("can try again after a failed consent, and gets the token once the person accepts", async () => {
    const host = fakeTeamsHost({ consented: false, popup: "close" });
    const session = createTeamsSession(host.authentication, ORIGIN);
    expect(await session.consent?.()).toEqual({ kind: "consent", failed: true });
    host.popup = "accept";
    expect(await session.consent?.()).toEqual({ kind: "ready", canSignOut: false });
    expect(host.popups).toHaveLength(2);
  });
});

describe("Teams SSO failures", () => {
  it("shows a localized message for a failure that consent cannot fix (resourceDisabled)", async () => {
    const session = createTeamsSession(fakeTeamsHost({ failure: "resourceDisabled" }).authentication, ORIGIN);
    const state = await session.start("first");
    expect(state).toEqual({ kind: "error", problem: { key: "shell.auth.teamsFailed" } });
    expect(shown(state)).toEqual({
      fr: "Microsoft 365 n'a pas pu vous connecter à Comptoir. Réessayez dans un instant.",
      en: "Microsoft 365 could not sign you in to Comptoir. Try again in a moment.",
    });
  });

  it("fails an API call with a localized 401 when the host has no token any more", async () => {
    const session = createTeamsSession(fakeTeamsHost({ failure: "tokenRevoked" }).authentication, ORIGIN);
    connect(session);
    setApiLocale("en");
    const call = apiFetch("/api/v1/me", { schema: meResponseSchema });
    await expect(call).rejects.toEqual(
      new ApiError(401, "AUTH_MISSING_TOKEN", translate("en", "error.AUTH_MISSING_TOKEN")),
    );
  });
});
