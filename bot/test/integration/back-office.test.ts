import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type {
  AuditEvent,
  ContactDetail,
  Dossier,
  DossierDetail,
  DossierPage,
  ServiceSubscription,
} from "@comptoir/shared";
import { call, PERSONS, startTestApp, type TestApp } from "./harness";
import { dossierWithOffer, newContact, newDossier, newRole, setSubscription, unique } from "./fixtures";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

const SEED_SENTENCE =
  "Cette offre de service est soumise à un abonnement payant. Veuillez contacter votre service commercial pour de plus amples renseignements";

describe("Consultation offer", () => {
  /** The refusal's message: the seed's sentence, then the reason and the next step for its reader. */
  async function refusal(as: (typeof PERSONS)["admin" | "staff"], lang = "fr") {
    const { dossier, etag } = await newDossier(app);
    const res = await call(app, "PUT", `/dossiers/${dossier.id}/offers/consultation`, {
      as,
      lang,
      etag,
      body: { active: true },
    });
    expect(res.status).toBe(402);
    return res.body as { code: string; message: string; details: Record<string, unknown> };
  }

  it("is refused without a subscription: the seed's sentence, why, and who can fix it", async () => {
    await setSubscription(app, { active: false, maxDossiers: null, until: null });
    const staff = await refusal(PERSONS.staff);
    expect(staff).toMatchObject({ code: "SUBSCRIPTION_REQUIRED", details: { reason: "inactive", reader: "staff" } });
    expect(staff.message).toBe(
      `${SEED_SENTENCE}. Motif : l'abonnement Consultation du cabinet n'est pas actif. Demandez à un administrateur de Comptoir dans votre cabinet de l'activer dans Paramètres.`,
    );
    const admin = await refusal(PERSONS.admin);
    expect(admin.message).toBe(
      `${SEED_SENTENCE}. Motif : l'abonnement Consultation du cabinet n'est pas actif. Vous pouvez l'activer dans Paramètres, rubrique « Abonnement Consultation ».`,
    );
    const english = await refusal(PERSONS.staff, "en");
    expect(english.message).toMatch(
      /^This service offer requires a paid subscription\..* Reason: the firm's Consultation subscription is not active\. Ask a Comptoir administrator/,
    );
  });

  it("is refused once the subscription's quota is used, and past its end date, each saying so", async () => {
    await setSubscription(app, { active: true, maxDossiers: 0, until: null });
    const full = await refusal(PERSONS.staff);
    expect(full).toMatchObject({ code: "SUBSCRIPTION_REQUIRED", details: { reason: "quota", maxDossiers: 0 } });
    expect(full.message).toContain("Motif : l'abonnement couvre 0 dossier(s) et tous sont pris.");
    expect(full.message).toContain(
      "demandez à un administrateur de Comptoir dans votre cabinet d'étendre l'abonnement",
    );
    expect((await refusal(PERSONS.admin)).message).toContain("augmentez le nombre de dossiers dans Paramètres");

    await setSubscription(app, { active: true, maxDossiers: null, until: "2020-01-01" });
    const expired = await refusal(PERSONS.staff);
    expect(expired).toMatchObject({
      code: "SUBSCRIPTION_REQUIRED",
      details: { reason: "expired", until: "2020-01-01" },
    });
    expect(expired.message).toContain("Motif : l'abonnement Consultation du cabinet a expiré le 1 janvier 2020.");
    expect((await refusal(PERSONS.admin, "en")).message).toContain(
      "Reason: the firm's Consultation subscription expired on January 1, 2020. Once it is renewed, enter the new end date in Settings",
    );
  });

  it("activates with a subscription, and deactivating revokes the dossier's services", async () => {
    const { dossier, etag } = await dossierWithOffer(app);
    expect(dossier.offers.consultation).toMatchObject({ active: true, activatedBy: { name: PERSONS.staff.name } });
    const role = await newRole(app);
    const { contact } = await newContact(app, role.id);
    expect(
      (await call(app, "POST", `/contacts/${contact.id}/dossiers`, { body: { dossierId: dossier.id } })).status,
    ).toBe(201);
    const proposed = await call<{ subscription: ServiceSubscription }>(
      app,
      "POST",
      `/contacts/${contact.id}/dossiers/${dossier.id}/services`,
      { body: { serviceId: "consultation" } },
    );
    expect(proposed.status).toBe(201);

    const off = await call<Dossier>(app, "PUT", `/dossiers/${dossier.id}/offers/consultation`, {
      etag,
      body: { active: false },
    });
    expect(off.status).toBe(200);
    expect(off.body.offers.consultation.active).toBe(false);
    const detail = await call<DossierDetail>(app, "GET", `/dossiers/${dossier.id}`);
    expect(detail.body.contacts[0]?.subscriptions.map((s) => s.status)).toEqual(["revoked"]);
  });
});

describe("roles and contacts", () => {
  it("needs nom, prénom, e-mail and role, listing each bad field in the caller's language", async () => {
    const fr = await call<{ code: string; fields: { path: string; message: string }[] }>(app, "POST", "/contacts", {
      body: { email: "pas-un-email" },
    });
    expect(fr.status).toBe(400);
    expect(fr.body.code).toBe("VALIDATION_FAILED");
    expect(fr.body.fields.map((f) => f.path).sort()).toEqual(["email", "nom", "prenom", "roleId"]);
    const en = await call<{ fields: { path: string; message: string }[] }>(app, "POST", "/contacts", {
      body: {},
      lang: "en",
    });
    expect(en.body.fields.find((f) => f.path === "nom")?.message).not.toBe(
      fr.body.fields.find((f) => f.path === "nom")?.message,
    );
  });

  it("refuses an unknown role with ROLE_NOT_FOUND", async () => {
    const res = await call(app, "POST", "/contacts", {
      body: { nom: "A", prenom: "B", email: `${unique("x")}@exemple.fr`, roleId: "nope" },
    });
    expect(res.body).toMatchObject({ code: "ROLE_NOT_FOUND" });
  });

  it("stores phones as E.164, France by default", async () => {
    const role = await newRole(app);
    const { contact } = await newContact(app, role.id, { phone: "01 42 68 53 00", mobile: "+33 6 12 34 56 78" });
    expect(contact).toMatchObject({ phone: "+33142685300", mobile: "+33612345678" });
  });

  it("refuses to delete a role in use, explaining why", async () => {
    const role = await newRole(app);
    await newContact(app, role.id);
    const roles = await call<{ items: { id: string; usage: number }[] }>(app, "GET", "/roles");
    expect(roles.body.items.find((r) => r.id === role.id)?.usage).toBe(1);
    const listed = await call(app, "GET", "/roles");
    expect(listed.status).toBe(200);
    const res = await call(app, "DELETE", `/roles/${role.id}`, { etag: "*" });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: "ROLE_IN_USE", details: { count: 1 } });
  });

  it("keeps role labels unique regardless of case", async () => {
    const role = await newRole(app);
    const again = await call(app, "POST", "/roles", { body: { label: role.label.toUpperCase() } });
    expect(again.body).toMatchObject({ code: "ROLE_LABEL_TAKEN" });
  });

  it("lets exactly one of 20 concurrent creations with the same e-mail succeed", async () => {
    const role = await newRole(app);
    const email = `${unique("race")}@exemple.fr`;
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        call(app, "POST", "/contacts", {
          body: { nom: `N${i}`, prenom: "P", email: i % 2 ? email.toUpperCase() : email, roleId: role.id },
        }),
      ),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    expect(
      results.filter((r) => r.status === 409).every((r) => (r.body as { code: string }).code === "CONTACT_EMAIL_TAKEN"),
    ).toBe(true);
    expect(results.filter((r) => r.status === 409)).toHaveLength(19);
  });
});

describe("ETag concurrency", () => {
  it("refuses a stale write with CONFLICT and an update without If-Match", async () => {
    const { dossier, etag } = await newDossier(app);
    const first = await call(app, "PATCH", `/dossiers/${dossier.id}`, { etag, body: { name: "Premier" } });
    expect(first.status).toBe(200);
    const stale = await call(app, "PATCH", `/dossiers/${dossier.id}`, { etag, body: { name: "Second" } });
    expect(stale.status).toBe(412);
    expect(stale.body).toMatchObject({ code: "CONFLICT" });
    const missing = await call(app, "PATCH", `/dossiers/${dossier.id}`, { body: { name: "Third" } });
    expect(missing.status).toBe(428);
    const now = await call<DossierDetail>(app, "GET", `/dossiers/${dossier.id}`);
    expect(now.body.dossier.name).toBe("Premier");
  });
});

describe("links and services", () => {
  it("links from the contact or from the dossier through the same rule, idempotently", async () => {
    const { dossier } = await dossierWithOffer(app, {
      siren: "732829320",
      etablissements: [
        { code: "001", name: "Siège", siret: "73282932000074" },
        { code: "002", name: "Atelier", siret: "73282932000082" },
      ],
    });
    const role = await newRole(app);
    const a = (await newContact(app, role.id)).contact;
    const b = (await newContact(app, role.id)).contact;
    const fromContact = await call(app, "POST", `/contacts/${a.id}/dossiers`, { body: { dossierId: dossier.id } });
    const fromDossier = await call(app, "POST", `/dossiers/${dossier.id}/contacts`, {
      body: { contactId: b.id, limitedTo: ["002"] },
    });
    expect([fromContact.status, fromDossier.status]).toEqual([201, 201]);
    expect((await call(app, "POST", `/dossiers/${dossier.id}/contacts`, { body: { contactId: a.id } })).status).toBe(
      200,
    );
    const unknown = await call(app, "POST", `/dossiers/${dossier.id}/contacts`, {
      body: { contactId: a.id, limitedTo: ["999"] },
    });
    expect(unknown.body).toMatchObject({ code: "ETABLISSEMENT_NOT_FOUND" });

    const detail = await call<DossierDetail>(app, "GET", `/dossiers/${dossier.id}`);
    expect(detail.body.contacts.map((c) => [c.contact.id, c.link.limitedTo]).sort()).toEqual(
      [
        [a.id, "-"],
        [b.id, ["002"]],
      ].sort(),
    );
    const contactView = await call<ContactDetail>(app, "GET", `/contacts/${b.id}`);
    const row = contactView.body.dossiers[0];
    expect(row?.dossier.code).toBe(dossier.code);
    const widened = await call(app, "PATCH", `/contacts/${b.id}/dossiers/${dossier.id}`, {
      etag: row?.linkEtag,
      body: { limitedTo: "-" },
    });
    expect(widened.status).toBe(200);
    const stale = await call(app, "PATCH", `/contacts/${b.id}/dossiers/${dossier.id}`, {
      etag: row?.linkEtag,
      body: { limitedTo: ["001"] },
    });
    expect(stale.status).toBe(412);
  });

  it("needs the link and the active offer to propose", async () => {
    const role = await newRole(app);
    const { contact } = await newContact(app, role.id);
    const { dossier } = await dossierWithOffer(app);
    const unlinked = await call(app, "POST", `/contacts/${contact.id}/dossiers/${dossier.id}/services`, {
      body: { serviceId: "consultation" },
    });
    expect(unlinked.body).toMatchObject({ code: "LINK_NOT_FOUND" });

    const plain = (await newDossier(app)).dossier;
    await call(app, "POST", `/contacts/${contact.id}/dossiers`, { body: { dossierId: plain.id } });
    const noOffer = await call(app, "POST", `/contacts/${contact.id}/dossiers/${plain.id}/services`, {
      body: { serviceId: "consultation" },
    });
    expect(noOffer.body).toMatchObject({ code: "OFFER_NOT_ACTIVE" });
    await call(app, "POST", `/contacts/${contact.id}/dossiers`, { body: { dossierId: dossier.id } });
    const unknownService = await call(app, "POST", `/contacts/${contact.id}/dossiers/${dossier.id}/services`, {
      body: { serviceId: "nope" },
    });
    expect(unknownService.body).toMatchObject({ code: "SERVICE_NOT_FOUND" });
  });

  it("proposes idempotently, even 20 times at once, and carries several services for several contacts", async () => {
    const role = await newRole(app);
    const { dossier } = await dossierWithOffer(app);
    const contacts = [(await newContact(app, role.id)).contact, (await newContact(app, role.id)).contact];
    for (const c of contacts)
      await call(app, "POST", `/contacts/${c.id}/dossiers`, { body: { dossierId: dossier.id } });
    const path = `/contacts/${contacts[0]?.id}/dossiers/${dossier.id}/services`;
    const burst = await Promise.all(
      Array.from({ length: 20 }, () =>
        call<{ subscription: ServiceSubscription; created: boolean }>(app, "POST", path, {
          body: { serviceId: "consultation" },
        }),
      ),
    );
    expect(burst.filter((r) => r.status === 201)).toHaveLength(1);
    expect(burst.every((r) => r.status === 201 || r.status === 200)).toBe(true);
    expect(new Set(burst.map((r) => r.body.subscription.id)).size).toBe(1);

    await call(app, "POST", path, { body: { serviceId: "consultation-tpe" } });
    await call(app, "POST", `/contacts/${contacts[1]?.id}/dossiers/${dossier.id}/services`, {
      body: { serviceId: "consultation" },
    });
    const detail = await call<DossierDetail>(app, "GET", `/dossiers/${dossier.id}`);
    const services = detail.body.contacts.flatMap((c) =>
      c.subscriptions.map((s) => `${c.contact.id}:${s.serviceId}:${s.status}`),
    );
    expect(services).toHaveLength(3);
    expect(services.every((s) => s.endsWith(":proposed"))).toBe(true);
    const page = await call<DossierPage>(app, "GET", `/dossiers?q=${encodeURIComponent(dossier.code)}`);
    expect(page.body.items[0]).toMatchObject({ collaborativeStatus: "proposed", liveServices: 3 });
  });

  it("revokes on unlink and on contact deletion, and refuses to delete a dossier with live services", async () => {
    const role = await newRole(app);
    const { dossier } = await dossierWithOffer(app);
    const a = await newContact(app, role.id);
    const b = await newContact(app, role.id);
    for (const c of [a, b]) {
      await call(app, "POST", `/contacts/${c.contact.id}/dossiers`, { body: { dossierId: dossier.id } });
      await call(app, "POST", `/contacts/${c.contact.id}/dossiers/${dossier.id}/services`, {
        body: { serviceId: "consultation" },
      });
    }
    // The invitations bind each contact's guest (a write to the contact): let them finish before reading ETags.
    await app.running.pipeline.idle();
    const current = await call<DossierDetail>(app, "GET", `/dossiers/${dossier.id}`);
    const refused = await call(app, "DELETE", `/dossiers/${dossier.id}`, { etag: current.etag });
    expect(refused.body).toMatchObject({ code: "DOSSIER_HAS_LIVE_SERVICES", details: { count: 2 } });

    const linkEtag = (await call<ContactDetail>(app, "GET", `/contacts/${a.contact.id}`)).body.dossiers[0]?.linkEtag;
    expect(
      (await call(app, "DELETE", `/contacts/${a.contact.id}/dossiers/${dossier.id}`, { etag: linkEtag })).status,
    ).toBe(204);
    const bNow = await call<ContactDetail>(app, "GET", `/contacts/${b.contact.id}`);
    expect((await call(app, "DELETE", `/contacts/${b.contact.id}`, { etag: bNow.etag })).status).toBe(204);
    expect((await call(app, "GET", `/contacts/${b.contact.id}`)).status).toBe(404);

    const after = await call<DossierDetail>(app, "GET", `/dossiers/${dossier.id}`);
    expect(after.body.contacts).toHaveLength(0);
    expect((await call(app, "DELETE", `/dossiers/${dossier.id}`, { etag: after.etag })).status).toBe(204);
    expect((await call(app, "GET", `/dossiers/${dossier.id}`)).status).toBe(404);
  });

  it("revokes a single subscription on request", async () => {
    const role = await newRole(app);
    const { dossier } = await dossierWithOffer(app);
    const { contact } = await newContact(app, role.id);
    await call(app, "POST", `/contacts/${contact.id}/dossiers`, { body: { dossierId: dossier.id } });
    const proposed = await call<{ subscription: ServiceSubscription }>(
      app,
      "POST",
      `/contacts/${contact.id}/dossiers/${dossier.id}/services`,
      { body: { serviceId: "consultation" } },
    );
    const revoked = await call<ServiceSubscription>(
      app,
      "POST",
      `/subscriptions/${proposed.body.subscription.id}/revoke`,
    );
    expect(revoked.body.status).toBe("revoked");
    expect(revoked.body.history.map((h) => h.status)).toEqual(["proposed", "revoked"]);
    const again = await call(app, "POST", `/subscriptions/${proposed.body.subscription.id}/revoke`);
    expect(again.body).toMatchObject({ code: "INVALID_TRANSITION" });
    const fresh = await call<{ created: boolean }>(
      app,
      "POST",
      `/contacts/${contact.id}/dossiers/${dossier.id}/services`,
      { body: { serviceId: "consultation" } },
    );
    expect(fresh.status).toBe(201);
  });
});

describe("widget, audit, portfolio and OpenAPI", () => {
  it("records the widget initialisation and every change in the dossier's audit", async () => {
    const { dossier, etag } = await dossierWithOffer(app);
    const res = await call<Dossier>(app, "PUT", `/dossiers/${dossier.id}/widget`, {
      etag,
      body: { extensionActive: true },
    });
    expect(res.body.collaborativeWidget).toMatchObject({
      initialized: true,
      extensionActive: true,
      by: { name: PERSONS.staff.name },
    });
    const audit = await call<{ items: AuditEvent[] }>(app, "GET", `/dossiers/${dossier.id}/audit`);
    expect(audit.body.items.map((e) => e.action)).toEqual([
      "dossier.widget.initialized",
      "dossier.offer.activated",
      "dossier.created",
    ]);
    expect(audit.body.items[0]?.actor.oid).toBe(PERSONS.staff.oid);
    expect(audit.body.items[0]?.before).toMatchObject({ collaborativeWidget: { initialized: false } });
  });

  it("searches by code, name and SIREN, sorts and pages with cursors", async () => {
    const tag = unique("zz").toUpperCase();
    for (const name of ["Éclair", "Abeille", "Cerise"])
      await newDossier(app, { code: `${tag}${name[1]}`.slice(0, 20), name: `${name} ${tag}` });
    const byName = await call<DossierPage>(app, "GET", `/dossiers?q=${tag.toLowerCase()}&sort=name&limit=2`);
    expect(byName.body.total).toBe(3);
    expect(byName.body.items.map((d) => d.name.split(" ")[0])).toEqual(["Abeille", "Cerise"]);
    const next = await call<DossierPage>(
      app,
      "GET",
      `/dossiers?q=${tag.toLowerCase()}&sort=name&limit=2&cursor=${byName.body.cursor}`,
    );
    expect(next.body.items.map((d) => d.name.split(" ")[0])).toEqual(["Éclair"]);
    expect(next.body.cursor).toBeNull();
    const desc = await call<DossierPage>(app, "GET", `/dossiers?q=eclair%20${tag}&sort=name&dir=desc`);
    expect(desc.body.items).toHaveLength(1);
    const bad = await call(app, "GET", "/dossiers?limit=5000");
    expect(bad.body).toMatchObject({ code: "VALIDATION_FAILED" });
  });

  it("serves an OpenAPI document generated from the schemas", async () => {
    const doc = await call<{ openapi: string; paths: Record<string, Record<string, unknown>> }>(
      app,
      "GET",
      "/openapi.json",
    );
    expect(doc.body.openapi).toBe("3.1.0");
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining(["/dossiers", "/dossiers/{id}", "/contacts/{id}/dossiers/{dossierId}/services"]),
    );
    expect(JSON.stringify(doc.body.paths["/contacts"])).toContain("roleId");
  });
});
