import type { Router } from "express";
import type { AuthConfiguration } from "@microsoft/agents-hosting";
import type { TokenVerifier } from "../auth/verify";
import type { GuestGraph } from "../invitations/pipeline";

/** What differs between `local` and `teams` mode; everything else is wired the same way. */
export interface ModeWiring {
  verify: TokenVerifier;
  authConfig: unknown;
  agentAuth: AuthConfiguration;
  graph: GuestGraph;
  localSignIn?: Router;
  /** Local mode: the local Graph server (its dev mailbox, its /_control for tests). */
  localGraphUrl?: string;
  stop(): Promise<void>;
}
