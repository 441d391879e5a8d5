import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Express } from "express";

/**
 * Listens and resolves with the bound port. Express 5 calls `listen`'s callback with the error
 * (e.g. EADDRINUSE) instead of emitting it, so both paths are handled here once.
 */
export function listen(app: Express, port: number, host: string): Promise<{ server: Server; port: number }> {
  return new Promise((resolve, reject) => {
    const server = app.listen(port, host, (error?: Error) => {
      if (error) return reject(error);
      resolve({ server, port: (server.address() as AddressInfo).port });
    });
    server.once("error", reject);
  });
}
