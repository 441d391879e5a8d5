import { ActivityTypes, Activity } from "@microsoft/agents-activity";
import { CardFactory, MessageFactory, type TurnContext } from "@microsoft/agents-hosting";
import { resolveLocale, type AdaptiveCard, type CardInvokeResponse, type Locale } from "@comptoir/shared";
import type { StoredReference } from "../jobs/proactive/conversation-tracker";
import type { Caller } from "./identity";

/** Small helpers every handler uses: the reader's language, sending a card, answering an invoke. */

export function localeOf(context: TurnContext): Locale {
  return resolveLocale(context.activity.locale);
}

export async function sendCard(context: TurnContext, card: AdaptiveCard): Promise<void> {
  await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card)));
}

/** The body of the HTTP answer to an `invoke` (e.g. `adaptiveCard/action`); the SDK sends nothing to the connector. */
export async function sendInvokeResponse(context: TurnContext, response: CardInvokeResponse): Promise<void> {
  await context.sendActivity(
    Activity.fromObject({ type: ActivityTypes.InvokeResponse, value: { status: 200, body: response } }),
  );
}

/** The body of the HTTP answer to any other invoke (e.g. a message extension's `composeExtension`), status 200. */
export async function sendInvokeBody(context: TurnContext, body: object): Promise<void> {
  await context.sendActivity(Activity.fromObject({ type: ActivityTypes.InvokeResponse, value: { status: 200, body } }));
}

/** Replaces the card the user acted on for everyone in the conversation (best effort: the invoke answer still goes out). */
export async function replaceActedOnCard(context: TurnContext, card: AdaptiveCard): Promise<void> {
  const activityId = context.activity.replyToId;
  if (!activityId) return;
  const activity = MessageFactory.attachment(CardFactory.adaptiveCard(card));
  activity.id = activityId;
  try {
    await context.updateActivity(activity);
  } catch (e) {
    console.warn("[bot] could not update the card for everyone", e instanceof Error ? e.message : e);
  }
}

/** Only personal (1:1) conversations are remembered: the bot never posts notifications into group chats or channels. */
export function personalReference(context: TurnContext): StoredReference | null {
  const a = context.activity;
  const conversation = a.conversation;
  const type = conversation?.conversationType;
  const personal = type === "personal" || (type === undefined && conversation?.isGroup !== true);
  if (!personal || !conversation?.id || !a.serviceUrl || !a.channelId || !a.from?.id || !a.recipient?.id) return null;
  return {
    channelId: a.channelId,
    serviceUrl: a.serviceUrl,
    conversation: {
      id: conversation.id,
      conversationType: "personal",
      ...(conversation.tenantId ? { tenantId: conversation.tenantId } : {}),
      isGroup: false,
    },
    user: {
      id: a.from.id,
      ...(a.from.name ? { name: a.from.name } : {}),
      ...(a.from.aadObjectId ? { aadObjectId: a.from.aadObjectId } : {}),
    },
    agent: { id: a.recipient.id, ...(a.recipient.name ? { name: a.recipient.name } : {}) },
    ...(a.locale ? { locale: a.locale } : {}),
  };
}

export type StaffCaller = Extract<Caller, { kind: "staff" }>;
export type ClientCaller = Extract<Caller, { kind: "client" }>;
