import express, { type ErrorRequestHandler, type Express, type Request, type Response } from "express";
import { jwtVerify, type JWTVerifyGetKey } from "jose";
import type { ConversationStore } from "./conversations";
import { connectorErrorCode, type FaultTable } from "./faults";
import type { RecordedFilter, Recorder } from "./recorder";
import { channelAccountSchema, faultRuleSchema, type ChannelAccount, type RecordedRequest } from "./types";

export interface ConnectorAppDeps {
  store: ConversationStore;
  recorder: Recorder;
  faults: FaultTable;
  /** Our own base URL, returned as `serviceUrl` by create conversation. */
  baseUrl: () => string;
  maxBodyBytes: number;
  /** Unset: any caller is served (local runs and most tests). */
  bearer?: BearerCheck;
}

/**
 * What the real Connector demands of a bot's calls ("Authentication with the Bot Connector API", bot to
 * connector): a bearer token of Entra ID for `https://api.botframework.com`, issued to the bot itself.
 */
export interface BearerCheck {
  keys: JWTVerifyGetKey;
  issuer: string;
  audience: string;
  /** The bot's app id: the token's `appid` claim. */
  appId: string;
}

const CONVERSATION_PATH = /^\/v3\/conversations\/([^/]+)(?:\/activities(?:\/([^/]+))?|\/members(?:\/([^/]+))?)?\/?$/;

/**
 * The Bot Connector REST subset the Agents SDK's ConnectorClient calls (`/v3/conversations…`), plus
 * `_` routes for tests: `GET|DELETE /_recorded`, `GET|POST|DELETE /_control/faults`,
 * `GET /_conversations/{id}` and `POST /_conversations/{id}/members`.
 */
export function createConnectorApp(deps: ConnectorAppDeps): Express {
  const { store, recorder, faults } = deps;
  const app = express();
  app.disable("x-powered-by");

  // Recorded before the body is parsed, so refused bodies (bad JSON, too large) are recorded too.
  app.use("/v3", (req, res, next) => {
    const ids = conversationIds(req.path);
    const entry = recorder.start({
      method: req.method,
      path: safeDecode(`/v3${req.path}`),
      query: stringRecord(req.query),
      conversationId: ids.conversationId,
      activityId: ids.activityId,
      authScheme: authScheme(req.headers.authorization),
      body: null,
    });
    res.locals.recorded = entry;
    res.on("finish", () => {
      entry.status = res.statusCode;
    });
    next();
  });
  if (deps.bearer) app.use("/v3", requireBearer(deps.bearer));
  app.use("/v3", express.json({ limit: deps.maxBodyBytes, type: () => true }));
  app.use("/v3", (req, res, next) => {
    const entry = res.locals.recorded as RecordedRequest;
    entry.body = req.body === undefined ? null : (req.body as unknown);
    const fault = faults.take(req.method, entry.path, entry.conversationId);
    if (!fault) return next();
    const answer = () => {
      if (fault.retryAfter !== undefined) res.setHeader("Retry-After", String(fault.retryAfter));
      sendError(res, fault.status, `Fault injected by the local connector (${fault.status}).`);
    };
    if (fault.delayMs) setTimeout(answer, fault.delayMs);
    else answer();
  });

  app.post("/v3/conversations", (req, res) => {
    const body = objectBody(req);
    if (!body) return sendError(res, 400, "The body must be ConversationParameters.");
    const members = Array.isArray(body.members) ? body.members.filter(isChannelAccount) : [];
    const tenantId = typeof body.tenantId === "string" ? body.tenantId : tenantOf(body.channelData);
    const id = store.create({ isGroup: body.isGroup === true, tenantId, members });
    const activity = objectOf(body.activity);
    const activityId = activity ? store.add(id, activity, null) : undefined;
    created(res, activityId ?? id);
    res.status(201).json({ id, serviceUrl: deps.baseUrl(), ...(activityId ? { activityId } : {}) });
  });

  app.post("/v3/conversations/:conversationId/activities", (req, res) => {
    const activity = activityBody(req, res);
    if (!activity) return;
    const id = store.add(req.params.conversationId, activity, null);
    created(res, id);
    res.status(201).json({ id });
  });

  app.post("/v3/conversations/:conversationId/activities/:activityId", (req, res) => {
    const activity = activityBody(req, res);
    if (!activity) return;
    const id = store.add(req.params.conversationId, activity, req.params.activityId);
    created(res, id);
    res.status(201).json({ id });
  });

  app.put("/v3/conversations/:conversationId/activities/:activityId", (req, res) => {
    const activity = activityBody(req, res);
    if (!activity) return;
    const { conversationId, activityId } = req.params;
    if (!store.update(conversationId, activityId, activity)) return sendError(res, 404, "Unknown activity.");
    res.status(200).json({ id: activityId });
  });

  app.delete("/v3/conversations/:conversationId/activities/:activityId", (req, res) => {
    const { conversationId, activityId } = req.params;
    if (!store.delete(conversationId, activityId)) return sendError(res, 404, "Unknown activity.");
    res.status(200).end();
  });

  app.get("/v3/conversations/:conversationId/members", (req, res) => {
    const members = store.members(req.params.conversationId);
    if (!members) return sendError(res, 404, "Unknown conversation.");
    res.json(members);
  });

  app.get("/v3/conversations/:conversationId/members/:memberId", (req, res) => {
    const member = store.member(req.params.conversationId, req.params.memberId);
    if (!member) return sendError(res, 404, "Unknown member.");
    res.json(member);
  });

  app.use("/v3", (_req, res) => sendError(res, 404, "Not part of the local connector."));

  // ---- test control ----
  app.use(["/_recorded", "/_control", "/_conversations"], express.json({ limit: "64kb" }));

  app.get("/_recorded", (req, res) => {
    const q = stringRecord(req.query);
    const filter: RecordedFilter = {};
    if (q.conversationId) filter.conversationId = q.conversationId;
    if (q.method) filter.method = q.method;
    if (q.path) filter.path = q.path;
    res.json({ requests: recorder.list(filter) });
  });
  app.delete("/_recorded", (_req, res) => {
    recorder.clear();
    res.status(204).end();
  });

  app.get("/_control/faults", (_req, res) => void res.json({ faults: faults.list() }));
  app.post("/_control/faults", (req, res) => {
    const parsed = faultRuleSchema.safeParse(req.body);
    if (!parsed.success)
      return void res.status(400).json({ error: { code: "BadArgument", message: parsed.error.message } });
    res.status(201).json({ id: faults.add(parsed.data) });
  });
  app.delete("/_control/faults", (_req, res) => {
    faults.clear();
    res.status(204).end();
  });

  app.get("/_conversations/:conversationId", (req, res) => {
    const { conversationId } = req.params;
    res.json({
      id: conversationId,
      activities: store.activities(conversationId),
      members: store.members(conversationId) ?? [],
    });
  });
  app.post("/_conversations/:conversationId/members", (req, res) => {
    const parsed = channelAccountSchema.safeParse(req.body);
    if (!parsed.success)
      return void res.status(400).json({ error: { code: "BadArgument", message: parsed.error.message } });
    store.addMember(req.params.conversationId, parsed.data);
    res.status(204).end();
  });

  app.use(connectorErrorHandler);
  return app;
}

/** Refuses (401) a call without a valid token of the bot; records the token's `appid` otherwise. */
function requireBearer(check: BearerCheck): express.RequestHandler {
  return (req, res, next) => {
    const token = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? "")?.[1];
    if (!token) return sendError(res, 401, "Authorization has been denied for this request.");
    jwtVerify(token, check.keys, { issuer: check.issuer, audience: check.audience, algorithms: ["RS256"] })
      .then(({ payload }) => {
        if (payload.appid !== check.appId) return sendError(res, 401, "The token was not issued to this bot.");
        (res.locals.recorded as RecordedRequest).appId = check.appId;
        next();
      })
      .catch(() => sendError(res, 401, "Authorization has been denied for this request."));
  };
}

/** Body-parser failures answer the way the connector would (413 for an oversized message). */
const connectorErrorHandler: ErrorRequestHandler = (err: unknown, _req, res, next) => {
  if (res.headersSent) return next(err);
  const type = typeof err === "object" && err !== null ? (err as { type?: unknown }).type : undefined;
  if (type === "entity.too.large") return sendError(res, 413, "The message is too large.");
  if (type === "entity.parse.failed") return sendError(res, 400, "The body is not valid JSON.");
  sendError(res, 500, err instanceof Error ? err.message : "Unexpected error.");
};

function sendError(res: Response, status: number, message: string): void {
  res.status(status).json({ error: { code: connectorErrorCode(status), message } });
}

function created(res: Response, id: string): void {
  const entry = res.locals.recorded as RecordedRequest | undefined;
  if (entry) entry.createdId = id;
}

/** An activity body needs at least a `type`, as the real service demands. */
function activityBody(req: Request, res: Response): Record<string, unknown> | null {
  const body = objectBody(req);
  if (!body || typeof body.type !== "string" || body.type === "") {
    sendError(res, 400, "The body must be an activity with a type.");
    return null;
  }
  return body;
}

function objectBody(req: Request): Record<string, unknown> | null {
  return objectOf(req.body);
}

function objectOf(value: unknown): Record<string, unknown> | null {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}

function isChannelAccount(value: unknown): value is ChannelAccount {
  return channelAccountSchema.safeParse(value).success;
}

function tenantOf(channelData: unknown): string | null {
  const tenant = objectOf(objectOf(channelData)?.tenant);
  return typeof tenant?.id === "string" ? tenant.id : null;
}

function conversationIds(rawPath: string): { conversationId: string | null; activityId: string | null } {
  const m = CONVERSATION_PATH.exec(`/v3${rawPath}`);
  return {
    conversationId: m?.[1] !== undefined ? safeDecode(m[1]) : null,
    activityId: m?.[2] !== undefined ? safeDecode(m[2]) : null,
  };
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

function stringRecord(query: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(objectOf(query) ?? {})) if (typeof value === "string") out[key] = value;
  return out;
}

function authScheme(header: string | undefined): string | null {
  const scheme = header?.trim().split(/\s+/)[0];
  return scheme ? scheme : null;
}
