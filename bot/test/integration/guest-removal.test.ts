import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ContactDetail, ServiceSubscription } from "@comptoir/shared";
import { call, startTestApp, type TestApp } from "./harness";
import { dossierWithOffer, newContact, newRole } from "./fixtures";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ DELETE_GUEST_WITHOUT_SERVICE: "true" });
});
afterAll(() => app.close());

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
});
