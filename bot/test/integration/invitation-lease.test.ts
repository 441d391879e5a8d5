import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
import { startInvitationPipeline, type GuestGraph, type InvitationPipeline } from "../../src/jobs/invitations/pipeline";
import { startTestApp, TEST_TENANT, type TestApp } from "./harness";
import { newContact, newRole, unique } from "./fixtures";

vi.setConfig({ testTimeout: 60_000 });

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app.close();
});

/** A Graph whose invitations take `inviteMs` (a machine under load), counting each POST /invitations. */
function slowGraph(inviteMs: number) {
  const invited: string[] = [];
  const graph: GuestGraph = {
    mailbox: "cabinet@exemple.fr",
    inviteGuest: async ({ email }) => {
      invited.push(email);
      await new Promise((r) => setTimeout(r, inviteMs));
      return { objectId: `guest-${email}`, redeemUrl: "https://login.example/redeem" };
    },
    sendMail: () => Promise.resolve(),
    installApp: () => Promise.resolve(),
    lookupUser: () => Promise.resolve({ userType: "Guest", externalUserState: "PendingAcceptance" }),
    deleteGuest: () => Promise.resolve(),
    isTransient: () => false,
  };
  return { graph, invited };
}

describe("the invitation pipeline's lease", () => {
  it("is renewed while a slow invitation runs, so a second delivery of the job never invites twice", async () => {
    const roleId = (await newRole(app)).id;
    const { contact } = await newContact(app, roleId);
    const subscriptionId = unique("sub-lease-");
    const now = new Date().toISOString();
    // A proposed subscription this test's own pipeline alone works on (the app's pipeline never gets its job).
    await app.running.deps.repos.subscriptions.create(TEST_TENANT, {
      id: subscriptionId,
      contactId: contact.id,
      dossierId: unique("d-lease-"),
      serviceId: "consultation",
      status: "proposed",
      history: [{ status: "proposed", at: now, by: { oid: "test", name: "Test" } }],
      lastError: null,
    });
    // The invitation outlasts the lease many times over, and the doubled message's retry (2 s later) too.
    const { graph, invited } = slowGraph(3_000);
    const pipeline: InvitationPipeline = await startInvitationPipeline(app.running.deps, {
      connectionString: inject("azuriteConnectionString"),
      queuePrefix: unique("lease").toLowerCase(),
      graph,
      composeMail: () => ({ subject: "Invitation", html: "<p>Invitation</p>", text: "Invitation" }),
      clientAppUrl: "https://comptoir.example/client",
      sendInvitationMessage: false,
      invitationsPerWindow: 150,
      invitationWindowMs: 5_000,
      mailsPerMinute: 600,
      concurrency: 4,
      idleMs: 50,
      maxAttempts: 5,
      leaseMs: 600,
    });
    try {
      const job = { tenantId: TEST_TENANT, subscriptionId };
      await Promise.all([pipeline.enqueue(job), pipeline.enqueue(job)]);
      await pipeline.idle();
      expect(invited).toEqual([contact.email]);
      const state = await app.running.deps.repos.invitations.get(TEST_TENANT, subscriptionId);
      expect(state?.value.guestObjectId).toBe(`guest-${contact.email}`);
      expect(state?.value.leaseUntil).toBeNull();
      const sub = await app.running.deps.repos.subscriptions.get(TEST_TENANT, subscriptionId);
      expect(sub?.value.status).toBe("invited");
    } finally {
      await pipeline.stop();
    }
  });
});
