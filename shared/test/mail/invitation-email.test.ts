import { describe, expect, it } from "vitest";
import { escapeHtml, invitationEmail, type InvitationEmailInput } from "../../src/mail/invitation-email";

const ACCEPT = "https://login.microsoftonline.com/redeem?rd=abc&x=1";

const BASE: InvitationEmailInput = {
  locale: "fr",
  firmName: "Cabinet Dupont & Associés",
  contactName: "Client Collaboratif",
  identifier: "client.collaboratif@exemple.fr",
  acceptLink: ACCEPT,
  spaceLink: "https://comptoir.cabinet.example/#/ma-societe/d-42",
  serviceLabel: "Collaboratif TPE - Offre Consultation",
};

describe("invitation e-mail", () => {
  it("in French, carries the link, the identifier and the seed's explanations", () => {
    const mail = invitationEmail(BASE);
    expect(mail.subject).toBe("Cabinet Dupont & Associés vous invite à consulter votre espace collaboratif");
    for (const body of [mail.html, mail.text]) {
      expect(body).toContain("client.collaboratif@exemple.fr");
      expect(body).toContain("celui de votre compte Microsoft");
      expect(body).toContain("« Accepter »");
      expect(body).toContain("Pas de compte ? Créez-en un.");
    }
    expect(mail.html).toContain("Accepter l&#39;invitation");
    expect(mail.text).toContain(`Accepter l'invitation : ${ACCEPT}`);
    expect(mail.text).toContain("Identifiant : client.collaboratif@exemple.fr");
    expect(mail.html).toContain('<html lang="fr">');
    expect(mail.html).toContain(`href="${escapeHtml(ACCEPT)}"`);
    expect(mail.html).toContain("Collaboratif TPE - Offre Consultation");
  });

  it("in English for a contact who prefers English", () => {
    const mail = invitationEmail({ ...BASE, locale: "en" });
    expect(mail.subject).toBe("Cabinet Dupont & Associés invites you to your collaborative space");
    expect(mail.html).toContain('<html lang="en">');
    expect(mail.text).toContain(`Accept invitation: ${ACCEPT}`);
    expect(mail.text).toContain("Username: client.collaboratif@exemple.fr");
    expect(mail.text).toContain("No account? Create one!");
    expect(mail.text).not.toContain("Bonjour");
  });

  it("HTML-escapes every value, and only the HTML part", () => {
    const hostile = {
      ...BASE,
      firmName: `<script>alert("x")</script>`,
      contactName: `Zoé "O'Brien" <b>`,
      identifier: `a&b@exemple.fr`,
      serviceLabel: `<img src=x onerror=alert(1)>`,
      acceptLink: `https://exemple.fr/?a="><script>`,
    };
    const mail = invitationEmail(hostile);
    expect(mail.html).not.toContain("<script>");
    expect(mail.html).not.toContain("<img");
    expect(mail.html).not.toContain("<b>");
    expect(mail.html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    expect(mail.html).toContain("Zoé &quot;O&#39;Brien&quot; &lt;b&gt;");
    expect(mail.html).toContain("a&amp;b@exemple.fr");
    expect(mail.html).toContain('href="https://exemple.fr/?a=&quot;&gt;&lt;script&gt;"');
    // The subject and the text part are plain text: no entities there.
    expect(mail.subject).toContain(`<script>alert("x")</script>`);
    expect(mail.text).toContain(`Bonjour Zoé "O'Brien" <b>,`);
  });

  it("refuses a link that is not http(s)", () => {
    expect(() => invitationEmail({ ...BASE, acceptLink: "javascript:alert(1)" })).toThrow();
    expect(() => invitationEmail({ ...BASE, acceptLink: "" })).toThrow();
    expect(() => invitationEmail({ ...BASE, spaceLink: "javascript:alert(1)" })).toThrow();
  });

  it("carries the stable link to the client's space, after the acceptance link (issue 18)", () => {
    const mail = invitationEmail(BASE);
    expect(mail.html).toContain(`href="${BASE.spaceLink}"`);
    expect(mail.text).toContain(
      `Une fois l'invitation acceptée, ce lien ouvre votre espace, dans votre navigateur comme depuis Teams ou Outlook : ${BASE.spaceLink}`,
    );
    expect(mail.text.indexOf(ACCEPT)).toBeLessThan(mail.text.indexOf(BASE.spaceLink));
  });

  it("once the guest has accepted, announces a new service with no acceptance step (issue 18)", () => {
    const mail = invitationEmail({ ...BASE, acceptLink: null });
    expect(mail.subject).toBe(
      "Cabinet Dupont & Associés vous ouvre un nouveau service : Collaboratif TPE - Offre Consultation",
    );
    for (const body of [mail.html, mail.text]) {
      expect(body).not.toContain("redeem");
      expect(body).not.toContain("Accepter l");
      expect(body).not.toContain("Pas de compte ?");
      expect(body).toContain("il n'y a rien à accepter".replace("'", body === mail.html ? "&#39;" : "'"));
      expect(body).toContain(BASE.spaceLink);
    }
    expect(mail.text).toContain(`Ouvrir mon espace : ${BASE.spaceLink}`);
    expect(invitationEmail({ ...BASE, acceptLink: null, locale: "en" }).subject).toBe(
      "Cabinet Dupont & Associés opens a new service for you: Collaboratif TPE - Offre Consultation",
    );
  });
});
