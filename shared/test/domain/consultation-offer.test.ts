import { describe, expect, it } from "vitest";
import {
  activateConsultationOffer,
  canEditFirmSettings,
  consultationSubscriptionShortfall,
  deactivateConsultationOffer,
  DEFAULT_SERVICE_CATALOGUE,
  defaultFirmSettings,
  firmSettingsSchema,
  initializeCollaborativeWidget,
} from "../../src/domain";
import { translate } from "../../src/i18n";
import {
  clientPrincipal,
  LATER,
  makeDossier,
  makeSubscription,
  NOW,
  settingsWith,
  STAFF,
  thrown,
  withOffer,
} from "./fixtures";

describe("firm settings", () => {
  it("start with no subscription and the default catalogue", () => {
    const s = defaultFirmSettings("Cabinet Durand");
    expect(s.subscriptions.consultation.active).toBe(false);
    expect(s.services.map((x) => x.id)).toEqual(["consultation", "consultation-tpe"]);
    expect(firmSettingsSchema.parse(s)).toEqual(s);
  });

  it("has the two catalogue services of the user story, bilingual", () => {
    expect(DEFAULT_SERVICE_CATALOGUE.map((s) => s.label.fr)).toEqual([
      "Offre Consultation (Start)",
      "Collaboratif TPE – Offre Consultation",
    ]);
    expect(DEFAULT_SERVICE_CATALOGUE.every((s) => s.requiresOffer === "consultation" && s.active)).toBe(true);
  });

  it("refuses duplicate service ids and malformed dates", () => {
    const s = defaultFirmSettings("Cabinet");
    const dup = { ...s, services: [...s.services, s.services[0]] };
    expect(firmSettingsSchema.safeParse(dup).success).toBe(false);
    const badDate = settingsWith({ until: "2025-02-30" });
    expect(firmSettingsSchema.safeParse(badDate).success).toBe(false);
  });

  it("only a Firm.Admin may edit them", () => {
    expect(canEditFirmSettings(clientPrincipal({ roles: ["Firm.Admin"], kind: "staff" }))).toBe(true);
    expect(canEditFirmSettings(clientPrincipal({ roles: ["Firm.Staff"], kind: "staff" }))).toBe(false);
    expect(canEditFirmSettings(clientPrincipal())).toBe(false);
  });
});

describe("consultationSubscriptionShortfall", () => {
  it("explains what is missing", () => {
    expect(consultationSubscriptionShortfall(settingsWith({ active: false }), 0, NOW)).toBe("inactive");
    expect(consultationSubscriptionShortfall(settingsWith({ until: "2025-03-14" }), 0, NOW)).toBe("expired");
    expect(consultationSubscriptionShortfall(settingsWith({ maxDossiers: 3 }), 3, NOW)).toBe("quota");
    expect(consultationSubscriptionShortfall(settingsWith({ maxDossiers: 3 }), 2, NOW)).toBeNull();
    expect(consultationSubscriptionShortfall(settingsWith({ maxDossiers: null }), 10_000, NOW)).toBeNull();
  });

  it("counts the last day as covered, on the Paris calendar", () => {
    expect(consultationSubscriptionShortfall(settingsWith({ until: "2025-03-15" }), 0, NOW)).toBeNull();
    // 23:30 UTC on 31 March is already 1 April in Paris.
    const lateEvening = new Date("2025-03-31T23:30:00.000Z");
    expect(consultationSubscriptionShortfall(settingsWith({ until: "2025-03-31" }), 0, lateEvening)).toBe("expired");
  });
});

describe("activateConsultationOffer", () => {
  it("switches the offer on, recording when and by whom", () => {
    const d = activateConsultationOffer(makeDossier(), settingsWith({}), 0, STAFF, NOW);
    expect(d.offers.consultation).toEqual({ active: true, activatedAt: NOW.toISOString(), activatedBy: STAFF });
    expect(d.updatedAt).toBe(NOW.toISOString());
  });

  it.each([
    [{ active: false }, 0, "inactive"],
    [{ until: "2025-01-31" }, 0, "expired"],
    [{ maxDossiers: 2 }, 2, "quota"],
    [{ maxDossiers: 0 }, 0, "quota"],
  ] as const)("needs the firm subscription (%o, %i active) → SUBSCRIPTION_REQUIRED", (sub, count, reason) => {
    const err = thrown(() => activateConsultationOffer(makeDossier(), settingsWith(sub), count, STAFF, NOW));
    expect(err).toMatchObject({ code: "SUBSCRIPTION_REQUIRED", params: { reason } });
    // What the refusal's message explains: the end date that passed, the quota that is used.
    if (reason === "expired") expect(err).toMatchObject({ params: { until: "2025-01-31" } });
    if (reason === "quota") expect(err).toMatchObject({ params: { maxDossiers: sub.maxDossiers } });
  });

  it("SUBSCRIPTION_REQUIRED keeps the seed sentence", () => {
    expect(translate("fr", "error.SUBSCRIPTION_REQUIRED")).toMatch(
      /^Cette offre de service est soumise à un abonnement payant/,
    );
  });

  it("is idempotent when already active", () => {
    const active = withOffer(makeDossier());
    expect(activateConsultationOffer(active, settingsWith({ active: false }), 99, STAFF, LATER)).toBe(active);
  });
});

describe("deactivateConsultationOffer", () => {
  it("switches the offer off and revokes the dossier's live services", () => {
    const d = withOffer(makeDossier());
    const subs = [
      makeSubscription({ id: "a", status: "active" }),
      makeSubscription({ id: "b", status: "proposed", serviceId: "consultation-tpe" }),
      makeSubscription({ id: "c", status: "revoked" }),
      makeSubscription({ id: "d", status: "active", dossierId: "other-dossier" }),
    ];
    const { dossier, revoked } = deactivateConsultationOffer(d, subs, STAFF, LATER);
    expect(dossier.offers.consultation.active).toBe(false);
    expect(revoked.map((s) => s.id)).toEqual(["a", "b"]);
    expect(revoked.every((s) => s.status === "revoked" && s.history.at(-1)?.at === LATER.toISOString())).toBe(true);
  });

  it("leaves an inactive dossier unchanged", () => {
    const d = makeDossier();
    expect(deactivateConsultationOffer(d, [], STAFF, LATER)).toEqual({ dossier: d, revoked: [] });
  });
});

describe("initializeCollaborativeWidget", () => {
  it("initialises the tile with the extension switched on", () => {
    const d = initializeCollaborativeWidget(withOffer(makeDossier()), { extensionActive: true }, STAFF, LATER);
    expect(d.collaborativeWidget).toEqual({
      initialized: true,
      extensionActive: true,
      at: LATER.toISOString(),
      by: STAFF,
    });
  });

  it("needs the offer to switch the extension on, not to switch it off", () => {
    expect(
      thrown(() => initializeCollaborativeWidget(makeDossier(), { extensionActive: true }, STAFF, NOW)),
    ).toMatchObject({
      code: "OFFER_NOT_ACTIVE",
    });
    const off = initializeCollaborativeWidget(makeDossier(), { extensionActive: false }, STAFF, NOW);
    expect(off.collaborativeWidget.extensionActive).toBe(false);
    expect(off.collaborativeWidget.initialized).toBe(true);
  });
});
