import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createDossier,
  type Contact,
  type ContactDetail,
  type ContactPage,
  type Dossier,
  type DossierDetail,
  type DossierPage,
  dossierCreateInputSchema,
  type RoleList,
  type ServiceSubscription,
} from "@comptoir/shared";
import { CHANGES_KEPT } from "../../src/core/repos/changes";
import { call, startTestApp, TEST_TENANT, type JsonResponse, type TestApp } from "./harness";
import { dossierWithOffer, newContact, newDossier, newRole, unique } from "./fixtures";

/** The promise: a write through one instance is visible through every other within 2 s. */
const VISIBLE_WITHIN_MS = 2_000;

// Two servers, each with its own deps and read models, sharing nothing but the tables.
let a: TestApp;
let b: TestApp;
beforeAll(async () => {
  a = await startTestApp();
  b = await startTestApp({}, { tablePrefix: a.tablePrefix });
  // B's read models are loaded before A writes anything: what B shows next must come from the change log.
  expect((await call(b, "GET", "/dossiers")).status).toBe(200);
  expect((await call(b, "GET", "/contacts")).status).toBe(200);
});
afterAll(async () => {
  await b.close();
  await a.close();
});

/** Reads through `app` until `seen` holds, for at most 2 s; the caller asserts on what it returns. */
async function eventually<T>(read: () => Promise<JsonResponse<T>>, seen: (body: T) => boolean): Promise<T> {
  const deadline = Date.now() + VISIBLE_WITHIN_MS;
  let last = await read();
  while (!(last.status === 200 && seen(last.body)) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 50));
    last = await read();
  }
  return last.body;
}

const portfolio =
  (app: TestApp, query = "") =>
  () =>
    call<DossierPage>(app, "GET", `/dossiers?limit=200${query}`);
const directory =
  (app: TestApp, query = "") =>
  () =>
    call<ContactPage>(app, "GET", `/contacts?limit=200${query}`);
const ids = (page: { items: { id: string }[] }) => page.items.map((i) => i.id);

describe("two instances over one storage", () => {
  it("a dossier created on A is listed, found and detailed on B", async () => {
    const name = unique("Menuiserie Scaleout ");
    const { dossier } = await newDossier(a, { name });
    const search = `&q=${encodeURIComponent(name.split(" ")[2] ?? "")}`;

    expect(ids(await eventually(portfolio(b), (p) => ids(p).includes(dossier.id)))).toContain(dossier.id);
    expect(ids(await eventually(portfolio(b, search), (p) => ids(p).includes(dossier.id)))).toEqual([dossier.id]);
    const detail = await call<DossierDetail>(b, "GET", `/dossiers/${dossier.id}`);
    expect(detail.body.dossier.name).toBe(name);
  });

  it("a dossier renamed on A is found under its new name on B; B's stale ETag then gets 412", async () => {
    const { dossier } = await newDossier(a);
    const onB = await call<DossierDetail>(b, "GET", `/dossiers/${dossier.id}`);
    expect(onB.status).toBe(200);
    const renamed = unique("Charpente Renommee ");
    const onA = await call<Dossier>(a, "PATCH", `/dossiers/${dossier.id}`, { etag: onB.etag, body: { name: renamed } });
    expect(onA.status).toBe(200);

    const word = `&q=${encodeURIComponent(renamed.split(" ")[2] ?? "")}`;
    const found = await eventually(portfolio(b, word), (p) => ids(p).includes(dossier.id));
    expect(found.items.map((i) => i.name)).toEqual([renamed]);
    const stale = await call(b, "PATCH", `/dossiers/${dossier.id}`, { etag: onB.etag, body: { name: "Perdu" } });
    expect(stale.status).toBe(412);
    expect(stale.body).toMatchObject({ code: "CONFLICT" });
  });

  it("a contact created then renamed on A is listed and found on B; B's stale ETag then gets 412", async () => {
    const role = await newRole(a);
    const { contact, etag } = await newContact(a, role.id, { nom: unique("Scaleout") });
    expect(ids(await eventually(directory(b), (p) => ids(p).includes(contact.id)))).toContain(contact.id);

    const nom = unique("Renomme");
    const renamed = await call<Contact>(a, "PATCH", `/contacts/${contact.id}`, { etag, body: { nom } });
    expect(renamed.status).toBe(200);
    const found = await eventually(directory(b, `&q=${nom.toLowerCase()}`), (p) => ids(p).includes(contact.id));
    expect(found.items.map((i) => i.nom)).toEqual([nom]);
    const stale = await call(b, "PATCH", `/contacts/${contact.id}`, { etag, body: { prenom: "Perdu" } });
    expect(stale.status).toBe(412);
    expect(stale.body).toMatchObject({ code: "CONFLICT" });
  });

  it("a role, a link and a proposed service made on A show on B", async () => {
    const role = await newRole(a);
    const roles = await eventually(
      () => call<RoleList>(b, "GET", "/roles"),
      (list) => list.items.some((r) => r.id === role.id),
    );
    expect(roles.items.map((r) => r.id)).toContain(role.id);

    const { dossier } = await dossierWithOffer(a);
    const { contact } = await newContact(a, role.id);
    const linked = await call(a, "POST", `/contacts/${contact.id}/dossiers`, { body: { dossierId: dossier.id } });
    expect(linked.status).toBe(201);
    const proposed = await call<{ subscription: ServiceSubscription }>(
      a,
      "POST",
      `/contacts/${contact.id}/dossiers/${dossier.id}/services`,
      { body: { serviceId: "consultation" } },
    );
    expect(proposed.status).toBe(201);

    const row = await eventually(portfolio(b, `&q=${dossier.code.toLowerCase()}`), (p) =>
      p.items.some((i) => i.id === dossier.id && i.liveServices === 1),
    );
    expect(row.items.find((i) => i.id === dossier.id)).toMatchObject({ consultationActive: true, liveServices: 1 });
    const contactOnB = await call<ContactDetail>(b, "GET", `/contacts/${contact.id}`);
    expect(contactOnB.body.dossiers.map((d) => [d.dossier.id, d.subscriptions.length])).toEqual([[dossier.id, 1]]);
    const dossierOnB = await call<DossierDetail>(b, "GET", `/dossiers/${dossier.id}`);
    expect(dossierOnB.body.contacts.map((c) => c.contact.id)).toEqual([contact.id]);
  });

  it("a dossier and a contact deleted on A leave B's lists", async () => {
    const { dossier, etag } = await newDossier(a);
    const role = await newRole(a);
    const { contact, etag: contactEtag } = await newContact(a, role.id);
    expect(ids(await eventually(portfolio(b), (p) => ids(p).includes(dossier.id)))).toContain(dossier.id);
    expect(ids(await eventually(directory(b), (p) => ids(p).includes(contact.id)))).toContain(contact.id);

    expect((await call(a, "DELETE", `/dossiers/${dossier.id}`, { etag })).status).toBe(204);
    expect((await call(a, "DELETE", `/contacts/${contact.id}`, { etag: contactEtag })).status).toBe(204);
    expect(ids(await eventually(portfolio(b), (p) => !ids(p).includes(dossier.id)))).not.toContain(dossier.id);
    expect(ids(await eventually(directory(b), (p) => !ids(p).includes(contact.id)))).not.toContain(contact.id);
  });

  it("B reloads when the log moved further than it catches up, and old change rows are trimmed", async () => {
    const { repos } = a.running.deps;
    // Written past the services, so no change names it: only a full reload can show it.
    const dossier = createDossier(dossierCreateInputSchema.parse({ code: unique("R").slice(0, 20), name: "Reload" }), {
      id: unique("r"),
      now: new Date(),
    });
    await repos.dossiers.create(TEST_TENANT, dossier);
    const filler = Array.from({ length: 99 }, (_, i) => ({ kind: "contact" as const, id: `absent-${i}` }));
    let version = 0;
    for (let n = 0; n * filler.length <= CHANGES_KEPT; n++) version = await repos.changes.append(TEST_TENANT, filler);

    expect(ids(await eventually(portfolio(b), (p) => ids(p).includes(dossier.id)))).toContain(dossier.id);
    const kept = async () => ({ status: 200, etag: null, body: await repos.changes.since(TEST_TENANT, 0, version) });
    const rows = await eventually(kept, (r) => r.length <= CHANGES_KEPT + 2 * filler.length);
    expect(rows.length).toBeLessThanOrEqual(CHANGES_KEPT + 2 * filler.length);
    expect(rows.at(-1)?.seq).toBe(version);
  });

  it("numbers concurrent changes from both instances once each, without gaps", async () => {
    const firm = randomUUID();
    const onA = a.running.deps.repos.changes;
    const onB = b.running.deps.repos.changes;
    const lasts = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        (i % 2 === 0 ? onA : onB).append(firm, [
          { kind: "dossier", id: `d${i}` },
          { kind: "contact", id: `c${i}` },
        ]),
      ),
    );
    expect(new Set(lasts).size).toBe(30);
    const logged = await a.running.deps.repos.changes.since(firm, 0, 60);
    expect(logged.map((c) => c.seq)).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
    expect(new Set(logged.map((c) => `${c.kind}|${c.id}`)).size).toBe(60);
  });
});
