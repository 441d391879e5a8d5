import { describe, expect, it } from "vitest";
import { RateLimiter } from "../../src/jobs/invitations/rate-limiter";

describe("RateLimiter (sliding window)", () => {
  it("never lets more than `limit` takes into any window", async () => {
    const limiter = new RateLimiter(5, 200);
    const times: number[] = [];
    await Promise.all(Array.from({ length: 12 }, () => limiter.take().then(() => times.push(Date.now()))));
    times.sort((a, b) => a - b);
    for (let i = 5; i < times.length; i++) expect((times[i] ?? 0) - (times[i - 5] ?? 0)).toBeGreaterThanOrEqual(200);
    expect(times).toHaveLength(12);
  });

  it("holds the take past `limit` until the window moves on", async () => {
    const frozen = () => 0; // the window never moves: the fourth take must wait
    const limiter = new RateLimiter(3, 60_000, frozen);
    await Promise.all([limiter.take(), limiter.take(), limiter.take()]);
    let fourth = false;
    void limiter.take().then(() => (fourth = true));
    await new Promise((r) => setTimeout(r, 30));
    expect(fourth).toBe(false);
  });
});
