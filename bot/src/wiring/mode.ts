import type { Router } from "express";
import type { AuthConfiguration } from "@microsoft/agents-hosting";
import type { IntakeDrives } from "../accounting/intake/drive-port";
import type { TokenVerifier } from "../auth/verify";
import type { Env } from "../config/env";
import type { PersonDirectory } from "../graph";
import type { TokenProvider } from "../graph/token";
import type { ServiceDeps } from "../core/services/context";
import type { GuestGraph } from "../jobs/invitations/pipeline";

/** What differs between `local` and `teams` mode; everything else is wired the same way. */
export interface ModeWiring {
  verify: TokenVerifier;
  authConfig: unknown;
  agentAuth: AuthConfiguration;
  graph: GuestGraph;
  /** Microsoft Graph's drives, for the automatic FEC intake (issue 20). */
  drives: IntakeDrives;
  /** The document library the drop-folder browser opens on when INTAKE_DRIVE_ID is not set (local mode's). */
  defaultDriveId?: string;
  /** Who is staff in chat: user type and Comptoir's app roles, read from Microsoft Graph (the local one in local mode). */
  directory: PersonDirectory;
  /** Local mode's sign-in page, mounted at `/local-idp`. */
  localSignIn?: Router;
  /**
   * Local mode: `/api/messages` (anonymous there) answers this machine only (no forwarder, a loopback `Host`), and
   * only activities whose `serviceUrl` is one of these local connector origins.
   */
  loopbackOnlyBot?: { serviceUrls: readonly string[] };
  /** Teams mode: how the Bot Connector and the bot authenticate each other (absent in local mode). */
  botConnector?: {
    /** BOT_OPENID_METADATA_URL: its JWKS signs the Bot Connector's requests to /api/messages. */
    openIdMetadataUrl: string;
    /** BOT_SERVICE_URL_HOSTS: the Connector hosts the bot accepts activities from and sends to. */
    serviceUrlHosts: readonly string[];
    /** The bot's own Entra ID tokens for the Bot Connector (client credentials of BOT_ID). */
    connectorToken: TokenProvider;
  };
  stop(): Promise<void>;
}

/** Builds a mode's wiring once the domain services exist; the entry point (production or development) injects it. */
export type ModeFactory<W extends ModeWiring> = (ctx: {
  env: Env;
  deps: ServiceDeps;
  storage: { connectionString: string; tablePrefix: string };
}) => Promise<W>;
