import { describe, expect, it } from "vitest";
import { rgpdExportSchema, renderRgpdExportHtml, type RgpdExport } from "../../src/domain";
import { NOW, STAFF, TENANT } from "./fixtures";

const at = NOW.toISOString();

function fullExport(): RgpdExport {
  return rgpdExportSchema.parse({
    format: "comptoir-rgpd-export/1",
    generatedAt: at,
    firmTenantId: TENANT,
    contact: {
      id: "contact-42",
      nom: "Durand <b>",
      prenom: "Marie",
      email: "marie.durand@client.fr",
      phone: "+33612345678",
      mobile: null,
      roleId: "role-1",
      preferredLocale: "fr",
      guest: { tenantId: TENANT, objectId: "guest-oid-42", invitedAt: at },
      lastSignInAt: at,
      createdAt: at,
      updatedAt: at,
    },
    links: [
      {
        contactId: "contact-42",
        dossierId: "dossier-1",
        limitedTo: "-",
        createdAt: at,
        createdBy: STAFF,
        updatedAt: at,
        dossierCode: "RPTEST2",
        dossierName: "Boulangerie",
      },
    ],
    subscriptions: [
      {
        id: "sub-1",
        contactId: "contact-42",
        dossierId: "dossier-1",
        serviceId: "consultation",
        status: "active",
        history: [{ status: "proposed", at, by: STAFF }],
        lastError: null,
      },
    ],
    invitations: [{ subscriptionId: "sub-1", state: { mailSentAt: at } }],
    mailsSent: [{ subscriptionId: "sub-1", to: "marie.durand@client.fr", sentAt: at }],
    conversationReferences: [{ key: "u|guest-oid-42", conversationId: "a:conv-1", updatedAt: at }],
    importNotices: { turnedOff: true, sent: [{ dossierId: "dossier-1", importId: "imp-1", at, outcome: "sent" }] },
    auditEvents: [
      {
        id: "evt-1",
        at,
        actor: STAFF,
        action: "contact.created",
        target: { type: "contact", id: "contact-42" },
        before: null,
        after: { nom: "Durand" },
      },
    ],
  });
}

describe("RGPD export page", () => {
  it("has one section per category, in French first, with every item's data", () => {
    const html = renderRgpdExportHtml(fullExport(), "fr");
    expect(html).toContain('<html lang="fr">');
    for (const heading of [
      "Identité",
      "Dossiers client",
      "Services collaboratifs",
      "Invitations",
      "E-mails envoyés",
      "Conversations Teams",
      "Avis d'import",
      "Journal d&#39;audit",
    ])
      expect(html).toContain(`<h2>${heading.replace("'", "&#39;")}</h2>`);
    for (const value of [
      "marie.durand@client.fr",
      "RPTEST2",
      "consultation",
      "a:conv-1",
      "imp-1",
      "evt-1",
      "guest-oid-42",
    ])
      expect(html).toContain(value);
    expect(html).toContain("Avis d&#39;import désactivés");
  });

  it("escapes every value and says when a category is empty, in English too", () => {
    const data = { ...fullExport(), links: [], auditEvents: [] };
    const html = renderRgpdExportHtml(data, "en");
    expect(html).toContain('<html lang="en">');
    expect(html).toContain("Durand &lt;b&gt;");
    expect(html).not.toContain("Durand <b>");
    expect(html).toContain("<h2>Client dossiers</h2><p>No data.</p>");
    expect(html).toContain("<h2>Audit log</h2><p>No data.</p>");
  });
});
