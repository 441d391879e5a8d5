import type { SubscriptionStatus } from "../domain/service-subscription";
import type { Locale } from "../i18n/locale";
import { card, errorBlock, execute, facts, heading, paragraph } from "./elements";
import { dossierLabel, formatDateTime, statusLabel, t } from "./format";
import type { AdaptiveCard, CardElement, Choice, ChoiceSetInput, Fact } from "./types";
import { PROPOSAL_INPUT_IDS, VERBS } from "./verbs";

export interface ProposalCardInput {
  locale: Locale;
  dossier: { id: string; code: string; name: string };
  /** The dossier's linked contacts. */
  contacts: readonly { id: string; name: string; email: string }[];
  /** The services that can be proposed (active ones), labels already in `locale`. */
  services: readonly { id: string; label: string }[];
  /** The last attempt's failure, message already localized. */
  error?: { code: string; message: string };
  /** Keeps the previous choices when the card comes back with an error. */
  selected?: { contactId?: string; serviceId?: string };
}

/**
 * Staff picks a contact and a service, then *Proposer* sends `service.propose` with `{ dossierId }`
 * merged with the inputs `contactId` and `serviceId` (see `actionDataSchemas`).
 */
export function proposalCard(input: ProposalCardInput): AdaptiveCard {
  const { locale, dossier } = input;
  const title = t(locale, "cards.proposal.title");
  const body: CardElement[] = [
    heading(title),
    paragraph(t(locale, "cards.proposal.intro", { dossier: dossierLabel(locale, dossier) })),
  ];
  if (input.error) {
    body.push(errorBlock(locale, t(locale, "cards.proposal.errorTitle"), input.error.message, input.error.code));
  }
  if (input.contacts.length === 0) body.push(paragraph(t(locale, "cards.proposal.noContacts"), { color: "warning" }));
  if (input.services.length === 0) body.push(paragraph(t(locale, "cards.proposal.noServices"), { color: "warning" }));
  if (input.contacts.length === 0 || input.services.length === 0) return card(locale, title, body);

  body.push(
    choiceSet({
      id: PROPOSAL_INPUT_IDS.contact,
      label: t(locale, "cards.proposal.contact.label"),
      placeholder: t(locale, "cards.proposal.contact.placeholder"),
      errorMessage: t(locale, "cards.proposal.contact.required"),
      choices: input.contacts.map((c) => ({
        title: t(locale, "cards.choice.contact", { name: c.name, email: c.email }),
        value: c.id,
      })),
      selected: input.selected?.contactId,
    }),
    choiceSet({
      id: PROPOSAL_INPUT_IDS.service,
      label: t(locale, "cards.proposal.service.label"),
      placeholder: t(locale, "cards.proposal.service.placeholder"),
      errorMessage: t(locale, "cards.proposal.service.required"),
      choices: input.services.map((s) => ({ title: s.label, value: s.id })),
      selected: input.selected?.serviceId,
    }),
  );
  return card(locale, title, body, {
    actions: [
      execute(VERBS.propose, t(locale, "cards.action.propose"), { dossierId: dossier.id }, { style: "positive" }),
    ],
  });
}

/** A required drop-down; a single choice is preselected, a previous choice is kept if still offered. */
function choiceSet(args: {
  id: string;
  label: string;
  placeholder: string;
  errorMessage: string;
  choices: Choice[];
  selected: string | undefined;
}): ChoiceSetInput {
  const { choices, selected } = args;
  const value =
    selected !== undefined && choices.some((c) => c.value === selected)
      ? selected
      : choices.length === 1
        ? choices[0]?.value
        : undefined;
  return {
    type: "Input.ChoiceSet",
    id: args.id,
    label: args.label,
    placeholder: args.placeholder,
    style: "compact",
    isRequired: true,
    errorMessage: args.errorMessage,
    wrap: true,
    choices,
    ...(value !== undefined ? { value } : {}),
  };
}

export interface ProposalResultCardInput {
  locale: Locale;
  dossier: { id: string; code: string; name: string };
  contactName: string;
  serviceLabel: string;
  status: SubscriptionStatus;
  /** `false` when the same live service already existed (nothing was added). */
  created: boolean;
  /** Who proposed, and when (ISO instant). */
  proposedBy?: string;
  at?: string;
}

/** Replaces the proposal card for everyone once the proposal went through. */
export function proposalResultCard(input: ProposalResultCardInput): AdaptiveCard {
  const { locale, dossier } = input;
  const label = dossierLabel(locale, dossier);
  const title = t(locale, input.created ? "cards.proposalResult.created" : "cards.proposalResult.existing");
  const params = { service: input.serviceLabel, contact: input.contactName, dossier: label };
  const list: Fact[] = [
    { title: t(locale, "cards.field.dossier"), value: label },
    { title: t(locale, "cards.field.contact"), value: input.contactName },
    { title: t(locale, "cards.field.service"), value: input.serviceLabel },
    { title: t(locale, "cards.field.status"), value: statusLabel(locale, input.status) },
  ];
  if (input.proposedBy) list.push({ title: t(locale, "cards.field.proposedBy"), value: input.proposedBy });
  if (input.at) list.push({ title: t(locale, "cards.field.when"), value: formatDateTime(locale, input.at) });
  return card(
    locale,
    title,
    [
      heading(title),
      paragraph(
        t(locale, input.created ? "cards.proposalResult.createdText" : "cards.proposalResult.existingText", params),
        { color: input.created ? "good" : "default" },
      ),
      facts(list),
    ],
    { actions: [execute(VERBS.refreshStatus, t(locale, "cards.action.viewStatus"), { dossierId: dossier.id })] },
  );
}
