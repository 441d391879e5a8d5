import { createServer, type Server } from "node:https";
import type { AddressInfo } from "node:net";
import { createConnectorApp, type BearerCheck } from "./app";
import { ConversationStore, type StoredActivity } from "./conversations";
import { FaultTable } from "./faults";
import { Recorder, type RecordedFilter } from "./recorder";
import type { ChannelAccount, FaultRule, RecordedRequest } from "./types";
import { listen } from "../../../src/api/http/listen";

export type { BearerCheck, ChannelAccount, FaultRule, RecordedFilter, RecordedRequest, StoredActivity };

export interface LocalConnectorOptions {
  /** 0 (default) lets the OS pick a free port. */
  port?: number;
  host?: string;
  /** Larger bodies get 413 `MessageSizeTooBig`, like Teams (default 100 KB). */
  maxBodyBytes?: number;
  /** Serve HTTPS with this certificate, as the real Connector does (default: plain HTTP). */
  tls?: { key: string; cert: string };
  /** Require the bot's bearer token on every Bot Connector call (default: serve anyone). */
  bearer?: BearerCheck;
}

export interface LocalConnector {
  /** Base URL to use as the activities' `serviceUrl`. */
  url: string;
  /** Calls received so far, oldest first (copies). */
  recorded(filter?: RecordedFilter): RecordedRequest[];
  /** What the conversation shows now: the bot's activities with updates applied and deletions removed. */
  activities(conversationId: string): StoredActivity[];
  /** Forgets the recorded calls (conversations and faults stay). */
  clear(): void;
  /** Forgets everything: calls, conversations and faults. */
  reset(): void;
  /** Returns the rule's id. */
  setFault(rule: FaultRule): number;
  clearFaults(): void;
  /** Makes `GET /v3/conversations/{id}/members/{memberId}` know this member. */
  addMember(conversationId: string, member: ChannelAccount): void;
  /** Resolves with the first recorded call matching `predicate` (polling), or rejects after `timeoutMs`. */
  waitFor(predicate: (request: RecordedRequest) => boolean, options?: { timeoutMs?: number }): Promise<RecordedRequest>;
  stop(): Promise<void>;
}

/**
 * A local stand-in for the Bot Connector service (the `serviceUrl` Teams puts on activities), for local
 * runs and tests: it accepts what the bot sends, records it and can be told to fail.
 */
export async function startLocalConnector(options: LocalConnectorOptions = {}): Promise<LocalConnector> {
  const host = options.host ?? "127.0.0.1";
  const store = new ConversationStore();
  const recorder = new Recorder();
  const faults = new FaultTable();
  let url = "";
  const app = createConnectorApp({
    store,
    recorder,
    faults,
    baseUrl: () => url,
    maxBodyBytes: options.maxBodyBytes ?? 100_000,
    ...(options.bearer ? { bearer: options.bearer } : {}),
  });
  const { server, port } = options.tls
    ? await listenTls(app, options.tls, options.port ?? 0, host)
    : await listen(app, options.port ?? 0, host);
  url = `${options.tls ? "https" : "http"}://${host.includes(":") ? `[${host}]` : host}:${port}`;

  return {
    url,
    recorded: (filter) => recorder.list(filter),
    activities: (conversationId) => store.activities(conversationId),
    clear: () => recorder.clear(),
    reset: () => {
      recorder.clear();
      store.clear();
      faults.clear();
    },
    setFault: (rule) => faults.add(rule),
    clearFaults: () => faults.clear(),
    addMember: (conversationId, member) => store.addMember(conversationId, member),
    async waitFor(predicate, { timeoutMs = 5_000 } = {}) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = recorder.list().find(predicate);
        if (found) return found;
        if (Date.now() > deadline) {
          const seen = recorder.list().map((r) => `${r.method} ${r.path} → ${r.status}`);
          throw new Error(`No matching connector call within ${timeoutMs} ms; received: ${seen.join(", ") || "none"}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    stop: () =>
      new Promise<void>((ok) => {
        server.close(() => ok());
        server.closeAllConnections();
      }),
  };
}

function listenTls(
  app: ReturnType<typeof createConnectorApp>,
  tls: { key: string; cert: string },
  port: number,
  host: string,
): Promise<{ server: Server; port: number }> {
  return new Promise((resolve, reject) => {
    const server = createServer(tls, app);
    server.once("error", reject);
    server.listen(port, host, () => resolve({ server, port: (server.address() as AddressInfo).port }));
  });
}
