import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { AppError } from "@comptoir/shared";
import { invitationEmail } from "@comptoir/shared/mail/invitation-email";
import { createGraphAdapter, type GraphAdapter } from "../../src/graph/adapter";
import { isTransient } from "../../src/graph/errors";
import { createLocalGraphTokenProvider, type TokenProvider } from "../../src/graph/token";
import { LOCAL_TEAMS_APP_MANIFEST_ID, startLocalGraphServer, type LocalGraphServer } from "../../dev/graph-server";

const TENANT = "7d1c8e6a-3f0b-4d1e-9a51-0c0f1a2b3c4d";
const REDIRECT = "http://localhost:3978/?from=invitation";

let graph: LocalGraphServer;
let getToken: TokenProvider;
let adapter: GraphAdapter;

const prefix = () => `g${randomUUID().replace(/-/g, "").slice(0, 12)}`;
const email = () => `client.${randomUUID().slice(0, 8)}@exemple.fr`;

interface MailboxEntry {
  kind: string;
  to: { address: string }[];
  subject: string;
  body: string;
  links: string[];
}
async function mailbox(server = graph): Promise<MailboxEntry[]> {
  const res = await fetch(`${server.url}/dev/mailbox.json`);
  return ((await res.json()) as { value: MailboxEntry[] }).value;
}

async function failure(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  if (!(e instanceof AppError)) throw new Error(`expected an AppError, got ${String(e)}`);
  return e;
}

beforeAll(async () => {
  graph = await startLocalGraphServer({
    connectionString: inject("azuriteConnectionString"),
    tablePrefix: prefix(),
    tenantId: TENANT,
    organizationName: "Cabinet Dupont & Associés",
  });
  getToken = createLocalGraphTokenProvider({ localUrl: graph.url, tenantId: TENANT });
  adapter = createGraphAdapter({ baseUrl: graph.graphBaseUrl, getToken, retry: { baseDelayMs: 5, maxDelayMs: 20 } });
});
afterAll(() => graph.stop());
beforeEach(() => graph.control.clearFaults());

describe("local Graph server, through the adapter", () => {
  it("issues tokens through MSAL and refuses calls without one, in Graph's error shape", async () => {
    expect((await getToken()).split(".")).toHaveLength(3);
    const res = await fetch(`${graph.graphBaseUrl}/users/${randomUUID()}`);
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: { code: "InvalidAuthenticationToken" } });
  });

  it("invites a guest, pending until they accept", async () => {
    const address = email();
    const invitation = await adapter.inviteGuest({
      email: address,
      displayName: "Client Collaboratif",
      redirectUrl: REDIRECT,
      sendInvitationMessage: false,
      locale: "fr",
    });
    expect(invitation.status).toBe("PendingAcceptance");
    expect(invitation.redeemUrl).toBe(`${graph.url}/redeem/${invitation.invitationId}`);
    const user = await adapter.getUser(invitation.userId);
    expect(user).toMatchObject({
      id: invitation.userId,
      mail: address,
      displayName: "Client Collaboratif",
      userType: "Guest",
      externalUserState: "PendingAcceptance",
      externalUserStateChangeDateTime: null,
    });
  });

  it("redeems: the consent page, then Accept marks the guest Accepted and redirects to the app", async () => {
    const address = email();
    const invitation = await adapter.inviteGuest({
      email: address,
      redirectUrl: REDIRECT,
      sendInvitationMessage: false,
      locale: "fr",
    });

    const page = await fetch(invitation.redeemUrl);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<html lang="fr">');
    expect(html).toContain("Cabinet Dupont &amp; Associés");
    expect(html).toContain(">Accepter</button>");
    expect(html).toContain(address);

    const accepted = await fetch(invitation.redeemUrl, {
      method: "POST",
      body: new URLSearchParams({ decision: "accept" }),
      redirect: "manual",
    });
    expect(accepted.status).toBe(303);
    expect(accepted.headers.get("location")).toBe(REDIRECT);

    const user = await adapter.getUser(invitation.userId);
    expect(user.externalUserState).toBe("Accepted");
    expect(Date.parse(user.externalUserStateChangeDateTime ?? "")).toBeGreaterThan(Date.now() - 60_000);
    expect(await graph.acceptedGuests()).toContainEqual({ oid: invitation.userId, name: address, username: address });
  });

  it("leaves the guest pending when they cancel, and answers 404 for an unknown invitation", async () => {
    const invitation = await adapter.inviteGuest({
      email: email(),
      redirectUrl: REDIRECT,
      sendInvitationMessage: false,
      locale: "en",
    });
    const page = await (await fetch(invitation.redeemUrl)).text();
    expect(page).toContain(">Accept</button>");
    const cancelled = await fetch(invitation.redeemUrl, {
      method: "POST",
      body: new URLSearchParams({ decision: "cancel" }),
    });
    expect(cancelled.status).toBe(200);
    expect((await adapter.getUser(invitation.userId)).externalUserState).toBe("PendingAcceptance");
    expect((await fetch(`${graph.url}/redeem/${randomUUID()}`)).status).toBe(404);
  });

  it("invites the same address again: same guest, a new invitation", async () => {
    const address = email();
    const first = await adapter.inviteGuest({
      email: address,
      redirectUrl: REDIRECT,
      sendInvitationMessage: false,
      locale: "fr",
    });
    const second = await adapter.inviteGuest({
      email: address.toUpperCase(),
      redirectUrl: REDIRECT,
      sendInvitationMessage: false,
      locale: "fr",
    });
    expect(second.userId).toBe(first.userId);
    expect(second.invitationId).not.toBe(first.invitationId);
    expect((await graph.control.stats()).invitationsByEmail[address]).toBe(2);
  });

  it("records Microsoft's own invitation e-mail when asked to send it", async () => {
    const address = email();
    const invitation = await adapter.inviteGuest({
      email: address,
      redirectUrl: REDIRECT,
      sendInvitationMessage: true,
      locale: "fr",
    });
    const mail = (await mailbox()).find((m) => m.kind === "invitation" && m.to[0]?.address === address);
    expect(mail?.subject).toBe(
      "Cabinet Dupont & Associés vous a invité à accéder aux applications de son organisation",
    );
    expect(mail?.links).toEqual([invitation.redeemUrl]);
  });

  it("sends our e-mail through sendMail: it appears in the dev mailbox, newest first, link clickable", async () => {
    const address = email();
    const invitation = await adapter.inviteGuest({
      email: address,
      redirectUrl: REDIRECT,
      sendInvitationMessage: false,
      locale: "fr",
    });
    const content = invitationEmail({
      locale: "fr",
      firmName: "Cabinet Dupont & Associés",
      contactName: "Client Collaboratif",
      identifier: address,
      acceptLink: invitation.redeemUrl,
      spaceLink: "https://comptoir.cabinet.example/#/ma-societe/d-1",
      serviceLabel: "Collaboratif TPE - Offre Consultation",
    });
    await adapter.sendMail({
      sender: "noreply@cabinet-demo.fr",
      to: [{ address, name: "Client Collaboratif" }],
      subject: content.subject,
      html: content.html,
    });
    const [newest] = await mailbox();
    expect(newest).toMatchObject({
      kind: "sendMail",
      subject: content.subject,
      to: [{ address, name: "Client Collaboratif" }],
    });
    expect(newest?.links).toContain(invitation.redeemUrl);

    const page = await fetch(`${graph.url}/dev/mailbox`, { headers: { "Accept-Language": "fr" } });
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).toContain("Boîte aux lettres de développement");
    expect(html).toContain("Cabinet Dupont &amp; Associés vous invite");
    expect(html).toMatch(/<iframe title="[^"]+" sandbox="[^"]*allow-top-navigation-by-user-activation[^"]*" srcdoc="/);
    // The e-mail's markup is inside the frame's (escaped) srcdoc, never live in the page.
    expect(html).not.toContain(`<a href="${invitation.redeemUrl}"`);
  });

  it("installs the Teams app for the guest; a second install is a 409 taken as success", async () => {
    const invitation = await adapter.inviteGuest({
      email: email(),
      redirectUrl: REDIRECT,
      sendInvitationMessage: false,
      locale: "fr",
    });
    expect(await adapter.installAppForUser(invitation.userId, LOCAL_TEAMS_APP_MANIFEST_ID)).toBe("installed");
    expect(await adapter.installAppForUser(invitation.userId, LOCAL_TEAMS_APP_MANIFEST_ID)).toBe("alreadyInstalled");
    const requests = (await graph.control.stats()).requests["POST /v1.0/users/{id}/teamwork/installedApps"];
    expect(requests?.["409"]).toBeGreaterThanOrEqual(1);
    expect((await failure(adapter.installAppForUser(invitation.userId, randomUUID()))).code).toBe(
      "TEAMS_APP_NOT_PUBLISHED",
    );
  });

  it("deletes a guest; getUser then reports GRAPH_NOT_FOUND and a second delete is a no-op", async () => {
    const address = email();
    const invitation = await adapter.inviteGuest({
      email: address,
      redirectUrl: REDIRECT,
      sendInvitationMessage: false,
      locale: "fr",
    });
    expect(await adapter.deleteUser(invitation.userId)).toBe(true);
    const e = await failure(adapter.getUser(invitation.userId));
    expect(e.code).toBe("GRAPH_NOT_FOUND");
    expect(isTransient(e)).toBe(false);
    expect(await adapter.deleteUser(invitation.userId)).toBe(false);
    // Invited again after deletion, the address gets a new guest.
    const again = await adapter.inviteGuest({
      email: address,
      redirectUrl: REDIRECT,
      sendInvitationMessage: false,
      locale: "fr",
    });
    expect(again.userId).not.toBe(invitation.userId);
  });
});

describe("4xx mapping against the local server", () => {
  it("an invalid address is a 400 → INVITE_EMAIL_REJECTED, permanent", async () => {
    const e = await failure(
      adapter.inviteGuest({
        email: "pas-une-adresse",
        redirectUrl: REDIRECT,
        sendInvitationMessage: false,
        locale: "fr",
      }),
    );
    expect(e.code).toBe("INVITE_EMAIL_REJECTED");
    expect(e.params).toMatchObject({ status: 400, graphCode: "BadRequest", attempts: 1 });
    expect(isTransient(e)).toBe(false);
  });

  it("a blocked domain is rejected the same way", async () => {
    const server = await startLocalGraphServer({
      connectionString: inject("azuriteConnectionString"),
      tablePrefix: prefix(),
      tenantId: TENANT,
      blockedDomains: ["bloque.example"],
    });
    try {
      const blocked = createGraphAdapter({
        baseUrl: server.graphBaseUrl,
        getToken: createLocalGraphTokenProvider({ localUrl: server.url, tenantId: TENANT }),
      });
      const e = await failure(
        blocked.inviteGuest({
          email: "x@bloque.example",
          redirectUrl: REDIRECT,
          sendInvitationMessage: false,
          locale: "fr",
        }),
      );
      expect(e.code).toBe("INVITE_EMAIL_REJECTED");
    } finally {
      await server.stop();
    }
  });

  it("a 403 (admin consent missing) → GRAPH_FORBIDDEN, not retried", async () => {
    graph.control.addFault({ match: "POST /v1.0/users/*/sendMail", status: 403 });
    graph.control.resetStats();
    const e = await failure(
      adapter.sendMail({
        sender: "noreply@cabinet-demo.fr",
        to: [{ address: email() }],
        subject: "s",
        html: "<p>h</p>",
      }),
    );
    expect(e.code).toBe("GRAPH_FORBIDDEN");
    expect(e.params).toMatchObject({ graphCode: "Authorization_RequestDenied" });
    expect((await graph.control.stats()).requests["POST /v1.0/users/{id}/sendMail"]).toEqual({ "403": 1 });
  });

  it("a refused client secret → GRAPH_AUTH_FAILED, permanent", async () => {
    const server = await startLocalGraphServer({
      connectionString: inject("azuriteConnectionString"),
      tablePrefix: prefix(),
      tenantId: TENANT,
      credentials: { clientId: "11111111-1111-4111-8111-111111111111", clientSecret: "right" },
    });
    try {
      const wrong = createGraphAdapter({
        baseUrl: server.graphBaseUrl,
        getToken: createLocalGraphTokenProvider({
          localUrl: server.url,
          tenantId: TENANT,
          clientId: "11111111-1111-4111-8111-111111111111",
          clientSecret: "wrong",
        }),
      });
      const e = await failure(wrong.getUser(randomUUID()));
      expect(e.code).toBe("GRAPH_AUTH_FAILED");
      expect(isTransient(e)).toBe(false);
    } finally {
      await server.stop();
    }
  });
});

describe("deterministic faults", () => {
  it("two 503s then success: the call succeeds on its third attempt", async () => {
    graph.control.addFault({ match: "GET /v1.0/users/*", status: 503, times: 2 });
    const invitation = await adapter.inviteGuest({
      email: email(),
      redirectUrl: REDIRECT,
      sendInvitationMessage: false,
      locale: "fr",
    });
    const attempts: number[] = [];
    const counted = createGraphAdapter({
      baseUrl: graph.graphBaseUrl,
      getToken,
      retry: { baseDelayMs: 1, maxDelayMs: 5 },
      onRetry: (e) => attempts.push(e.attempt),
    });
    expect((await counted.getUser(invitation.userId)).id).toBe(invitation.userId);
    expect(attempts).toEqual([1, 2]);
  });

  it("out of attempts on 503s → GRAPH_UNAVAILABLE, transient; a dropped connection is retried too", async () => {
    graph.control.addFault({ match: "GET /v1.0/users/*", status: 503, times: 3 });
    const short = createGraphAdapter({
      baseUrl: graph.graphBaseUrl,
      getToken,
      retry: { maxAttempts: 2, baseDelayMs: 1 },
    });
    const e = await failure(short.getUser(randomUUID()));
    expect(e.code).toBe("GRAPH_UNAVAILABLE");
    expect(isTransient(e)).toBe(true);

    graph.control.clearFaults();
    graph.control.addFault({ match: "POST /v1.0/invitations", reset: true, times: 1 });
    const invitation = await adapter.inviteGuest({
      email: email(),
      redirectUrl: REDIRECT,
      sendInvitationMessage: false,
      locale: "fr",
    });
    expect(invitation.userId).toBeTruthy();
  });

  it("faults are managed over HTTP too", async () => {
    const added = await fetch(`${graph.url}/_control/faults`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ match: "GET /v1.0/users/*", status: 429, retryAfter: 3, times: 1 }),
    });
    expect(added.status).toBe(201);
    const token = await getToken();
    const throttled = await fetch(`${graph.graphBaseUrl}/users/${randomUUID()}`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get("retry-after")).toBe("3");
    expect(await throttled.json()).toMatchObject({ error: { code: "TooManyRequests", innerError: { status: "429" } } });
    expect((await fetch(`${graph.url}/_control/faults`, { method: "DELETE" })).status).toBe(204);
    const bad = await fetch(`${graph.url}/_control/faults`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ match: "nonsense" }),
    });
    expect(bad.status).toBe(400);
  });
});
