import { describe, expect, it } from "vitest";
import {
  applyContactUpdate,
  applyRoleUpdate,
  assertRoleDeletable,
  contactCreateInputSchema,
  contactDisplayName,
  contactSchema,
  contactUpdateInputSchema,
  createContact,
  createRole,
  normalizeRoleLabel,
  revokeContactServices,
  roleCreateInputSchema,
} from "../../src/domain";
import { translate } from "../../src/i18n";
import { LATER, makeContact, makeSubscription, NOW, STAFF, thrown } from "./fixtures";

describe("organisational roles", () => {
  const existing = [{ id: "r1", label: "Dirigeant" }];

  it("labels are unique case- and space-insensitively", () => {
    expect(normalizeRoleLabel("  Comptable   INTERNE ")).toBe(normalizeRoleLabel("comptable interne"));
    const data = roleCreateInputSchema.parse({ label: " DIRIGEANT " });
    expect(thrown(() => createRole(data, { id: "r2", now: NOW, existing }))).toMatchObject({
      code: "ROLE_LABEL_TAKEN",
      params: { label: "DIRIGEANT" },
    });
  });

  it("creates a role; blank description becomes null", () => {
    const data = roleCreateInputSchema.parse({ label: "Directeur financier", description: "  " });
    expect(createRole(data, { id: "r2", now: NOW, existing })).toEqual({
      id: "r2",
      label: "Directeur financier",
      description: null,
      createdAt: NOW.toISOString(),
      updatedAt: NOW.toISOString(),
    });
  });

  it("a role may keep its own label on update", () => {
    const role = createRole({ label: "Dirigeant", description: null }, { id: "r1", now: NOW, existing: [] });
    expect(applyRoleUpdate(role, { label: "dirigeant" }, { now: LATER, existing }).label).toBe("dirigeant");
  });

  it("validates label and description lengths", () => {
    expect(roleCreateInputSchema.safeParse({ label: "" }).success).toBe(false);
    expect(roleCreateInputSchema.safeParse({ label: "x".repeat(81) }).success).toBe(false);
    expect(roleCreateInputSchema.safeParse({ label: "ok", description: "x".repeat(501) }).success).toBe(false);
  });

  it("ROLE_IN_USE while contacts hold it, with a count in the message", () => {
    const err = thrown(() => assertRoleDeletable(2));
    expect(err).toMatchObject({ code: "ROLE_IN_USE", params: { count: 2 } });
    expect(translate("fr", "error.ROLE_IN_USE", err?.params)).toBe(
      "Ce rôle est attribué à 2 interlocuteur(s) : retirez-le d'abord de leur fiche.",
    );
    expect(thrown(() => assertRoleDeletable(0))).toBeUndefined();
  });
});

describe("contacts", () => {
  const roleIds = new Set(["role-dirigeant"]);

  it("normalises e-mail and phones, with French defaults", () => {
    const data = contactCreateInputSchema.parse({
      nom: "Collaboratif",
      prenom: "Client",
      email: "  Client.Collaboratif@Exemple.FR ",
      phone: "01 23 45 67 89",
      mobile: "",
      roleId: "role-dirigeant",
    });
    expect(data).toEqual({
      nom: "Collaboratif",
      prenom: "Client",
      email: "client.collaboratif@exemple.fr",
      phone: "+33123456789",
      mobile: null,
      roleId: "role-dirigeant",
      preferredLocale: "fr",
    });
    const contact = createContact(data, { id: "c1", now: NOW, roleIds, existing: [] });
    expect(contact.guest).toBeNull();
    expect(contactSchema.parse(contact)).toEqual(contact);
    expect(contactDisplayName(contact)).toBe("Client Collaboratif");
  });

  it("requires nom, prénom, e-mail and role", () => {
    const r = contactCreateInputSchema.safeParse({});
    expect(r.success ? [] : r.error.issues.map((i) => i.path.join("."))).toEqual(["nom", "prenom", "email", "roleId"]);
  });

  it("ROLE_NOT_FOUND for an unknown role, on create and update", () => {
    const data = contactCreateInputSchema.parse({ nom: "A", prenom: "B", email: "a@b.fr", roleId: "nope" });
    expect(thrown(() => createContact(data, { id: "c1", now: NOW, roleIds, existing: [] }))?.code).toBe(
      "ROLE_NOT_FOUND",
    );
    expect(
      thrown(() => applyContactUpdate(makeContact(), { roleId: "nope" }, { now: NOW, roleIds: ["x"], existing: [] }))
        ?.code,
    ).toBe("ROLE_NOT_FOUND");
  });

  it("CONTACT_EMAIL_TAKEN when another contact has the address, whatever its case", () => {
    const other = { id: "c9", email: "client.collaboratif@exemple.fr" };
    const data = contactCreateInputSchema.parse({
      nom: "A",
      prenom: "B",
      email: "CLIENT.collaboratif@exemple.fr",
      roleId: "role-dirigeant",
    });
    expect(thrown(() => createContact(data, { id: "c1", now: NOW, roleIds, existing: [other] }))).toMatchObject({
      code: "CONTACT_EMAIL_TAKEN",
      params: { email: "client.collaboratif@exemple.fr" },
    });
    // Keeping one's own address is fine.
    const me = makeContact();
    const patch = contactUpdateInputSchema.parse({ email: me.email.toUpperCase(), phone: null });
    const updated = applyContactUpdate(me, patch, { now: LATER, roleIds, existing: [me] });
    expect(updated).toEqual({ ...me, phone: null, updatedAt: LATER.toISOString() });
  });

  it("deleting a contact revokes all their live services, and only theirs", () => {
    const subs = [
      makeSubscription({ id: "a", status: "active" }),
      makeSubscription({ id: "b", status: "invited", dossierId: "dossier-2" }),
      makeSubscription({ id: "c", status: "revoked" }),
      makeSubscription({ id: "d", status: "active", contactId: "contact-2" }),
    ];
    expect(revokeContactServices("contact-1", subs, STAFF, LATER).map((s) => [s.id, s.status])).toEqual([
      ["a", "revoked"],
      ["b", "revoked"],
    ]);
  });
});
