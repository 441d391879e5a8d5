import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { backoffDelay, DEFAULT_RETRY_POLICY, parseRetryAfter, type RetryPolicy } from "../../src/graph/retry";

const POLICY: RetryPolicy = { maxAttempts: 10, baseDelayMs: 100, maxDelayMs: 5_000, maxTotalDelayMs: 60_000 };

describe("backoff schedule", () => {
  it("doubles its ceiling per attempt up to the maximum", () => {
    const top = () => 0.999999;
    const ceilings = [1, 2, 3, 4, 5, 6, 7, 8].map((n) => backoffDelay(n, POLICY, top));
    expect(ceilings).toEqual([99, 199, 399, 799, 1599, 3199, 4999, 4999]);
  });

  it("is fully jittered: anywhere from 0 to the ceiling, driven by the random source", () => {
    expect(backoffDelay(4, POLICY, () => 0)).toBe(0);
    expect(backoffDelay(4, POLICY, () => 0.5)).toBe(400);
    const spread = new Set(Array.from({ length: 200 }, () => backoffDelay(6, POLICY)));
    expect(spread.size).toBeGreaterThan(50);
  });

  it("stays within [0, min(max, base·2^(n-1))] for any attempt and random draw", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1000 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (n, r) => {
          const d = backoffDelay(n, DEFAULT_RETRY_POLICY, () => r);
          const ceiling = Math.min(DEFAULT_RETRY_POLICY.maxDelayMs, DEFAULT_RETRY_POLICY.baseDelayMs * 2 ** (n - 1));
          expect(d).toBeGreaterThanOrEqual(0);
          expect(d).toBeLessThanOrEqual(ceiling);
          expect(Number.isInteger(d)).toBe(true);
        },
      ),
    );
  });
});

describe("Retry-After parsing", () => {
  const now = Date.parse("Wed, 21 Oct 2015 07:28:00 GMT");

  it("reads delay-seconds", () => {
    expect(parseRetryAfter("120", now)).toBe(120_000);
    expect(parseRetryAfter(" 3 ", now)).toBe(3_000);
    expect(parseRetryAfter("0", now)).toBe(0);
  });

  it("reads an HTTP-date relative to now, never negative", () => {
    expect(parseRetryAfter("Wed, 21 Oct 2015 07:28:30 GMT", now)).toBe(30_000);
    expect(parseRetryAfter("Wed, 21 Oct 2015 07:27:00 GMT", now)).toBe(0);
  });

  it("returns null for a missing or unreadable value", () => {
    for (const bad of [null, undefined, "", "-5", "1.5", "soon", "12abc"]) {
      expect(parseRetryAfter(bad, now)).toBeNull();
    }
  });
});
