import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEventSchema, type ContactDetail, type ServiceSubscription } from "@comptoir/shared";
import { AuditRepository } from "../../src/core/repos/audit";
import { TABLES } from "../../src/core/repos/tables";
import { collect, listDocuments } from "../../src/core/storage/reads";
import { call, startTestApp, TEST_TENANT, type TestApp } from "./harness";
import { dossierWithOffer, newContact, newRole } from "./fixtures";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ DELETE_GUEST_WITHOUT_SERVICE: "true" });
});
afterAll(() => app.close());

const graphUrl = () => app.running.wiring.localGraphUrl;

async function propose(contactId: string, serviceId: string, dossierId: string) {
  const res = await call<{ subscription: ServiceSubscription }>(
    app,
    "POST",
    `/contacts/${contactId}/dossiers/${dossierId}/services`,
    { body: { serviceId } },
  );
  expect(res.status).toBe(201);
  return res.body.subscription;
}

describe("DELETE_GUEST_WITHOUT_SERVICE", () => {
  it("removes the guest from the tenant once the contact's last service is revoked, not before", async () => {
    const role = await newRole(app);
    const { dossier } = await dossierWithOffer(app);
    const { contact } = await newContact(app, role.id);
    await call(app, "POST", `/contacts/${contact.id}/dossiers`, { body: { dossierId: dossier.id } });
    const first = await propose(contact.id, "consultation", dossier.id);
    const second = await propose(contact.id, "consultation-tpe", dossier.id);
    await app.running.pipeline.idle();
    const guestId = (await call<ContactDetail>(app, "GET", `/contacts/${contact.id}`)).body.contact.guest?.objectId;
    expect(guestId).toBeTruthy();

    await call(app, "POST", `/subscriptions/${first.id}/revoke`);
    expect((await call<ContactDetail>(app, "GET", `/contacts/${contact.id}`)).body.contact.guest?.objectId).toBe(
      guestId,
    );

    await call(app, "POST", `/subscriptions/${second.id}/revoke`);
    expect((await call<ContactDetail>(app, "GET", `/contacts/${contact.id}`)).body.contact.guest).toBeNull();
    const stats = (await (await fetch(`${app.running.wiring.localGraphUrl}/_control/stats`)).json()) as {
      requests: Record<string, Record<string, number>>;
    };
    const deletes = Object.entries(stats.requests).filter(([route]) => route.startsWith("DELETE /v1.0/users"));
    expect(deletes.flatMap(([, byStatus]) => Object.keys(byStatus))).toEqual(["204"]);
  });

  it("never deletes a member: a guest converted to a member is let go of, and the refusal audited", async () => {
    const role = await newRole(app);
    const { dossier } = await dossierWithOffer(app);
    const { contact } = await newContact(app, role.id);
    await call(app, "POST", `/contacts/${contact.id}/dossiers`, { body: { dossierId: dossier.id } });
    const subscription = await propose(contact.id, "consultation", dossier.id);
    await app.running.pipeline.idle();
    const userId = (await call<ContactDetail>(app, "GET", `/contacts/${contact.id}`)).body.contact.guest?.objectId;
    expect(userId).toBeTruthy();
    // An admin makes the guest a member of the firm in Entra (userType Member).
    const converted = await fetch(`${graphUrl()}/_control/users/${userId}`, {
      method: "PATCH",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ userType: "Member" }),
    });
    expect(converted.status).toBe(200);
    await fetch(`${graphUrl()}/_control/stats`, { method: "DELETE" });

    expect((await call(app, "POST", `/subscriptions/${subscription.id}/revoke`)).status).toBe(200);
    const stats = (await (await fetch(`${graphUrl()}/_control/stats`)).json()) as {
      requests: Record<string, Record<string, number>>;
    };
    expect(Object.keys(stats.requests).filter((route) => route.startsWith("DELETE "))).toEqual([]);
    expect(stats.requests["GET /v1.0/users/{id}"]).toEqual({ 200: 1 });
    expect((await call<ContactDetail>(app, "GET", `/contacts/${contact.id}`)).body.contact.guest).toBeNull();
    const events = await collect(
      listDocuments(
        app.running.storage.table(TABLES.audit),
        auditEventSchema,
        AuditRepository.partition(TEST_TENANT),
        "",
      ),
    );
    expect(
      events
        .map((e) => e.value)
        .filter((e) => e.target.id === contact.id)
        .map((e) => e.action)
        .sort(),
    ).toEqual(["contact.created", "contact.guest.deletionRefused", "contact.guest.unbound"]);
  });
});
