import { describe, expect, it } from "vitest";
import {
  AUDIT_ACTIONS,
  AUDIT_FIELDS,
  auditEvent,
  auditEventSchema,
  CLIENT_ACCESS_DENIALS,
  LEGAL_FORMS,
  SUBSCRIPTION_STATUSES,
  subscriptionAuditAction,
  summarize,
} from "../../src/domain";
import { ERROR_CODES } from "../../src/errors";
import { isMessageKey, translate } from "../../src/i18n";
import { validationMessages } from "../../src/i18n/messages/validation";
import { makeDossier, NOW, STAFF } from "./fixtures";

describe("audit events", () => {
  it("summarizes the chosen fields of an entity", () => {
    const d = makeDossier();
    expect(summarize(d, ["code", "name"])).toEqual({ code: "RPTEST2", name: "RPTEST2" });
    const missing = (): typeof d | null => null;
    expect(summarize(missing(), ["code"])).toBeNull();
    expect(Object.keys(summarize(d, AUDIT_FIELDS.dossier) ?? {})).toEqual([...AUDIT_FIELDS.dossier]);
  });

  it("builds a valid event, with the dossier id for the dossier's history", () => {
    const d = makeDossier();
    const e = auditEvent({
      id: "evt-1",
      now: NOW,
      actor: STAFF,
      action: "dossier.offer.activated",
      target: { type: "dossier", id: d.id },
      dossierId: d.id,
      before: { offers: { consultation: { active: false } } },
      after: { offers: { consultation: { active: true } } },
    });
    expect(auditEventSchema.parse(e)).toEqual(e);
    expect(e.at).toBe(NOW.toISOString());
    expect(auditEventSchema.safeParse({ ...e, action: "dossier.teleported" }).success).toBe(false);
  });

  it("every subscription status has its audit action", () => {
    expect(SUBSCRIPTION_STATUSES.map(subscriptionAuditAction)).toEqual([
      "service.proposed",
      "service.invited",
      "service.accepted",
      "service.activated",
      "service.revoked",
    ]);
  });
});

describe("messages of the domain", () => {
  it("every domain code has a bilingual label", () => {
    const keys = [
      ...AUDIT_ACTIONS.map((a) => `domain.audit.${a}`),
      ...SUBSCRIPTION_STATUSES.map((s) => `domain.subscriptionStatus.${s}`),
      ...CLIENT_ACCESS_DENIALS.map((r) => `domain.access.${r}`),
      ...LEGAL_FORMS.map((f) => `domain.legalForm.${f}`),
      ...["inactive", "expired", "quota"].map((r) => `domain.subscriptionShortfall.${r}`),
    ];
    expect(keys.filter((k) => !isMessageKey(k))).toEqual([]);
  });

  it("the error codes the domain throws are in the catalogue, with French and English text", () => {
    const codes = [
      "ROLE_NOT_FOUND",
      "ROLE_IN_USE",
      "ROLE_LABEL_TAKEN",
      "CONTACT_NOT_FOUND",
      "CONTACT_EMAIL_TAKEN",
      "DOSSIER_NOT_FOUND",
      "DOSSIER_CODE_TAKEN",
      "DOSSIER_HAS_LIVE_SERVICES",
      "ETABLISSEMENT_NOT_FOUND",
      "ETABLISSEMENT_IN_USE",
      "LINK_EXISTS",
      "LINK_NOT_FOUND",
      "OFFER_NOT_ACTIVE",
      "SERVICE_NOT_FOUND",
      "SUBSCRIPTION_NOT_FOUND",
      "INVALID_TRANSITION",
      "SUBSCRIPTION_REQUIRED",
    ];
    expect(codes.filter((c) => !(ERROR_CODES as string[]).includes(c))).toEqual([]);
    for (const code of codes) {
      const key = `error.${code}`;
      if (!isMessageKey(key)) throw new Error(`missing ${key}`);
      expect(translate("fr", key)).not.toBe(translate("en", key));
    }
    expect(translate("fr", "error.ROLE_NOT_FOUND")).toBe("Le rôle organisationnel sélectionné n'existe pas.");
  });

  it("validation messages only use the params the mapper provides", () => {
    const known = new Set(["min", "max", "keys", "code", "siren", "id"]);
    for (const { fr, en } of Object.values(validationMessages)) {
      for (const text of [fr, en]) {
        for (const [, name] of text.matchAll(/\{(\w+)\}/g)) expect(known.has(name ?? "")).toBe(true);
      }
    }
  });
});
