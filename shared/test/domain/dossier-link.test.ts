import { describe, expect, it } from "vitest";
import {
  contactDossierLinkInputSchema,
  dossierContactLinkInputSchema,
  dossierLinkSchema,
  linkContactToDossier,
  unlinkContactFromDossier,
  updateLinkLimitedTo,
  validateLimitedTo,
  zodIssuesToFields,
} from "../../src/domain";
import { LATER, makeContact, makeDossier, makeSubscription, NOW, STAFF, thrown, wholeDossierLink } from "./fixtures";

describe("limitedTo input", () => {
  it('defaults to "-" (the whole dossier) from both entry points', () => {
    expect(contactDossierLinkInputSchema.parse({ dossierId: "dossier-1" })).toEqual({
      dossierId: "dossier-1",
      limitedTo: "-",
    });
    expect(dossierContactLinkInputSchema.parse({ contactId: "contact-1" })).toEqual({
      contactId: "contact-1",
      limitedTo: "-",
    });
  });

  it("refuses an empty list, duplicates and other strings, with localized messages", () => {
    const fields = (limitedTo: unknown) => {
      const r = contactDossierLinkInputSchema.safeParse({ dossierId: "d1", limitedTo });
      return r.success ? [] : zodIssuesToFields(r.error, "fr");
    };
    expect(fields([])).toEqual([
      { path: "limitedTo", message: "Choisissez au moins un établissement, ou « - » pour tout le dossier." },
    ]);
    expect(fields(["001", "001"]).map((f) => f.path)).toEqual(["limitedTo.1"]);
    expect(fields("tout")[0]?.message).toMatch(/^« Limité à » doit valoir « - »/);
  });
});

describe("linkContactToDossier", () => {
  const contact = makeContact();
  const dossier = makeDossier();

  it('links with "-" by default', () => {
    const { link, created } = linkContactToDossier({ contact, dossier, existing: null, actor: STAFF, now: NOW });
    expect(created).toBe(true);
    expect(link).toEqual(wholeDossierLink());
    expect(dossierLinkSchema.parse(link)).toEqual(link);
  });

  it("is idempotent for the same link, LINK_EXISTS for a different one", () => {
    const { link } = linkContactToDossier({
      contact,
      dossier,
      limitedTo: ["002", "001"],
      existing: null,
      actor: STAFF,
      now: NOW,
    });
    const again = linkContactToDossier({
      contact,
      dossier,
      limitedTo: ["001", "002"],
      existing: link,
      actor: STAFF,
      now: LATER,
    });
    expect(again).toEqual({ link, created: false });
    expect(
      thrown(() => linkContactToDossier({ contact, dossier, existing: link, actor: STAFF, now: LATER }))?.code,
    ).toBe("LINK_EXISTS");
  });

  it("ETABLISSEMENT_NOT_FOUND lists the unknown codes", () => {
    const err = thrown(() =>
      linkContactToDossier({
        contact,
        dossier,
        limitedTo: ["001", "009", "010"],
        existing: null,
        actor: STAFF,
        now: NOW,
      }),
    );
    expect(err).toMatchObject({ code: "ETABLISSEMENT_NOT_FOUND", params: { codes: "009, 010" } });
    expect(thrown(() => validateLimitedTo(["001"], makeDossier({ etablissements: [] })))?.code).toBe(
      "ETABLISSEMENT_NOT_FOUND",
    );
  });

  it('changes "Limité à" on an existing link', () => {
    const { link } = linkContactToDossier({ contact, dossier, existing: null, actor: STAFF, now: NOW });
    expect(updateLinkLimitedTo(link, ["002"], dossier, LATER)).toEqual({
      ...link,
      limitedTo: ["002"],
      updatedAt: LATER.toISOString(),
    });
    expect(thrown(() => updateLinkLimitedTo(link, ["404"], dossier, LATER))?.code).toBe("ETABLISSEMENT_NOT_FOUND");
  });

  it("removing a link revokes the contact's services on that dossier only", () => {
    const subs = [
      makeSubscription({ id: "a", status: "accepted" }),
      makeSubscription({ id: "b", status: "active", dossierId: "dossier-2" }),
      makeSubscription({ id: "c", status: "active", contactId: "contact-2" }),
    ];
    const revoked = unlinkContactFromDossier({ contactId: "contact-1", dossierId: "dossier-1" }, subs, STAFF, LATER);
    expect(revoked.map((s) => [s.id, s.status])).toEqual([["a", "revoked"]]);
  });
});
