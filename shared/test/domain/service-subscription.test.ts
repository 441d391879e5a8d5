import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  canTransition,
  DEFAULT_SERVICE_CATALOGUE,
  isLive,
  proposeService,
  serviceSubscriptionSchema,
  SUBSCRIPTION_STATUSES,
  subscriptionTripleKey,
  transitionSubscription,
  type DossierLink,
  type ServiceDefinition,
  type SubscriptionStatus,
} from "../../src/domain";
import { LATER, makeDossier, makeSubscription, NOW, STAFF, thrown, wholeDossierLink, withOffer } from "./fixtures";

const CLIENT = { oid: "guest-oid-1", name: "Client Collaboratif" };

describe("subscription state machine", () => {
  it("walks proposed → invited → accepted → active, recording each step", () => {
    let sub = makeSubscription();
    const steps: SubscriptionStatus[] = ["invited", "accepted", "active"];
    steps.forEach((to, i) => {
      sub = transitionSubscription(sub, to, i === 1 ? CLIENT : STAFF, LATER);
    });
    expect(sub.status).toBe("active");
    expect(sub.history.map((h) => [h.status, h.by.oid])).toEqual([
      ["proposed", STAFF.oid],
      ["invited", STAFF.oid],
      ["accepted", CLIENT.oid],
      ["active", STAFF.oid],
    ]);
    expect(serviceSubscriptionSchema.parse(sub)).toEqual(sub);
  });

  it("revokes from any live status, never twice", () => {
    for (const from of SUBSCRIPTION_STATUSES.filter((s) => s !== "revoked")) {
      expect(transitionSubscription(makeSubscription({ status: from }), "revoked", STAFF, NOW).status).toBe("revoked");
    }
    expect(
      thrown(() => transitionSubscription(makeSubscription({ status: "revoked" }), "revoked", STAFF, NOW)),
    ).toMatchObject({
      code: "INVALID_TRANSITION",
      params: { from: "revoked", to: "revoked" },
    });
  });

  it("refuses every other move (skips, going back, leaving revoked)", () => {
    const allowed = new Set(["proposed>invited", "invited>accepted", "accepted>active"]);
    fc.assert(
      fc.property(fc.constantFrom(...SUBSCRIPTION_STATUSES), fc.constantFrom(...SUBSCRIPTION_STATUSES), (from, to) => {
        const legal = allowed.has(`${from}>${to}`) || (to === "revoked" && from !== "revoked");
        expect(canTransition(from, to)).toBe(legal);
        const err = thrown(() => transitionSubscription(makeSubscription({ status: from }), to, STAFF, NOW));
        expect(err?.code).toBe(legal ? undefined : "INVALID_TRANSITION");
      }),
    );
  });

  it("a transition clears the last error", () => {
    const sub = makeSubscription({ lastError: { code: "INVITE_FAILED", at: NOW.toISOString() } });
    expect(transitionSubscription(sub, "invited", STAFF, LATER).lastError).toBeNull();
  });

  it("live = not revoked; the triple key separates its parts", () => {
    expect(SUBSCRIPTION_STATUSES.filter((s) => isLive({ status: s }))).toEqual([
      "proposed",
      "invited",
      "accepted",
      "active",
    ]);
    expect(subscriptionTripleKey("c1", "d1", "consultation")).toBe("c1|d1|consultation");
    expect(subscriptionTripleKey("c1", "d1", "x")).not.toBe(subscriptionTripleKey("c1", "d", "1x"));
  });
});

describe("proposeService", () => {
  const link: DossierLink = wholeDossierLink();
  const service = DEFAULT_SERVICE_CATALOGUE[0] as ServiceDefinition;
  const dossier = withOffer(makeDossier());
  const base = { link, dossier, service, existing: [], id: "sub-new", actor: STAFF, now: NOW };

  it("creates a proposed subscription", () => {
    const { subscription, created } = proposeService(base);
    expect(created).toBe(true);
    expect(subscription).toEqual({
      id: "sub-new",
      contactId: "contact-1",
      dossierId: "dossier-1",
      serviceId: "consultation",
      status: "proposed",
      history: [{ status: "proposed", at: NOW.toISOString(), by: STAFF }],
      lastError: null,
    });
  });

  it("returns the live subscription of the same triple instead of a second one", () => {
    const live = makeSubscription({ id: "sub-old", status: "invited" });
    expect(proposeService({ ...base, existing: [live] })).toEqual({ subscription: live, created: false });
    // A revoked one, or another service, does not count.
    const revoked = makeSubscription({ id: "sub-rev", status: "revoked" });
    const other = makeSubscription({ id: "sub-tpe", serviceId: "consultation-tpe" });
    expect(proposeService({ ...base, existing: [revoked, other] }).created).toBe(true);
  });

  it.each([
    ["LINK_NOT_FOUND", { link: null }],
    ["LINK_NOT_FOUND", { link: { ...link, dossierId: "dossier-2" } }],
    ["OFFER_NOT_ACTIVE", { dossier: makeDossier() }],
    ["SERVICE_NOT_FOUND", { service: undefined }],
    ["SERVICE_NOT_FOUND", { service: { ...service, active: false } }],
  ])("%s", (code, override) => {
    expect(thrown(() => proposeService({ ...base, ...override }))?.code).toBe(code);
  });
});
