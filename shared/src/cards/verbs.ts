import { z } from "zod";
import { idSchema, slugSchema } from "../domain/common";

/** The `verb` of every Action.Execute our cards carry; the bot routes `adaptiveCard/action` invokes on it. */
export const VERBS = {
  propose: "service.propose",
  refreshWelcome: "welcome.refresh",
  refreshStatus: "status.refresh",
  openProposal: "proposal.open",
  /** The client's import notification: turn the cards off or on again (their own preference only). */
  importNotices: "notices.set",
  /** The dossier card shared through the message extension: each viewer's own view (staff: where it stands). */
  viewDossier: "dossier.view",
} as const;
export type Verb = (typeof VERBS)[keyof typeof VERBS];
export const ALL_VERBS = Object.values(VERBS) as [Verb, ...Verb[]];
export const verbSchema = z.enum(ALL_VERBS);

/**
 * Key of the verb inside an Action.Submit fallback's data. It is the key the Agents SDK's
 * `app.adaptiveCards.actionSubmit(verb, …)` routes on by default (`actionSubmitFilter: "verb"`).
 */
export const SUBMIT_VERB_KEY = "verb";

/** Ids of the proposal card's inputs: their values arrive merged into the action's data. */
export const PROPOSAL_INPUT_IDS = { contact: "contactId", service: "serviceId" } as const;

const dossierRef = z.object({ dossierId: idSchema });

/** The data each card puts on its action (before the host merges input values in). */
export const cardDataSchemas = {
  [VERBS.propose]: dossierRef,
  [VERBS.refreshWelcome]: z.object({ subscriptionId: idSchema }),
  [VERBS.refreshStatus]: dossierRef,
  [VERBS.openProposal]: dossierRef,
  [VERBS.importNotices]: dossierRef.extend({ enabled: z.boolean() }),
  // What the shared card already shows: a viewer who is not staff gets it back, never anything read from storage.
  [VERBS.viewDossier]: dossierRef.extend({
    code: z.string().min(1).max(40),
    name: z.string().min(1).max(200),
    siren: z.string().max(20).nullable(),
  }),
} as const;
export type CardDataOf<V extends Verb> = z.infer<(typeof cardDataSchemas)[V]>;

/**
 * What each handler receives in `action.data` (Action.Execute) or `activity.value` (Action.Submit):
 * the card's data plus input values. Unknown keys (the fallback's `verb`) are dropped.
 */
export const actionDataSchemas = {
  ...cardDataSchemas,
  [VERBS.propose]: dossierRef.extend({
    [PROPOSAL_INPUT_IDS.contact]: idSchema,
    [PROPOSAL_INPUT_IDS.service]: slugSchema,
  }),
} as const;
export type ActionDataOf<V extends Verb> = z.infer<(typeof actionDataSchemas)[V]>;

export type ProposeActionData = ActionDataOf<typeof VERBS.propose>;
export type WelcomeRefreshData = ActionDataOf<typeof VERBS.refreshWelcome>;
export type StatusRefreshData = ActionDataOf<typeof VERBS.refreshStatus>;
export type OpenProposalData = ActionDataOf<typeof VERBS.openProposal>;
export type ImportNoticesData = ActionDataOf<typeof VERBS.importNotices>;
export type ViewDossierData = ActionDataOf<typeof VERBS.viewDossier>;

/** Parses a verb's data; map a failure with `zodIssuesToFields` or answer the card again with an error. */
export function parseActionData<V extends Verb>(verb: V, data: unknown): z.ZodSafeParseResult<ActionDataOf<V>> {
  const schema: z.ZodType = actionDataSchemas[verb];
  return schema.safeParse(data ?? {}) as z.ZodSafeParseResult<ActionDataOf<V>>;
}

const submitValueSchema = z.looseObject({ [SUBMIT_VERB_KEY]: verbSchema });

/** The verb of an Action.Submit fallback (message activity `value`), or `null` when it is not one of ours. */
export function submitVerb(value: unknown): Verb | null {
  const parsed = submitValueSchema.safeParse(value);
  return parsed.success ? parsed.data[SUBMIT_VERB_KEY] : null;
}
