import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Express } from "express";

/** How long a client may take, so that slow or idle connections cannot hold the server's sockets. */
export interface ServerTimeouts {
  /** To send the request's headers (slowloris). */
  headersMs: number;
  /** To send the whole request, body included (a 300 MB FEC upload on a slow line needs minutes). */
  requestMs: number;
  /** Of silence on the socket, in either direction, before it is closed. */
  idleMs: number;
}

/** Node's defaults are 60 s for headers, 300 s per request and no idle limit; these are stated explicitly. */
export const DEFAULT_TIMEOUTS: ServerTimeouts = { headersMs: 20_000, requestMs: 900_000, idleMs: 120_000 };

/**
 * Listens and resolves with the bound port. Express 5 calls `listen`'s callback with the error
 * (e.g. EADDRINUSE) instead of emitting it, so both paths are handled here once.
 */
export function listen(
  app: Express,
  port: number,
  host: string,
  timeouts: ServerTimeouts = DEFAULT_TIMEOUTS,
): Promise<{ server: Server; port: number }> {
  return new Promise((resolve, reject) => {
    const server = createServer(
      {
        headersTimeout: timeouts.headersMs,
        requestTimeout: timeouts.requestMs,
        // Node checks the two limits above on this interval (30 s by default): often enough for short limits.
        connectionsCheckingInterval: Math.min(5_000, Math.max(100, Math.floor(timeouts.headersMs / 4))),
      },
      app,
    );
    server.setTimeout(timeouts.idleMs);
    server.once("error", reject);
    server.listen(port, host, () => resolve({ server, port: (server.address() as AddressInfo).port }));
  });
}
