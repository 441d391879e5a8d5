import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "./harness";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ HTTP_HEADERS_TIMEOUT_MS: "400", HTTP_IDLE_TIMEOUT_MS: "1000" });
});
afterAll(() => app.close());

/** Opens a raw connection, writes `text`, and resolves with what the server sent until it closed, and when. */
function rawExchange(text: string, giveUpMs = 10_000): Promise<{ received: string; closedAfterMs: number }> {
  const { port } = new URL(app.url);
  return new Promise((resolve, reject) => {
    const started = Date.now();
    let received = "";
    const socket = connect(Number(port), "127.0.0.1", () => socket.write(text));
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`still open after ${giveUpMs} ms; received: ${received}`));
    }, giveUpMs);
    socket.on("data", (chunk: Buffer) => (received += chunk.toString()));
    socket.on("close", () => {
      clearTimeout(timer);
      resolve({ received, closedAfterMs: Date.now() - started });
    });
    socket.on("error", () => undefined);
  });
}

describe("slow or idle clients cannot hold the server's sockets", () => {
  it("answers 408 and closes when the headers do not arrive in time", async () => {
    const { received, closedAfterMs } = await rawExchange("GET /api/health HTTP/1.1\r\nHost: localhost\r\n");
    expect(received).toMatch(/^HTTP\/1\.1 408/);
    expect(closedAfterMs).toBeLessThan(5_000);
  });

  it("closes a connection that goes silent in the middle of a request body", async () => {
    const { received, closedAfterMs } = await rawExchange(
      "POST /api/v1/me HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{",
    );
    expect(received).not.toMatch(/^HTTP\/1\.1 2/);
    expect(closedAfterMs).toBeGreaterThanOrEqual(900);
    expect(closedAfterMs).toBeLessThan(8_000);
  });

  it("still serves a request sent in time", async () => {
    const res = await fetch(`${app.url}/api/health`);
    expect(res.status).toBe(200);
  });
});
