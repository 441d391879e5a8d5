import {
  clientSocietesCard,
  contactCard,
  dossierCard,
  errorCard,
  helpCard,
  importNoticeCard,
  intakeRejectedCard,
  importNoticePreferenceCard,
  notificationCard,
  proposalCard,
  proposalResultCard,
  sharedDossierCard,
  statusCard,
  teamsTabDeepLink,
  welcomeCard,
  type AdaptiveCard,
  type CardAction,
  type CardElement,
  type ExecuteAction,
} from "../../src/cards/index";
import { SUBSCRIPTION_STATUSES } from "../../src/domain/service-subscription";
import { LOCALES, type Locale } from "../../src/i18n/locale";

export const DOSSIER = { id: "dos-97", code: "000097", name: "ROLL N CO 2" };
export const SPACE_LINK = teamsTabDeepLink({ appId: "5f1c2b9e-app", entityId: "client", subEntityId: DOSSIER.id });
export const CONTACTS = [
  { id: "ct-1", name: "Client Collaboratif", email: "client.collaboratif@example.fr" },
  { id: "ct-2", name: "Élodie Martin", email: "elodie.martin@example.fr" },
];
export const SERVICES = [
  { id: "consultation", label: "Offre Consultation (Start)" },
  { id: "consultation-tpe", label: "Collaboratif TPE – Offre Consultation" },
];
/** 13:30 UTC in winter is 14:30 in Paris. */
export const WINTER_INSTANT = "2025-01-05T13:30:00.000Z";
/** 12:00 UTC in summer is 14:00 in Paris. */
export const SUMMER_INSTANT = "2025-07-01T12:00:00.000Z";

export function many<T>(count: number, make: (i: number) => T): T[] {
  return Array.from({ length: count }, (_, i) => make(i));
}

export const NOTICE = {
  dossier: DOSSIER,
  exerciceEnd: "2024-12-31",
  figures: { chiffreAffairesCents: 123_456_789, resultatCents: -4_500_00, tresorerieCents: 0 },
  syntheseLink: teamsTabDeepLink({
    appId: "5f1c2b9e-app",
    entityId: "client",
    webUrl: `https://comptoir.example.fr/#/ma-societe/${DOSSIER.id}`,
    subEntityId: `ma-societe/${DOSSIER.id}`,
  }),
};
export const NOTICE_PREVIOUS = { chiffreAffairesCents: 100_000_00, resultatCents: 12_00, tresorerieCents: -5 };

/** Every card the builders can produce, in both languages, with and without their optional parts. */
export function allCardVariants(): { name: string; card: AdaptiveCard }[] {
  const out: { name: string; card: AdaptiveCard }[] = [];
  const add = (name: string, card: AdaptiveCard) => out.push({ name, card });
  for (const locale of LOCALES as readonly Locale[]) {
    for (const status of SUBSCRIPTION_STATUSES) {
      for (const helpText of [undefined, "Votre cabinet répond sous 48 h."]) {
        add(
          `${locale} welcome ${status}${helpText ? " help" : ""}`,
          welcomeCard({
            locale,
            firmName: "Cabinet Durand & Associés",
            dossier: DOSSIER,
            serviceLabel: SERVICES[0]?.label ?? "",
            status,
            spaceLink: SPACE_LINK,
            subscriptionId: "sub-1",
            userIds: ["29:1a2b3c"],
            ...(helpText ? { helpText } : {}),
          }),
        );
      }
    }
    add(`${locale} proposal`, proposalCard({ locale, dossier: DOSSIER, contacts: CONTACTS, services: SERVICES }));
    add(
      `${locale} proposal error+selected`,
      proposalCard({
        locale,
        dossier: DOSSIER,
        contacts: CONTACTS,
        services: SERVICES,
        error: { code: "OFFER_NOT_ACTIVE", message: "L'offre Consultation n'est pas activée." },
        selected: { contactId: "ct-2", serviceId: "consultation-tpe" },
      }),
    );
    add(
      `${locale} proposal single choices`,
      proposalCard({ locale, dossier: DOSSIER, contacts: CONTACTS.slice(0, 1), services: SERVICES.slice(0, 1) }),
    );
    add(`${locale} proposal no contacts`, proposalCard({ locale, dossier: DOSSIER, contacts: [], services: SERVICES }));
    add(`${locale} proposal no services`, proposalCard({ locale, dossier: DOSSIER, contacts: CONTACTS, services: [] }));
    for (const created of [true, false]) {
      add(
        `${locale} proposal result ${created}`,
        proposalResultCard({
          locale,
          dossier: DOSSIER,
          contactName: "Client Collaboratif",
          serviceLabel: "Offre Consultation (Start)",
          status: "proposed",
          created,
          ...(created ? { proposedBy: "Camille Expert", at: WINTER_INSTANT } : {}),
        }),
      );
    }
    for (const count of [0, 2, 25]) {
      add(
        `${locale} dossier ${count} services`,
        dossierCard({
          locale,
          dossier: {
            ...DOSSIER,
            siren: count === 0 ? null : "552100554",
            responsible: count === 0 ? null : { oid: "oid-1", name: "Camille Expert" },
            consultationActive: count > 0,
            extensionActive: false,
          },
          services: many(count, (i) => ({
            contactName: `Contact ${i}`,
            serviceLabel: "Offre Consultation (Start)",
            status: SUBSCRIPTION_STATUSES[i % SUBSCRIPTION_STATUSES.length] ?? "proposed",
          })),
          ...(count > 0 ? { openLink: "https://teams.microsoft.com/l/entity/app/staff" } : {}),
        }),
      );
    }
    for (const full of [true, false]) {
      add(
        `${locale} contact ${full ? "full" : "bare"}`,
        contactCard({
          locale,
          contact: full
            ? {
                name: "Élodie Martin",
                email: "elodie.martin@example.fr",
                phone: "+33123456789",
                mobile: "+33612345678",
                lastSignInAt: SUMMER_INSTANT,
              }
            : { name: "Client Collaboratif", email: "client.collaboratif@example.fr", lastSignInAt: null },
          roleLabel: "Dirigeant",
          dossiers: full ? many(25, (i) => ({ code: `0001${i}`, name: `Société ${i}` })) : [],
          ...(full ? { openLink: "https://teams.microsoft.com/l/entity/app/staff" } : {}),
        }),
      );
    }
    for (const count of [0, 1, 25]) {
      add(
        `${locale} status ${count} rows`,
        statusCard({
          locale,
          dossier: DOSSIER,
          rows: many(count, (i) => ({
            contactName: `Contact ${i}`,
            serviceLabel: "Offre Consultation (Start)",
            status: SUBSCRIPTION_STATUSES[i % SUBSCRIPTION_STATUSES.length] ?? "proposed",
            lastSignInAt: i % 2 === 0 ? WINTER_INSTANT : null,
          })),
        }),
      );
    }
    add(`${locale} help`, helpCard({ locale }));
    for (const count of [0, 2, 30]) {
      add(
        `${locale} client ${count} societes`,
        clientSocietesCard({
          locale,
          societes: many(count, (i) => ({ name: `Société ${i}`, code: `00${i}` })),
          spaceLink: SPACE_LINK,
        }),
      );
    }
    for (const kind of ["accepted", "firstSignIn"] as const) {
      for (const serviceLabel of [undefined, "Offre Consultation (Start)"]) {
        add(
          `${locale} notification ${kind}${serviceLabel ? " service" : ""}`,
          notificationCard({
            locale,
            kind,
            contactName: "Client Collaboratif",
            dossier: DOSSIER,
            at: WINTER_INSTANT,
            ...(serviceLabel ? { serviceLabel } : {}),
          }),
        );
      }
    }
    for (const previous of [null, NOTICE_PREVIOUS])
      for (const limited of [false, true])
        add(
          `${locale} importNotice${previous ? " n-1" : ""}${limited ? " limited" : ""}`,
          importNoticeCard({ ...NOTICE, locale, previous, limited }),
        );
    for (const enabled of [false, true])
      add(
        `${locale} importNotice preference ${enabled ? "on" : "off"}`,
        importNoticePreferenceCard({ locale, dossierId: DOSSIER.id, enabled }),
      );
    add(
      `${locale} intake rejected`,
      intakeRejectedCard({
        locale,
        dossier: DOSSIER,
        fileName: "552100554FEC20241231.txt",
        at: "2025-03-04T09:30:00Z",
      }),
    );
    for (const staff of [true, false])
      add(
        `${locale} sharedDossier ${staff ? "staff" : "neutral"}`,
        sharedDossierCard({
          locale,
          dossier: { ...DOSSIER, siren: staff ? "552100554" : null },
          standing: staff
            ? { consultationActive: true, extensionActive: false, collaborativeStatus: "invited", liveServices: 2 }
            : null,
          openLink: SPACE_LINK,
          webLink: staff ? `https://comptoir.example.fr/#/dossiers/${DOSSIER.id}` : SPACE_LINK,
          userIds: ["29:1a2b3c"],
        }),
      );
    add(`${locale} error`, errorCard({ locale, message: "Ce dossier client est introuvable." }));
    add(
      `${locale} error code`,
      errorCard({ locale, message: "Ce dossier client est introuvable.", code: "NOT_FOUND" }),
    );
  }
  return out;
}

/** Every element of a card, depth first (containers' items included). */
export function elementsOf(card: AdaptiveCard): CardElement[] {
  const out: CardElement[] = [];
  const visit = (list: CardElement[]) => {
    for (const el of list) {
      out.push(el);
      if (el.type === "Container") visit(el.items);
    }
  };
  visit(card.body);
  return out;
}

/** Every action of a card: card actions, action sets, and the refresh action. */
export function actionsOf(card: AdaptiveCard): CardAction[] {
  const out: CardAction[] = [...(card.actions ?? [])];
  for (const el of elementsOf(card)) if (el.type === "ActionSet") out.push(...el.actions);
  if (card.refresh) out.push(card.refresh.action);
  return out;
}

export function executeActions(card: AdaptiveCard): ExecuteAction[] {
  return actionsOf(card).filter((a): a is ExecuteAction => a.type === "Action.Execute");
}

/** All the text a reader sees (text blocks, facts, choices, action titles). */
export function visibleText(card: AdaptiveCard): string {
  const parts: string[] = [];
  for (const el of elementsOf(card)) {
    if (el.type === "TextBlock") parts.push(el.text);
    if (el.type === "FactSet") for (const f of el.facts) parts.push(f.title, f.value);
    if (el.type === "Input.ChoiceSet") parts.push(el.label ?? "", ...el.choices.map((c) => c.title));
  }
  for (const a of actionsOf(card)) parts.push(a.title ?? "");
  return parts.join("\n");
}
