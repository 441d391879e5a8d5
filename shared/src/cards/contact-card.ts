import type { Locale } from "../i18n/locale";
import { card, facts, heading, lines, openUrl, paragraph, subheading } from "./elements";
import { dossierLabel, formatDateTime, t } from "./format";
import type { AdaptiveCard, CardElement, Fact } from "./types";

export interface ContactCardInput {
  locale: Locale;
  contact: {
    /** Display name (`contactDisplayName`). */
    name: string;
    email: string;
    phone?: string | null;
    mobile?: string | null;
    lastSignInAt?: string | null;
  };
  roleLabel: string;
  dossiers: readonly { code: string; name: string }[];
  /** Deep link to the contact in the staff tab, when known. */
  openLink?: string;
}

/** Answer to `interlocuteur <e-mail|nom>`. */
export function contactCard(input: ContactCardInput): AdaptiveCard {
  const { locale, contact } = input;
  const list: Fact[] = [{ title: t(locale, "cards.field.email"), value: contact.email }];
  if (contact.phone) list.push({ title: t(locale, "cards.field.phone"), value: contact.phone });
  if (contact.mobile) list.push({ title: t(locale, "cards.field.mobile"), value: contact.mobile });
  list.push(
    { title: t(locale, "cards.field.role"), value: input.roleLabel },
    {
      title: t(locale, "cards.field.lastSignIn"),
      value: contact.lastSignInAt
        ? formatDateTime(locale, contact.lastSignInAt)
        : t(locale, "cards.value.neverSignedIn"),
    },
  );
  const body: CardElement[] = [heading(contact.name), facts(list), subheading(t(locale, "cards.contact.dossiers"))];
  if (input.dossiers.length === 0) body.push(paragraph(t(locale, "cards.contact.noDossiers"), { isSubtle: true }));
  else
    body.push(
      ...lines(
        locale,
        input.dossiers.map((d) => dossierLabel(locale, d)),
      ),
    );
  return card(locale, contact.name, body, {
    actions: input.openLink ? [openUrl(t(locale, "cards.action.openInApp"), input.openLink)] : [],
  });
}
