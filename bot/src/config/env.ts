import { z } from "zod";
import { readEnvFiles } from "./dotenv";

const port = z.coerce.number().int().min(0).max(65535);
const url = z.url({ protocol: /^https?$/ }).transform((u) => u.replace(/\/+$/, ""));
const guid = z.uuid();
const nonEmpty = z.string().trim().min(1);

const common = {
  PORT: port.default(3978),
  DATA_DIR: z.string().default(".data"),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
  /** Microsoft's guest invitation also sends Microsoft's own "accept the invitation" e-mail. */
  SEND_INVITATION_MESSAGE: z.stringbool().default(true),
  /** Exchange Online lets one mailbox send about 30 messages a minute. */
  MAIL_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(30),
  /** Microsoft documents 150 invitations per 5 seconds per tenant. */
  INVITATIONS_PER_5S: z.coerce.number().int().min(1).max(10_000).default(150),
  /** FEC uploads above this are refused (FEC_TOO_LARGE), before and while streaming. */
  FEC_MAX_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(300 * 1024 * 1024),
  FEC_IMPORT_CONCURRENCY: z.coerce.number().int().min(1).max(8).default(1),
  /**
   * Exports and reads scanning a whole import running at once on this server (fair use). 1, a core's
   * worth (an S1 instance has one): a lean export holds ~110 MB and a core at peak; bench:abuse, balance
   * p95 under 30 exports: 2.65× alone with 1 slot, 4.24× with 2, 26.6× with 4 (before lean exports).
   */
  HEAVY_WORK_SLOTS: z.coerce.number().int().min(1).max(64).default(1),
  /** …of which one person (token oid) may hold or wait for; one more is refused with TOO_MANY_REQUESTS (429). */
  HEAVY_WORK_PER_PERSON: z.coerce.number().int().min(1).max(64).default(1),
  /** How long a heavy request waits for a free slot before SERVER_BUSY (503). */
  HEAVY_WORK_WAIT_MS: z.coerce.number().int().min(0).max(600_000).default(10_000),
  PIPELINE_CONCURRENCY: z.coerce.number().int().min(1).max(256).default(32),
  /** Remove a guest from the tenant once their last service is revoked (off by default). */
  DELETE_GUEST_WITHOUT_SERVICE: z.stringbool().default(false),
  /** A client must send its request headers within this time (slowloris). */
  HTTP_HEADERS_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(20_000),
  /** …and its whole request, body included, within this one (a large FEC upload on a slow line takes minutes). */
  HTTP_REQUEST_TIMEOUT_MS: z.coerce.number().int().min(1_000).max(3_600_000).default(900_000),
  /** A connection silent for this long, in either direction, is closed. */
  HTTP_IDLE_TIMEOUT_MS: z.coerce.number().int().min(1_000).max(3_600_000).default(120_000),
  /** Automatic FEC intake: how often each instance syncs every watched drive, whatever the notifications said. */
  INTAKE_SWEEP_SECONDS: z.coerce.number().int().min(5).max(86_400).default(900),
  /** The firm's document library (a Graph drive id) the drop-folder browser opens on; local mode has its own. */
  INTAKE_DRIVE_ID: z.string().trim().min(1).max(200).optional(),
  /** Where Microsoft Graph posts the drives' change notifications; default `<public URL>/api/graph/notifications`. */
  INTAKE_NOTIFICATION_URL: url.optional(),
  /** Request bodies above this are refused with PAYLOAD_TOO_LARGE. */
  MAX_JSON_BODY_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(256 * 1024),
};

const localSchema = z.object({
  COMPTOIR_MODE: z.literal("local"),
  ...common,
  /** Local mode listens on loopback only: its sign-in page must never be reachable from the network. */
  HOST: z.string().default("127.0.0.1"),
  TAB_ENDPOINT: url.optional(),
  /** Local mode normally starts its own Azurite; tests point it at theirs. */
  STORAGE_CONNECTION_STRING: z.string().optional(),
  /** The demo firm's tenant id in local mode. */
  AAD_APP_TENANT_ID: guid.default("7d1c8e6a-3f0b-4d1e-9a51-0c0f1a2b3c4d"),
  LOCAL_API_AUDIENCE: z.string().default("api://localhost/comptoir"),
  SEED_DEMO: z.stringbool().default(true),
  /** Generated dossiers and contacts in the demo firm, on top of the user story's own. */
  SEED_DOSSIERS: z.coerce.number().int().min(0).max(100_000).default(50),
  SEED_CONTACTS: z.coerce.number().int().min(0).max(100_000).default(20),
  /** The local Graph server's port (mailbox links embed it); unset: PORT + 1 for `npm start`, any free port otherwise. */
  LOCAL_GRAPH_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  /** Model Microsoft's 150 invitations per 5 s in the local Graph server. */
  LOCAL_GRAPH_THROTTLE: z.stringbool().default(true),
  /** Fixes the sign-in link's secret (tests, e2e); unset: a random one at each start, printed by `npm start`. */
  LOCAL_SIGNIN_SECRET: z.string().min(32).optional(),
  /** The only Bot Connector the local bot answers: the Agents Playground's default (`npm run playground`). */
  LOCAL_BOT_SERVICE_URL: url.default("http://localhost:56150"),
});

const teamsSchema = z.object({
  COMPTOIR_MODE: z.literal("teams"),
  ...common,
  HOST: z.string().default("0.0.0.0"),
  TAB_ENDPOINT: url,
  TAB_DOMAIN: nonEmpty,
  TEAMS_APP_ID: guid,
  AAD_APP_CLIENT_ID: guid,
  AAD_APP_TENANT_ID: guid,
  /** The Entra ID host (`https://login.microsoftonline.com`); tokens, keys and the sign-in page are under `/<tenant>`. */
  AAD_APP_OAUTH_AUTHORITY_HOST: url.default("https://login.microsoftonline.com"),
  /** Written by provisioning (`<host>/<tenant>`); the server reads AAD_APP_OAUTH_AUTHORITY_HOST. */
  AAD_APP_OAUTH_AUTHORITY: url.optional(),
  /** Microsoft Graph's v1.0 endpoint. */
  GRAPH_BASE_URL: url.default("https://graph.microsoft.com/v1.0"),
  /** The Bot Framework's OpenID metadata, whose keys sign the Bot Connector's requests to /api/messages. */
  BOT_OPENID_METADATA_URL: url.default("https://login.botframework.com/v1/.well-known/openidconfiguration"),
  /**
   * Hosts an activity's serviceUrl may name (comma-separated, subdomains included): the bot accepts activities
   * from, replies and sends proactive messages only there (https only). Default: Teams' Bot Connector hosts —
   * smba.trafficmanager.net in the public cloud ("Authentication with the Bot Connector API",
   * https://learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-connector-authentication), and the
   * GCC, GCC High and DoD endpoints of "Proactive messages"
   * (https://learn.microsoft.com/microsoftteams/platform/bots/how-to/conversations/send-proactive-messages).
   */
  BOT_SERVICE_URL_HOSTS: z
    .string()
    .default(
      "smba.trafficmanager.net,smba.infra.gcc.teams.microsoft.com,smba.infra.gov.teams.microsoft.us,smba.infra.dod.teams.microsoft.us",
    )
    .transform((v) =>
      v
        .split(",")
        .map((h) => h.trim().toLowerCase())
        .filter(Boolean),
    )
    .pipe(z.array(z.string().regex(/^[a-z0-9.-]+$/)).min(1)),
  SECRET_AAD_APP_CLIENT_SECRET: nonEmpty,
  BOT_ID: guid,
  SECRET_BOT_PASSWORD: nonEmpty,
  STORAGE_CONNECTION_STRING: nonEmpty,
  GRAPH_MAIL_SENDER: z.email(),
});

export const envSchema = z.discriminatedUnion("COMPTOIR_MODE", [localSchema, teamsSchema]);
export type Env = z.infer<typeof envSchema>;
export type LocalEnv = z.infer<typeof localSchema>;
export type TeamsEnv = z.infer<typeof teamsSchema>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/**
 * Reads `env/.env.<COMPTOIR_ENV|local>` under the process environment (which wins), then validates it all at once
 * so a bad start names every bad variable in one message.
 */
export function loadEnv(source: NodeJS.ProcessEnv = process.env, envDir = "env"): Env {
  const envName = source.COMPTOIR_ENV ?? "local";
  const merged: Record<string, string> = {};
  // An empty value means "not set", in a file as in the process: the default applies.
  for (const values of [readEnvFiles(envDir, envName), source])
    for (const [k, v] of Object.entries(values)) if (v !== undefined && v !== "") merged[k] = v;
  merged.COMPTOIR_MODE ??= "local";
  return parseEnv(merged);
}

export function parseEnv(values: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(values);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const name = issue.path.join(".") || "COMPTOIR_MODE";
    return `${name}: ${issue.message}`;
  });
  throw new ConfigError(problems);
}
