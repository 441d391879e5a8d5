import { describe, expect, it } from "vitest";
import { HttpError } from "@microsoft/agents-hosting";
import {
  backoffMs,
  classifyConnectorError,
  connectorStatus,
  parseRetryAfter,
} from "../../src/jobs/proactive/connector-errors";

/** The error the SDK's ConnectorClient throws for a non-2xx answer. */
function connectorError(status: number, headers: Record<string, string> = {}): HttpError {
  const config = { method: "post", url: "v3/conversations/a/activities" };
  return new HttpError(
    `Request failed with status ${status}`,
    { data: {}, status, statusText: "", headers: new Headers(headers), config },
    config,
  );
}

describe("Retry-After", () => {
  it("reads delta-seconds and HTTP dates, and ignores anything else", () => {
    const now = Date.parse("2026-03-02T10:00:00Z");
    expect(parseRetryAfter("3", now)).toBe(3_000);
    expect(parseRetryAfter(" 0.5 ", now)).toBe(500);
    expect(parseRetryAfter("Mon, 02 Mar 2026 10:00:07 GMT", now)).toBe(7_000);
    expect(parseRetryAfter("Mon, 02 Mar 2026 09:00:00 GMT", now)).toBe(0);
    expect(parseRetryAfter("soon", now)).toBeNull();
    expect(parseRetryAfter(null, now)).toBeNull();
  });
});

describe("classifyConnectorError", () => {
  it("retries 429 with its Retry-After, and 412, 502, 503, 504 without one", () => {
    expect(classifyConnectorError(connectorError(429, { "Retry-After": "2" }))).toEqual({
      kind: "retry",
      status: 429,
      retryAfterMs: 2_000,
    });
    for (const status of [412, 502, 503, 504])
      expect(classifyConnectorError(connectorError(status))).toEqual({ kind: "retry", status, retryAfterMs: null });
  });

  it("gives up on a conversation that is gone, and on other answers", () => {
    expect(classifyConnectorError(connectorError(403))).toEqual({ kind: "gone", status: 403 });
    expect(classifyConnectorError(connectorError(404))).toEqual({ kind: "gone", status: 404 });
    expect(classifyConnectorError(connectorError(400))).toEqual({ kind: "fatal", status: 400 });
    expect(classifyConnectorError(connectorError(413))).toEqual({ kind: "fatal", status: 413 });
    expect(classifyConnectorError(new Error("bug"))).toEqual({ kind: "fatal", status: null });
  });

  it("retries a network failure (fetch rejects with TypeError: fetch failed)", () => {
    expect(classifyConnectorError(new TypeError("fetch failed"))).toMatchObject({ kind: "retry", status: null });
    expect(connectorStatus(new TypeError("fetch failed"))).toBeNull();
  });
});

describe("backoffMs", () => {
  it("doubles from the base, is capped, and stays between half and all of it", () => {
    expect(backoffMs(0, 500, 30_000, () => 1)).toBe(500);
    expect(backoffMs(3, 500, 30_000, () => 1)).toBe(4_000);
    expect(backoffMs(3, 500, 30_000, () => 0)).toBe(2_000);
    expect(backoffMs(20, 500, 30_000, () => 1)).toBe(30_000);
  });
});
