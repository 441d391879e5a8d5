import { describe, expect, it } from "vitest";
import { contactCreateInputSchema, contactUpdateInputSchema, type Contact } from "@comptoir/shared/domain/contact";
import { firmSettingsSchema, defaultFirmSettings } from "@comptoir/shared/domain/firm-settings";
import {
  contactCreateBody,
  contactFieldErrors,
  contactFormValues,
  contactPatch,
  EMPTY_CONTACT_FORM,
  missingContactFields,
} from "../src/features/contacts/contact-form";
import {
  collaborateursOf,
  parseMaxDossiers,
  serviceField,
  settingsBody,
  settingsValues,
  staffField,
} from "../src/features/settings/settings-form";

const contact: Contact = {
  id: "c1",
  nom: "Collaboratif",
  prenom: "Client",
  email: "client.collaboratif@exemple.fr",
  phone: "+33123456789",
  mobile: null,
  roleId: "r1",
  preferredLocale: "fr",
  guest: null,
  lastSignInAt: null,
  createdAt: "2025-01-01T00:00:00.000Z",
  updatedAt: "2025-01-01T00:00:00.000Z",
};

describe("the contact's Général form", () => {
  it("asks for Nom, Prénom, E-mail and the role before calling the server", () => {
    expect(missingContactFields(EMPTY_CONTACT_FORM)).toEqual(["nom", "prenom", "email", "roleId"]);
    expect(missingContactFields({ ...EMPTY_CONTACT_FORM, nom: "A", prenom: "B", email: " ", roleId: "r1" })).toEqual([
      "email",
    ]);
  });

  it("builds a create body the shared schema accepts (blank phones become none)", () => {
    const body = contactCreateBody({
      ...EMPTY_CONTACT_FORM,
      nom: "Client",
      prenom: "Collaboratif2",
      email: "C2@Exemple.fr",
      roleId: "r1",
    });
    const parsed = contactCreateInputSchema.parse(body);
    expect(parsed).toMatchObject({ email: "c2@exemple.fr", phone: null, mobile: null, roleId: "r1" });
  });

  it("shows stored phones the French way and patches only the changed fields", () => {
    const stored = contactFormValues(contact);
    expect(stored.phone).toBe("01 23 45 67 89");
    expect(contactPatch(stored, stored)).toEqual({});
    const patch = contactPatch(stored, { ...stored, mobile: "06 12 34 56 78", prenom: "Cliente" });
    expect(patch).toEqual({ mobile: "06 12 34 56 78", prenom: "Cliente" });
    expect(contactUpdateInputSchema.parse(patch)).toEqual({ mobile: "+33612345678", prenom: "Cliente" });
  });
});

describe("the errors shown on the contact's Général form", () => {
  const server = { email: "Adresse déjà utilisée." };

  it("says required on the fields Ok found blank, as long as they stay blank", () => {
    const values = { ...EMPTY_CONTACT_FORM, nom: "Client" };
    expect(contactFieldErrors({}, ["nom", "prenom"], values, "Obligatoire")).toEqual({ prenom: "Obligatoire" });
    expect(contactFieldErrors({}, ["prenom"], { ...values, prenom: "  " }, "Obligatoire")).toEqual({
      prenom: "Obligatoire",
    });
  });

  it("keeps the server's messages, and adds nothing while the form has no values", () => {
    expect(contactFieldErrors(server, [], EMPTY_CONTACT_FORM, "Obligatoire")).toEqual(server);
    expect(contactFieldErrors(server, ["nom"], null, "Obligatoire")).toEqual(server);
    expect(contactFieldErrors(server, ["email"], EMPTY_CONTACT_FORM, "Obligatoire")).toEqual({ email: "Obligatoire" });
  });
});

describe("the Paramètres form", () => {
  const settings = {
    ...defaultFirmSettings("Cabinet Démo"),
    subscriptions: { consultation: { active: true, maxDossiers: 50, until: "2026-12-31" } },
  };

  it("gives back the stored settings when nothing was edited", () => {
    expect(settingsBody(settings, settingsValues(settings))).toEqual(settings);
  });

  it("applies the edits: unlimited quota, no end date, a renamed and disabled service", () => {
    const id = settings.services[0]?.id ?? "";
    const values = {
      ...settingsValues(settings),
      active: false,
      maxDossiers: " ",
      until: "",
      [serviceField(id, "fr")]: "Offre Start",
      [serviceField(id, "active")]: false,
    };
    const body = settingsBody(settings, values);
    expect(body?.subscriptions.consultation).toEqual({ active: false, maxDossiers: null, until: null });
    expect(body?.services[0]).toMatchObject({ id, label: { fr: "Offre Start" }, active: false });
    expect(firmSettingsSchema.safeParse(body).success).toBe(true);
  });

  it("keeps each collaborateur's e-mail and phone, and drops one left blank (issue 18)", () => {
    const camille = { oid: "oid-camille", name: "Camille Martin" };
    const withContacts = {
      ...settings,
      staffContacts: [{ ...camille, email: "camille@cabinet.example", phone: "+33123456789" }],
    };
    const people = collaborateursOf(withContacts, [{ oid: "oid-marc", name: "Marc Lefèvre" }]);
    expect(people.map((p) => p.name)).toEqual(["Camille Martin", "Marc Lefèvre"]);
    expect(settingsBody(withContacts, settingsValues(withContacts), people)?.staffContacts).toEqual(
      withContacts.staffContacts,
    );
    const edited = {
      ...settingsValues(withContacts),
      [staffField("oid-camille", "email")]: " ",
      [staffField("oid-camille", "phone")]: "",
      [staffField("oid-marc", "phone")]: "06 12 34 56 78",
    };
    expect(settingsBody(withContacts, edited, people)?.staffContacts).toEqual([
      { oid: "oid-marc", name: "Marc Lefèvre", email: null, phone: "06 12 34 56 78" },
    ]);
  });

  it("refuses a quota that is not a whole number", () => {
    expect(parseMaxDossiers("12")).toBe(12);
    expect(parseMaxDossiers("")).toBeNull();
    expect(parseMaxDossiers("1.5")).toBeUndefined();
    expect(parseMaxDossiers("-3")).toBeUndefined();
    expect(settingsBody(settings, { ...settingsValues(settings), maxDossiers: "abc" })).toBeNull();
  });
});
