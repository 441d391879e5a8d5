import { describe, expect, it } from "vitest";
import {
  applyContactUpdate,
  contactUpdateInputSchema,
  isGuestUserType,
  unboundGuest,
  type Contact,
} from "../../src/domain";
import { LATER, makeContact } from "./fixtures";

const roleIds = ["role-dirigeant"];
const update = (contact: Contact, input: unknown) =>
  applyContactUpdate(contact, contactUpdateInputSchema.parse(input), { now: LATER, roleIds, existing: [contact] });

describe("a contact's guest binding", () => {
  it("is let go of, with its sign-in, when the e-mail address changes", () => {
    const bound = makeContact({ lastSignInAt: LATER.toISOString() });
    const next = update(bound, { prenom: "Paul", email: "paul@autre.fr" });
    expect(next).toMatchObject({ prenom: "Paul", email: "paul@autre.fr", guest: null, lastSignInAt: null });
    expect(unboundGuest(bound, next)).toEqual(bound.guest);
  });

  it("stays when the address is the same (whatever its case) or is not touched", () => {
    const bound = makeContact();
    for (const input of [{ email: bound.email.toUpperCase() }, { prenom: "Paul", phone: "01 23 45 67 89" }]) {
      const next = update(bound, input);
      expect(next.guest).toEqual(bound.guest);
      expect(unboundGuest(bound, next)).toBeNull();
    }
  });

  it("has nothing to unbind on a contact never invited", () => {
    const unbound = makeContact({ guest: null });
    expect(unboundGuest(unbound, update(unbound, { email: "paul@autre.fr" }))).toBeNull();
  });

  it("binds only a guest of the tenant: not a member, nor an account whose userType is unset", () => {
    expect(isGuestUserType("Guest")).toBe(true);
    for (const other of ["Member", null, undefined, ""]) expect(isGuestUserType(other)).toBe(false);
  });
});
