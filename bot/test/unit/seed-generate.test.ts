import { describe, expect, it } from "vitest";
import {
  contactCreateInputSchema,
  dossierCodeKey,
  dossierCreateInputSchema,
  isValidSiren,
  isValidSiret,
  normalizeEmail,
  normalizeRoleLabel,
  roleCreateInputSchema,
} from "@comptoir/shared";
import {
  DEMO_CONTACT,
  DEMO_ROLES,
  generateDemoContacts,
  generateDemoDossiers,
  mulberry32,
  SEED_DOSSIERS,
} from "../../dev/seed/generate";

describe("mulberry32", () => {
  it("is deterministic and stays in [0, 1)", () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const xs = Array.from({ length: 1000 }, () => a());
    expect(Array.from({ length: 1000 }, () => b())).toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(new Set(xs).size).toBeGreaterThan(990);
    expect(mulberry32(43)()).not.toBe(mulberry32(42)());
  });
});

describe("generateDemoDossiers", () => {
  it("is deterministic for a seed and varies with it", () => {
    expect(generateDemoDossiers(50, 7)).toEqual(generateDemoDossiers(50, 7));
    expect(generateDemoDossiers(50, 8)).not.toEqual(generateDemoDossiers(50, 7));
  });

  it("produces valid create inputs: parsing changes nothing", () => {
    for (const d of generateDemoDossiers(500, 1)) {
      expect(dossierCreateInputSchema.parse(d)).toEqual(d);
      expect(d.siren !== null && isValidSiren(d.siren)).toBe(true);
      expect(d.etablissements.length).toBeLessThanOrEqual(3);
      for (const e of d.etablissements) {
        expect(isValidSiret(e.siret)).toBe(true);
        expect(e.siret.startsWith(d.siren ?? "")).toBe(true);
      }
    }
  });

  it("looks like a real portfolio: mostly 31 December closings, a spread of établissements", () => {
    const list = generateDemoDossiers(2000, 3);
    const december = list.filter((d) => d.fiscalYearEnd === "12-31").length / list.length;
    expect(december).toBeGreaterThan(0.6);
    expect(december).toBeLessThan(0.9);
    expect(new Set(list.map((d) => d.fiscalYearEnd))).toEqual(new Set(["12-31", "03-31", "06-30", "09-30"]));
    expect(new Set(list.map((d) => d.etablissements.length))).toEqual(new Set([0, 1, 2, 3]));
    expect(new Set(list.map((d) => d.name)).size).toBeGreaterThan(500);
  });

  it("generates 10,000 dossiers with unique codes and SIRENs, quickly, clear of the seed dossiers", () => {
    const started = performance.now();
    const list = generateDemoDossiers(10_000, 2025);
    const elapsed = performance.now() - started;
    expect(list).toHaveLength(10_000);
    const codes = new Set([...list, ...SEED_DOSSIERS].map((d) => dossierCodeKey(d.code)));
    expect(codes.size).toBe(10_000 + SEED_DOSSIERS.length);
    expect(new Set([...list, ...SEED_DOSSIERS].map((d) => d.siren)).size).toBe(10_000 + SEED_DOSSIERS.length);
    expect(elapsed).toBeLessThan(2000);
  });
});

describe("seed data of the user story", () => {
  it("has the five named dossiers and the demo FEC's, all valid", () => {
    expect(SEED_DOSSIERS.map((d) => [d.code, d.name])).toEqual([
      ["000001", "TESTESTRADE"],
      ["000097", "ROLL N CO 2"],
      ["000100", "TESTROLNCO"],
      ["RPTEST2", "RPTEST2"],
      ["DIRECT3", "DIRECT3"],
      ["000120", "BOULANGERIES LEROUX"],
    ]);
    for (const d of SEED_DOSSIERS) expect(dossierCreateInputSchema.parse(d)).toEqual(d);
  });

  it("RPTEST2 has two établissements to demo « Limité à »", () => {
    expect(SEED_DOSSIERS.find((d) => d.code === "RPTEST2")?.etablissements.map((e) => e.code)).toEqual(["001", "002"]);
  });

  it("demo roles are valid and distinct; the demo contact is a Dirigeant", () => {
    for (const { id: _id, ...role } of DEMO_ROLES) expect(roleCreateInputSchema.parse(role)).toEqual(role);
    expect(new Set(DEMO_ROLES.map((r) => normalizeRoleLabel(r.label))).size).toBe(DEMO_ROLES.length);
    expect(contactCreateInputSchema.parse(DEMO_CONTACT)).toEqual(DEMO_CONTACT);
    expect(DEMO_ROLES.find((r) => r.id === DEMO_CONTACT.roleId)?.label).toBe("Dirigeant");
    expect([DEMO_CONTACT.prenom, DEMO_CONTACT.nom, DEMO_CONTACT.email]).toEqual([
      "Client",
      "Collaboratif",
      "client.collaboratif@exemple.fr",
    ]);
  });
});

describe("generateDemoContacts", () => {
  const roleIds = DEMO_ROLES.map((r) => r.id);

  it("is deterministic and valid", () => {
    const list = generateDemoContacts(300, 11, roleIds);
    expect(generateDemoContacts(300, 11, roleIds)).toEqual(list);
    for (const c of list) {
      expect(contactCreateInputSchema.parse(c)).toEqual(c);
      expect(roleIds).toContain(c.roleId);
    }
    expect(list.some((c) => c.mobile !== null) && list.some((c) => c.phone !== null)).toBe(true);
  });

  it("generates 30,000 contacts with unique e-mails (and none is the demo contact's)", () => {
    const list = generateDemoContacts(30_000, 2025, roleIds);
    const emails = new Set(list.map((c) => normalizeEmail(c.email)));
    expect(emails.size).toBe(30_000);
    expect(emails.has(DEMO_CONTACT.email)).toBe(false);
  });

  it("needs at least one role", () => {
    expect(() => generateDemoContacts(1, 1, [])).toThrow();
  });
});
