import express, { type Router } from "express";
import { ActivityEventNames, ActivityTypes } from "@microsoft/agents-activity";
import {
  AgentApplication,
  CloudAdapter,
  RouteRank,
  authorizeJWT,
  type AuthConfiguration,
  type SendActivitiesHandler,
  type TurnContext,
  type TurnState,
} from "@microsoft/agents-hosting";
import { ALL_VERBS, AppError, cardResponse, errorResponse, submitVerb, type Verb } from "@comptoir/shared";
import { backoffMs, classifyConnectorError } from "../jobs/proactive/connector-errors";
import { ConversationTracker } from "../jobs/proactive/conversation-tracker";
import { conversationPacer } from "../jobs/proactive/send-limits";
import { startProactive, type ProactiveOptions, type StaffEvent } from "../jobs/proactive/proactive";
import type { ImportNoticeBuilder } from "../jobs/proactive/import-notices";
import type { ProactiveMessage } from "../jobs/proactive/messages";
import type { ServiceDeps } from "../core/services/context";
import type { RateWindow } from "../lib/limiter";
import type { Pacer } from "../jobs/pacing/shared-pacer";
import { runAction, type ActionKit } from "./actions";
import { answerMessage, installGreeting } from "./answer";
import { channelAuthentication, verifiedClaims } from "./channel-auth";
import { localServiceUrlGate } from "./local-service-url";
import { teamsAdapter } from "./connector-auth";
import type { PersonDirectory } from "./directory-cache";
import { CallerResolver, identityOf, type Caller } from "./identity";
import type { AppLinks } from "../core/services/app-links";
import { errorCardFor, errorMessage } from "./replies";
import { trackCaller } from "./tracking";
import { answerComposeExtension, isComposeExtensionInvoke } from "./message-extension";
import { localeOf, personalReference, replaceActedOnCard, sendCard, sendInvokeBody, sendInvokeResponse } from "./turn";

export interface BotOptions {
  deps: ServiceDeps;
  /**
   * The bot's identity for the SDK: `{ clientId: BOT_ID, tenantId }` in `teams` mode, where `connector` is then
   * required. Empty in local mode and tests: the SDK then accepts anonymous calls and calls the connector
   * without a token (never in production).
   */
  auth: AuthConfiguration;
  /** Teams mode: how the Bot Connector and the bot authenticate each other (see BotConnectorSecurity). */
  connector?: BotConnectorSecurity;
  /** Local mode (no bot id): the only Bot Connector origins an activity's `serviceUrl` may name. */
  localServiceUrls?: readonly string[];
  /** For the proactive queue (Azure Storage queues; Azurite locally). */
  connectionString: string;
  /** Prefix of the queue's name (lower case), like the invitation pipeline's. */
  queuePrefix: string;
  /** The firm's Entra tenant: only its members can be staff, only its guests clients. */
  firmTenantId: string;
  appLinks: AppLinks;
  /** The firm's directory (Microsoft Graph): who is a member, a guest, and who holds Firm.Staff / Firm.Admin. */
  directory: PersonDirectory;
  /** Per-conversation send limits; default: Teams' documented per-thread limits. */
  sendWindows?: readonly RateWindow[];
  /** Builds the clients' import notice cards (the accounting slice). */
  importNotices?: ImportNoticeBuilder;
  proactive?: Pick<
    ProactiveOptions,
    "concurrency" | "idleMs" | "maxAttempts" | "inlineRetries" | "retryBaseMs" | "maxInlineWaitMs"
  >;
}

/**
 * Incoming activities must carry a Bot Connector JWT signed by a key of the metadata's JWKS, for this bot, from
 * an allowed Connector host (channel-auth.ts); replies and proactive sends carry the bot's own Entra token and
 * go only to allowed hosts (connector-auth.ts).
 */
export interface BotConnectorSecurity {
  /** BOT_OPENID_METADATA_URL. */
  openIdMetadataUrl: string;
  /** BOT_SERVICE_URL_HOSTS (subdomains included). */
  serviceUrlHosts: readonly string[];
  /** Bearer tokens of the bot for the Bot Connector (client credentials at AAD_APP_OAUTH_AUTHORITY_HOST). */
  connectorToken: () => Promise<string>;
}

export interface Bot {
  /** Mount at `/api/messages`. */
  router: Router;
  /** A notification card to every staff member who talked to the bot or installed it; returns how many were queued. */
  notifyStaff(tenantId: string, event: StaffEvent): Promise<number>;
  /** The welcome card to the client of this subscription (invited or accepted); `false` when there is no one to greet. */
  greetClient(tenantId: string, subscriptionId: string): Promise<boolean>;
  /** Queues any proactive card (e.g. a client's import notice). */
  enqueue(message: ProactiveMessage): Promise<void>;
  /** Resolves once the proactive queue is drained (tests). */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

const ACTION_INVOKE = "adaptiveCard/action";

/**
 * The bot on the Microsoft 365 Agents SDK: staff commands and card actions over the same domain services
 * as the tab, the client's own sociétés, and proactive cards (client welcome, staff notifications)
 * through a queue. Replies and proactive sends are paced per conversation and retried on 429/412/502/504.
 */
export async function createBot(opts: BotOptions): Promise<Bot> {
  const { deps } = opts;
  const refs = deps.repos.conversations;
  const tracker = new ConversationTracker(refs, () => deps.now());
  const pacer = conversationPacer(deps.repos.rateSlots, opts.sendWindows);
  const teams = teamsSecurity(opts);
  const adapter = teams
    ? teamsAdapter(opts.auth, {
        botId: teams.botId,
        token: teams.connectorToken,
        allowedHosts: teams.serviceUrlHosts,
      })
    : new CloudAdapter(opts.auth);
  const kit: ActionKit = { deps, links: opts.appLinks };
  const resolver = new CallerResolver(opts.directory);

  adapter.use({
    onTurn: async (context, next) => {
      // Proactive turns retry on their own (proactive.ts); incoming turns retry their replies here.
      if (!isProactiveTurn(context)) context.onSendActivities(retryingReplies(pacer));
      await next();
    },
  });
  adapter.onTurnError = reportTurnError;

  const proactive = await startProactive({
    deps,
    adapter,
    refs,
    tracker,
    pacer,
    links: opts.appLinks,
    botAppId: opts.auth.clientId,
    ...(teams ? { serviceUrlHosts: teams.serviceUrlHosts } : {}),
    connectionString: opts.connectionString,
    queuePrefix: opts.queuePrefix,
    ...(opts.importNotices ? { importNotices: opts.importNotices } : {}),
    ...opts.proactive,
  });

  const app = new AgentApplication<TurnState>({
    adapter,
    ...(opts.auth.clientId ? { agentAppId: opts.auth.clientId } : {}),
  });

  /** Who is talking; a known person's personal conversation is remembered for proactive cards. */
  async function callerOf(context: TurnContext): Promise<Caller> {
    const caller = await resolver.resolve(identityOf(context.activity), { deps, firmTenantId: opts.firmTenantId });
    await trackCaller(tracker, caller, personalReference(context));
    return caller;
  }

  for (const verb of ALL_VERBS) {
    app.adaptiveCards.actionExecute<{ data?: unknown }>(verb, async (context, _state, action) => {
      const caller = await callerOf(context);
      const result = await runAction(
        kit,
        verb,
        action.data,
        caller,
        localeOf(context),
        context.activity.from?.id ?? "",
      );
      if (result.replaceForAll) await replaceActedOnCard(context, result.card);
      await sendInvokeResponse(context, cardResponse(result.card));
      return result.card;
    });
  }
  // The message extension (compose box, Outlook): search, pick, link unfurling; invokes routed by name.
  app.addRoute(
    (context) =>
      Promise.resolve(isType(context, ActivityTypes.Invoke) && isComposeExtensionInvoke(context.activity.name)),
    async (context) => {
      const { name, value } = context.activity;
      if (!isComposeExtensionInvoke(name)) return;
      const caller = await callerOf(context);
      const turn = { caller, locale: localeOf(context), fromId: context.activity.from?.id ?? "" };
      await sendInvokeBody(context, await answerComposeExtension(kit, name, value, turn));
    },
    true,
  );
  // Any other verb: a 400 the host shows, in the user's language.
  app.addRoute(
    (context) => Promise.resolve(isType(context, ActivityTypes.Invoke) && context.activity.name === ACTION_INVOKE),
    async (context) => {
      const { code, message } = errorMessage(localeOf(context), new AppError("VALIDATION_FAILED"));
      await sendInvokeResponse(context, errorResponse(400, code, message));
    },
    true,
    RouteRank.Last,
  );

  app.onActivity(ActivityTypes.Message, async (context) => {
    const caller = await callerOf(context);
    const locale = localeOf(context);
    // Action.Submit fallback of our Action.Execute buttons: a message whose value carries the verb.
    const verb: Verb | null = submitVerb(context.activity.value);
    if (verb) {
      const result = await runAction(
        kit,
        verb,
        context.activity.value,
        caller,
        locale,
        context.activity.from?.id ?? "",
      );
      await sendCard(context, result.card);
      return;
    }
    await sendCard(context, await answerMessage(kit, caller, context.activity.text, locale));
  });

  // The app was installed for someone (Teams adds the bot to their personal chat): remember the
  // conversation, show staff what the bot can do, and greet a client whose service is under way.
  app.onConversationUpdate("membersAdded", async (context) => {
    const botId = context.activity.recipient?.id;
    if (!(context.activity.membersAdded ?? []).some((m) => m.id === botId)) return;
    const caller = await callerOf(context);
    const greeting = installGreeting(caller, localeOf(context));
    if (greeting) await sendCard(context, greeting);
    if (caller.kind === "client") {
      const subscriptions = await deps.repos.subscriptions.listByContact(caller.tenantId, caller.contactId);
      for (const sub of subscriptions)
        if (sub.status === "invited" || sub.status === "accepted") await proactive.greetClient(caller.tenantId, sub.id);
    }
  });

  // Sent alongside membersAdded on install (nothing more to say then); on removal the conversation is dead.
  app.onActivity(ActivityTypes.InstallationUpdate, async (context) => {
    const action = context.activity.action ?? "";
    if (!action.startsWith("remove")) {
      await callerOf(context);
      return;
    }
    const { tenantId, oid } = identityOf(context.activity);
    if (tenantId && oid) await tracker.forget(tenantId, oid);
  });

  const router = express.Router();
  const json = express.json({ limit: "1mb" });
  if (teams) {
    // The token is checked before the body is even read; the SDK only ever sees authenticated activities.
    const gate = channelAuthentication({
      botId: teams.botId,
      openIdMetadataUrl: teams.openIdMetadataUrl,
      allowedHosts: teams.serviceUrlHosts,
    });
    router.use(gate.verifyToken, json, gate.verifyActivity);
  } else if (opts.localServiceUrls)
    router.use(json, localServiceUrlGate(opts.localServiceUrls), authorizeJWT(opts.auth));
  else router.use(json, authorizeJWT(opts.auth));
  router.post("/", (req, res, next) => {
    const request = teams
      ? {
          body: req.body as Record<string, unknown>,
          headers: req.headers,
          method: req.method,
          user: verifiedClaims(res),
        }
      : req;
    adapter.process(request, res, (context) => app.run(context)).catch(next);
  });

  return {
    router,
    notifyStaff: (tenantId, event) => proactive.notifyStaff(tenantId, event),
    greetClient: (tenantId, subscriptionId) => proactive.greetClient(tenantId, subscriptionId),
    enqueue: (message) => proactive.enqueue(message),
    idle: () => proactive.idle(),
    stop: () => proactive.stop(),
  };
}

/** Teams mode (a bot id) without the Bot Connector's authentication would be an open endpoint: refuse to start. */
function teamsSecurity(opts: BotOptions): (BotConnectorSecurity & { botId: string }) | null {
  const botId = opts.auth.clientId;
  if (!botId) return null;
  if (!opts.connector) throw new Error("A bot with an app id needs its Bot Connector authentication (connector)");
  return { ...opts.connector, botId };
}

/** `activity.type` is a plain string; the SDK's names for it are an enum. */
function isType(context: TurnContext, type: ActivityTypes): boolean {
  return context.activity.type === (type as string);
}

/** A turn the bot started itself (continueConversation, createConversationAsync), not an activity from Teams. */
function isProactiveTurn(context: TurnContext): boolean {
  const name = context.activity.name;
  return (
    isType(context, ActivityTypes.Event) &&
    (name === (ActivityEventNames.ContinueConversation as string) ||
      name === (ActivityEventNames.CreateConversation as string))
  );
}

/**
 * Replaces the SDK's default (two English messages): logs the error and shows a localized error card,
 * or answers the invoke with it. Proactive turns rethrow so that their sender sees the failure.
 */
async function reportTurnError(context: TurnContext, error: Error): Promise<void> {
  const { type } = context.activity;
  if (isProactiveTurn(context)) throw error;
  console.error(`[bot] ${type} turn failed:`, error);
  const card = errorCardFor(localeOf(context), error);
  try {
    if (isType(context, ActivityTypes.Invoke)) await sendInvokeResponse(context, cardResponse(card));
    else if (isType(context, ActivityTypes.Message) || isType(context, ActivityTypes.ConversationUpdate))
      await sendCard(context, card);
  } catch (e) {
    console.error("[bot] could not report the failure to the user:", e instanceof Error ? e.message : e);
  }
}

/**
 * Replies within a turn: paced per conversation, and retried when the connector says "later" (429 with
 * its Retry-After, 412, 502, 503, 504) as long as the wait stays short; the SDK itself retries nothing.
 */
function retryingReplies(pacer: Pacer): SendActivitiesHandler {
  return async (context, activities, next) => {
    const conversationId = context.activity.conversation?.id;
    const messages = activities.filter((a) => a.type === (ActivityTypes.Message as string)).length;
    if (!conversationId || messages === 0) return next();
    for (let attempt = 0; ; attempt++) {
      for (let i = 0; i < messages; i++) await pacer.take(conversationId);
      try {
        return await next();
      } catch (e) {
        const failure = classifyConnectorError(e);
        const wait = failure.kind === "retry" ? (failure.retryAfterMs ?? backoffMs(attempt, 250, 2_000)) : null;
        if (wait === null || attempt >= 2 || wait > 5_000) throw e;
        await new Promise((resolve) => setTimeout(resolve, wait));
      }
    }
  };
}
