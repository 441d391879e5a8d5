import type { Router } from "express";
import type { AuthConfiguration } from "@microsoft/agents-hosting";
import type { TokenVerifier } from "../auth/verify";
import type { Env } from "../config/env";
import type { ServiceDeps } from "../core/services/context";
import type { GuestGraph } from "../jobs/invitations/pipeline";

/** What differs between `local` and `teams` mode; everything else is wired the same way. */
export interface ModeWiring {
  verify: TokenVerifier;
  authConfig: unknown;
  agentAuth: AuthConfiguration;
  graph: GuestGraph;
  /** Object ids the bot takes as staff without asking the Bot Connector (local mode's demo staff only). */
  localStaffOids?: readonly string[];
  /** Local mode's sign-in page, mounted at `/local-idp`. */
  localSignIn?: Router;
  stop(): Promise<void>;
}

/** Builds a mode's wiring once the domain services exist; the entry point (production or development) injects it. */
export type ModeFactory<W extends ModeWiring> = (ctx: {
  env: Env;
  deps: ServiceDeps;
  storage: { connectionString: string; tablePrefix: string };
}) => Promise<W>;
