import express, { type Router } from "express";
import { ActivityTypes } from "@microsoft/agents-activity";
import {
  AgentApplication,
  CloudAdapter,
  MemoryStorage,
  authorizeJWT,
  type AuthConfiguration,
  type TurnState,
} from "@microsoft/agents-hosting";
import { resolveLocale, translate } from "@comptoir/shared";

export interface AgentOptions {
  /** Empty in local mode and tests: the SDK then accepts anonymous calls (never in production). */
  auth: AuthConfiguration;
}

/** The `/api/messages` endpoint on the Microsoft 365 Agents SDK. Card actions and commands plug in here. */
export function createAgentRouter({ auth }: AgentOptions): Router {
  const adapter = new CloudAdapter(auth);
  const app = new AgentApplication<TurnState>({ adapter, storage: new MemoryStorage() });
  app.onActivity(ActivityTypes.Message, async (context) => {
    const locale = resolveLocale(context.activity.locale);
    await context.sendActivity(translate(locale, "app.name"));
  });
  const router = express.Router();
  router.use(express.json({ limit: "1mb" }));
  router.use(authorizeJWT(auth));
  router.post("/", (req, res, next) => {
    adapter.process(req, res, (context) => app.run(context)).catch(next);
  });
  return router;
}
