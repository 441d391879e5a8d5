import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  canClientConsult,
  explainClientAccess,
  isBoundTo,
  SUBSCRIPTION_STATUSES,
  visibleEtablissements,
  type ClientAccessInput,
} from "../../src/domain";
import { clientPrincipal, makeContact, makeDossier, withExtension, withOffer } from "./fixtures";

/* ---------- Example-based: the user story's client ---------- */

function grantedWorld(): ClientAccessInput {
  return {
    principal: clientPrincipal(),
    contact: makeContact(),
    links: [{ contactId: "contact-1", dossierId: "dossier-1", limitedTo: "-" }],
    subscriptions: [{ contactId: "contact-1", dossierId: "dossier-1", status: "accepted" }],
    dossier: withExtension(withOffer(makeDossier())),
  };
}

describe("canClientConsult — examples", () => {
  it("lets the bound, linked, accepted client consult an offered dossier with the extension on", () => {
    expect(canClientConsult(grantedWorld())).toBe(true);
    expect(visibleEtablissements(grantedWorld())).toEqual(["001", "002"]);
  });

  it("never binds by e-mail: same username, other object id → refused", () => {
    const w = grantedWorld();
    const impostor = {
      ...w,
      principal: clientPrincipal({ oid: "someone-else", username: "client.collaboratif@exemple.fr" }),
    };
    expect(explainClientAccess(impostor)).toEqual({ allowed: false, reason: "not-bound" });
  });

  it('"Limité à" 002 lets the client see établissement 002 only', () => {
    const w = { ...grantedWorld(), links: [{ contactId: "contact-1", dossierId: "dossier-1", limitedTo: ["002"] }] };
    expect(canClientConsult(w)).toBe(true);
    expect(canClientConsult({ ...w, etablissementCode: "002" })).toBe(true);
    expect(explainClientAccess({ ...w, etablissementCode: "001" })).toEqual({
      allowed: false,
      reason: "etablissement-not-allowed",
    });
    expect(visibleEtablissements(w)).toEqual(["002"]);
  });

  it("a proposed or invited service is not enough: the client must have accepted", () => {
    for (const status of ["proposed", "invited", "revoked"] as const) {
      const w = { ...grantedWorld(), subscriptions: [{ contactId: "contact-1", dossierId: "dossier-1", status }] };
      expect(explainClientAccess(w)).toEqual({ allowed: false, reason: "no-service" });
    }
    const active = {
      ...grantedWorld(),
      subscriptions: [{ contactId: "contact-1", dossierId: "dossier-1", status: "active" as const }],
    };
    expect(canClientConsult(active)).toBe(true);
  });

  it("staff principals do not go through client access", () => {
    const w = { ...grantedWorld(), principal: clientPrincipal({ kind: "staff", roles: ["Firm.Staff"] }) };
    expect(explainClientAccess(w)).toEqual({ allowed: false, reason: "not-client" });
  });

  it("binding needs both tenant and object id", () => {
    const contact = makeContact();
    expect(isBoundTo({ tenantId: "firm-tenant-id", oid: "guest-oid-1" }, contact)).toBe(true);
    expect(isBoundTo({ tenantId: "other-tenant", oid: "guest-oid-1" }, contact)).toBe(false);
    expect(isBoundTo({ tenantId: "firm-tenant-id", oid: "guest-oid-1" }, makeContact({ guest: null }))).toBe(false);
    expect(isBoundTo({ tenantId: "firm-tenant-id", oid: "guest-oid-1" }, null)).toBe(false);
  });
});

/* ---------- Property-based: arbitrary small worlds ---------- */

const TENANTS = ["t1", "t2"] as const;
const OIDS = ["o1", "o2"] as const;
const CONTACTS = ["c1", "c2"] as const;
const DOSSIERS = ["d1", "d2"] as const;
const CODES = ["001", "002", "003"] as const;
const ANY_CODES = [...CODES, "009"] as const;

const limitedToArb = fc.oneof(
  fc.constant("-" as const),
  fc.uniqueArray(fc.constantFrom(...ANY_CODES), { minLength: 1, maxLength: 4 }),
);

const worldArb: fc.Arbitrary<ClientAccessInput> = fc
  .record({
    principal: fc.record({
      tenantId: fc.constantFrom(...TENANTS),
      oid: fc.constantFrom(...OIDS),
      kind: fc.constantFrom("client" as const, "staff" as const),
    }),
    contact: fc.option(
      fc.record({
        id: fc.constantFrom(...CONTACTS),
        guest: fc.option(fc.record({ tenantId: fc.constantFrom(...TENANTS), objectId: fc.constantFrom(...OIDS) })),
      }),
    ),
    links: fc.array(
      fc.record({
        contactId: fc.constantFrom(...CONTACTS),
        dossierId: fc.constantFrom(...DOSSIERS),
        limitedTo: limitedToArb,
      }),
      { maxLength: 3 },
    ),
    subscriptions: fc.array(
      fc.record({
        contactId: fc.constantFrom(...CONTACTS),
        dossierId: fc.constantFrom(...DOSSIERS),
        status: fc.constantFrom(...SUBSCRIPTION_STATUSES),
      }),
      { maxLength: 4 },
    ),
    dossier: fc.record({
      id: fc.constantFrom(...DOSSIERS),
      codes: fc.subarray([...CODES]),
      offer: fc.boolean(),
      extension: fc.boolean(),
    }),
    etablissementCode: fc.option(fc.constantFrom(...ANY_CODES), { nil: undefined }),
  })
  .map((w) => ({
    principal: clientPrincipal({ tenantId: w.principal.tenantId, oid: w.principal.oid, kind: w.principal.kind }),
    contact: w.contact && {
      id: w.contact.id,
      guest: w.contact.guest && { ...w.contact.guest, invitedAt: "2025-01-01T00:00:00.000Z" },
    },
    links: w.links,
    subscriptions: w.subscriptions,
    dossier: {
      id: w.dossier.id,
      etablissements: w.dossier.codes.map((code) => ({ code, name: `Établissement ${code}`, siret: "00000000000000" })),
      offers: { consultation: { active: w.dossier.offer, activatedAt: null, activatedBy: null } },
      collaborativeWidget: { initialized: true, extensionActive: w.dossier.extension, at: null, by: null },
    },
    ...(w.etablissementCode === undefined ? {} : { etablissementCode: w.etablissementCode }),
  }));

/** The five conditions, written out independently of the implementation. */
function conditions(w: ClientAccessInput) {
  const c = w.contact;
  const pairLinks = c ? w.links.filter((l) => l.contactId === c.id && l.dossierId === w.dossier.id) : [];
  const codes = w.dossier.etablissements.map((e) => e.code);
  const e = w.etablissementCode;
  return {
    client: w.principal.kind === "client",
    bound: !!c?.guest && c.guest.tenantId === w.principal.tenantId && c.guest.objectId === w.principal.oid,
    linked:
      pairLinks.length > 0 &&
      (e === undefined || (codes.includes(e) && pairLinks.some((l) => l.limitedTo === "-" || l.limitedTo.includes(e)))),
    service:
      !!c &&
      w.subscriptions.some(
        (s) =>
          s.contactId === c.id && s.dossierId === w.dossier.id && (s.status === "accepted" || s.status === "active"),
      ),
    offer: w.dossier.offers.consultation.active,
    extension: w.dossier.collaborativeWidget.extensionActive,
  };
}

/** A world where every condition holds, built from an arbitrary one. */
function grant(w: ClientAccessInput, code: string | undefined): ClientAccessInput {
  const contactId = w.contact?.id ?? "c1";
  const etablissements =
    code === undefined || w.dossier.etablissements.some((e) => e.code === code)
      ? w.dossier.etablissements
      : [...w.dossier.etablissements, { code, name: code, siret: "00000000000000" }];
  return {
    principal: clientPrincipal({ tenantId: "t1", oid: "o1" }),
    contact: { id: contactId, guest: { tenantId: "t1", objectId: "o1", invitedAt: "2025-01-01T00:00:00.000Z" } },
    links: [...w.links, { contactId, dossierId: w.dossier.id, limitedTo: code === undefined ? "-" : [code] }],
    subscriptions: [...w.subscriptions, { contactId, dossierId: w.dossier.id, status: "active" }],
    dossier: {
      ...w.dossier,
      etablissements,
      offers: { consultation: { active: true, activatedAt: null, activatedBy: null } },
      collaborativeWidget: { ...w.dossier.collaborativeWidget, extensionActive: true },
    },
    ...(code === undefined ? {} : { etablissementCode: code }),
  };
}

type Breaker = (w: ClientAccessInput) => ClientAccessInput;
const contactIdOf = (w: ClientAccessInput) => w.contact?.id ?? "";
const BREAKERS: Record<string, Breaker> = {
  "staff principal": (w) => ({ ...w, principal: { ...w.principal, kind: "staff", roles: ["Firm.Staff"] } }),
  "no bound contact": (w) => ({ ...w, contact: null }),
  "contact never invited": (w) => ({ ...w, contact: w.contact && { ...w.contact, guest: null } }),
  "other object id": (w) => ({ ...w, principal: { ...w.principal, oid: "o2" } }),
  "other tenant": (w) => ({ ...w, principal: { ...w.principal, tenantId: "t2" } }),
  "not linked": (w) => ({
    ...w,
    links: w.links.filter((l) => !(l.contactId === contactIdOf(w) && l.dossierId === w.dossier.id)),
  }),
  "établissement outside Limité à": (w) => ({
    ...w,
    etablissementCode: "009",
    links: w.links.map((l) =>
      l.contactId === contactIdOf(w) && l.dossierId === w.dossier.id ? { ...l, limitedTo: ["001"] } : l,
    ),
    dossier: {
      ...w.dossier,
      etablissements: [
        ...w.dossier.etablissements.filter((e) => e.code !== "009"),
        { code: "009", name: "", siret: "" },
      ],
    },
  }),
  "établissement not in the dossier": (w) => ({
    ...w,
    etablissementCode: "404",
  }),
  "no accepted service": (w) => ({
    ...w,
    subscriptions: w.subscriptions.map((s) =>
      s.contactId === contactIdOf(w) &&
      s.dossierId === w.dossier.id &&
      (s.status === "accepted" || s.status === "active")
        ? { ...s, status: "invited" as const }
        : s,
    ),
  }),
  "offer off": (w) => ({
    ...w,
    dossier: { ...w.dossier, offers: { consultation: { active: false, activatedAt: null, activatedBy: null } } },
  }),
  "extension off": (w) => ({
    ...w,
    dossier: { ...w.dossier, collaborativeWidget: { ...w.dossier.collaborativeWidget, extensionActive: false } },
  }),
};

/** Granted worlds with any combination of conditions broken: dense around the access boundary. */
const nearBoundaryArb: fc.Arbitrary<ClientAccessInput> = fc
  .tuple(worldArb, fc.option(fc.constantFrom(...CODES), { nil: undefined }), fc.subarray(Object.keys(BREAKERS)))
  .map(([w, code, names]) => names.reduce((acc, name) => (BREAKERS[name] as Breaker)(acc), grant(w, code)));

const anyWorldArb = fc.oneof(worldArb, nearBoundaryArb);

describe("canClientConsult — properties", () => {
  it("access ⇔ all five conditions hold (so access ⇒ each one)", () => {
    fc.assert(
      fc.property(anyWorldArb, (w) => {
        const c = conditions(w);
        const all = c.client && c.bound && c.linked && c.service && c.offer && c.extension;
        expect(canClientConsult(w)).toBe(all);
        expect(explainClientAccess(w).allowed).toBe(all);
      }),
      { numRuns: 2000 },
    );
  });

  it("breaking any single condition of a granted world ⇒ no access", () => {
    fc.assert(
      fc.property(
        worldArb,
        fc.option(fc.constantFrom(...CODES), { nil: undefined }),
        fc.constantFrom(...Object.keys(BREAKERS)),
        (w, code, breaker) => {
          const granted = grant(w, code);
          expect(canClientConsult(granted)).toBe(true);
          const broken = (BREAKERS[breaker] as Breaker)(granted);
          expect(canClientConsult(broken)).toBe(false);
          // Only the établissement breakers leave the dossier itself consultable.
          const dossierWide = !breaker.startsWith("établissement");
          if (dossierWide) expect(visibleEtablissements(broken)).toEqual([]);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it("narrowing Limité à never widens access", () => {
    const narrowArb = fc.tuple(
      anyWorldArb,
      fc.uniqueArray(fc.constantFrom<string>(...ANY_CODES), { minLength: 1, maxLength: 4 }),
    );
    fc.assert(
      fc.property(narrowArb, fc.nat(), ([w, subset], pick) => {
        if (w.links.length === 0) return;
        const i = pick % w.links.length;
        const target = w.links[i];
        if (!target) return;
        const narrowed = target.limitedTo === "-" ? subset : target.limitedTo.filter((c) => subset.includes(c));
        if (narrowed.length === 0) return;
        const w2 = { ...w, links: w.links.map((l, j) => (j === i ? { ...l, limitedTo: narrowed } : l)) };
        if (canClientConsult(w2)) expect(canClientConsult(w)).toBe(true);
        const wide = new Set(visibleEtablissements(w));
        expect(visibleEtablissements(w2).every((c) => wide.has(c))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it("visibleEtablissements lists exactly the établissements the client may consult", () => {
    fc.assert(
      fc.property(anyWorldArb, (w) => {
        const { etablissementCode: _ignored, ...base } = w;
        const visible = visibleEtablissements(base);
        for (const e of w.dossier.etablissements) {
          expect(visible.includes(e.code)).toBe(canClientConsult({ ...base, etablissementCode: e.code }));
        }
        expect(visible.every((c) => w.dossier.etablissements.some((e) => e.code === c))).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});
