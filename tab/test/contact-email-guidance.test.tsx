import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { translate } from "@comptoir/shared";
import type { Locale } from "@comptoir/shared/i18n/locale";
import { I18nContext } from "../src/i18n/context";
import { ContactGeneralForm } from "../src/features/contacts/ContactGeneralForm";
import { EMPTY_CONTACT_FORM } from "../src/features/contacts/contact-form";

/** The Général form as staff see it, rendered to HTML in `locale`. */
function form(locale: Locale, readOnly = false): string {
  const i18n = {
    locale,
    setLocale: () => {},
    t: (k: Parameters<typeof translate>[1], p?: Parameters<typeof translate>[2]) => translate(locale, k, p),
  };
  return renderToStaticMarkup(
    <I18nContext.Provider value={i18n}>
      <ContactGeneralForm
        values={EMPTY_CONTACT_FORM}
        stored={EMPTY_CONTACT_FORM}
        conflicts={[]}
        readOnly={readOnly}
        errors={{}}
        roles={[]}
        pending={false}
        firstFieldRef={null}
        onChange={() => {}}
        onSubmit={() => {}}
        onCancel={() => {}}
      />
    </I18nContext.Provider>,
  );
}

/** The text of the elements the e-mail input names in its aria-describedby. */
function emailDescription(html: string): string {
  const input = /<input[^>]*type="email"[^>]*>/.exec(html)?.[0] ?? "";
  const ids = /aria-describedby="([^"]+)"/.exec(input)?.[1]?.split(" ") ?? [];
  return ids
    .map((id) => new RegExp(`id="${id}"[^>]*>([^<]*)<`).exec(html)?.[1] ?? "")
    .join(" ")
    .replace(/&#x27;|&#39;/g, "'");
}

describe("the interlocuteur's E-mail field (issue 18, point 4)", () => {
  it.each(["fr", "en"] as const)("describes, in %s, that it must be the client's Microsoft account", (locale) => {
    expect(emailDescription(form(locale))).toContain(translate(locale, "staff.contact.email.guidance"));
  });

  it("says it in the seed's words, and not on a read-only fiche", () => {
    expect(emailDescription(form("fr"))).toMatch(
      /^Indiquez l'adresse du compte Microsoft du client : la même que celle invitée sur le tenant Microsoft 365 du cabinet\. C'est son identifiant de connexion\.$/,
    );
    expect(emailDescription(form("fr", true))).toBe("");
  });
});
