import { ALL_VERBS, VERBS, type Verb } from "@comptoir/shared";

/** What the staff commands and verbs of the tests aim at: a dossier, its contact, a subscription. */
export interface StaffTarget {
  dossier: { id: string; code: string; name: string };
  contact: { id: string; email: string; nom: string; prenom: string };
  /** For `welcome.refresh`. */
  subscriptionId: string;
}

export interface StaffCommand {
  locale: "fr-FR" | "en-US";
  text: string;
  /** What staff see in the answer. */
  staffSees: string;
}

/** Every staff command, in French and in English, aimed at the target; with what the answer shows staff. */
export function staffCommands(t: StaffTarget): StaffCommand[] {
  const { code } = t.dossier;
  const { email } = t.contact;
  return [
    { locale: "fr-FR", text: "aide", staffSees: "Ce que je peux faire pour vous" },
    { locale: "fr-FR", text: `dossier ${code}`, staffSees: t.dossier.name },
    { locale: "fr-FR", text: `interlocuteur ${email}`, staffSees: email },
    { locale: "fr-FR", text: `proposer ${code}`, staffSees: "Proposer un service collaboratif" },
    { locale: "fr-FR", text: `statut ${code}`, staffSees: "Statut des services" },
    { locale: "en-US", text: "help", staffSees: "What I can do for you" },
    { locale: "en-US", text: `file ${code}`, staffSees: t.dossier.name },
    { locale: "en-US", text: `contact ${email}`, staffSees: email },
    { locale: "en-US", text: `propose ${code}`, staffSees: "Propose a collaborative service" },
    { locale: "en-US", text: `status ${code}`, staffSees: "Service status" },
  ];
}

/**
 * Verbs that are not staff-only: the client's own (their preferences) and the shared dossier card's view, which
 * answers anyone with a card of its own data (tested with the message extension).
 */
const NOT_STAFF_ONLY = [VERBS.importNotices, VERBS.viewDossier] as const;
type NotStaffOnlyVerb = (typeof NOT_STAFF_ONLY)[number];
export type StaffVerb = Exclude<Verb, NotStaffOnlyVerb>;

/** Every Action.Execute verb but the client's own, with the data its card would carry for the target. */
export function staffVerbs(t: StaffTarget): { verb: StaffVerb; data: Record<string, string> }[] {
  const data: Record<StaffVerb, Record<string, string>> = {
    [VERBS.propose]: { dossierId: t.dossier.id, contactId: t.contact.id, serviceId: "consultation" },
    [VERBS.openProposal]: { dossierId: t.dossier.id },
    [VERBS.refreshStatus]: { dossierId: t.dossier.id },
    [VERBS.refreshWelcome]: { subscriptionId: t.subscriptionId },
  };
  const notStaffOnly: readonly Verb[] = NOT_STAFF_ONLY;
  return ALL_VERBS.filter((verb): verb is StaffVerb => !notStaffOnly.includes(verb)).map((verb) => ({
    verb,
    data: data[verb],
  }));
}

/** The target's staff data found in a text (a card's): empty when the reader saw none of it. */
export function staffDataIn(text: string, t: StaffTarget): string[] {
  const markers = [t.dossier.name, t.dossier.code, t.contact.email, t.contact.nom];
  return markers.filter((m) => text.toLowerCase().includes(m.toLowerCase()));
}
