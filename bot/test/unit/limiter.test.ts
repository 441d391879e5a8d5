import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { KeyedLimiter, Limiter } from "../../src/lib/limiter";
import { TEAMS_SEND_WINDOWS } from "../../src/jobs/proactive/send-limits";

beforeEach(() => {
  vi.useFakeTimers({ now: 0 });
});
afterEach(() => {
  vi.useRealTimers();
});

/** Starts `count` takes at once and returns when each was granted, after `runMs` of fake time. */
async function grantTimes(take: () => Promise<void>, count: number, runMs: number) {
  const times: number[] = [];
  for (let i = 0; i < count; i++) void take().then(() => times.push(Date.now()));
  await vi.advanceTimersByTimeAsync(runMs);
  return times;
}

/** The most grants inside any window of `windowMs` starting at a grant. */
const most = (times: number[], windowMs: number) =>
  Math.max(...times.map((t) => times.filter((u) => u >= t && u < t + windowMs).length));

describe("Limiter (sliding windows)", () => {
  it("never lets more than `limit` takes into any window", async () => {
    const limiter = new Limiter([{ limit: 5, ms: 200 }]);
    const times = await grantTimes(() => limiter.take(), 12, 1_000);
    expect(times).toHaveLength(12);
    for (let i = 5; i < times.length; i++) expect((times[i] ?? 0) - (times[i - 5] ?? 0)).toBeGreaterThanOrEqual(200);
    // Pacing costs nothing until the window is full.
    expect(times.slice(0, 5)).toEqual([0, 0, 0, 0, 0]);
  });

  it("holds the take past `limit` until the window moves on", async () => {
    const frozen = () => 0; // the window never moves: the fourth take must wait
    const limiter = new Limiter([{ limit: 3, ms: 60_000 }], { now: frozen });
    await grantTimes(() => limiter.take(), 3, 0);
    let fourth = false;
    void limiter.take().then(() => (fourth = true));
    await vi.advanceTimersByTimeAsync(120_000);
    expect(fourth).toBe(false);
  });

  it("lets the take past `limit` go once the oldest take leaves the window", async () => {
    const limiter = new Limiter([{ limit: 3, ms: 1_000 }]);
    await grantTimes(() => limiter.take(), 3, 400);
    const times = await grantTimes(() => limiter.take(), 1, 1_000);
    expect(times).toEqual([1_001]);
  });

  it("checks every window at once, against one history", async () => {
    const limiter = new Limiter([
      { limit: 2, ms: 100 },
      { limit: 3, ms: 1_000 },
    ]);
    const times = await grantTimes(() => limiter.take(), 7, 5_000);
    expect(times).toHaveLength(7);
    expect(most(times, 100)).toBeLessThanOrEqual(2);
    expect(most(times, 1_000)).toBeLessThanOrEqual(3);
    expect(times.slice(0, 3)).toEqual([0, 0, 101]);
  });

  it("serves callers in order", async () => {
    const limiter = new Limiter([{ limit: 1, ms: 100 }]);
    const order: number[] = [];
    for (let i = 0; i < 5; i++) void limiter.take().then(() => order.push(i));
    await vi.advanceTimersByTimeAsync(1_000);
    expect(order).toEqual([0, 1, 2, 3, 4]);
  });

  it("tells how long a take would wait now", async () => {
    const limiter = new Limiter([{ limit: 2, ms: 1_000 }]);
    expect(limiter.delay()).toBe(0);
    await grantTimes(() => limiter.take(), 2, 0);
    expect(limiter.delay()).toBe(1_001);
    await vi.advanceTimersByTimeAsync(600);
    expect(limiter.delay()).toBe(401);
    await vi.advanceTimersByTimeAsync(401);
    expect(limiter.delay()).toBe(0);
  });

  it("stretches the windows by the margin", async () => {
    const limiter = new Limiter([{ limit: 1, ms: 1_000 }], { margin: 0.1 });
    await grantTimes(() => limiter.take(), 1, 0);
    expect(limiter.delay()).toBe(1_101);
  });

  it("knows when its history no longer matters", async () => {
    const limiter = new Limiter([{ limit: 1, ms: 1_000 }]);
    expect(limiter.idle()).toBe(true);
    void limiter.take();
    void limiter.take();
    expect(limiter.idle()).toBe(false); // callers waiting
    await vi.advanceTimersByTimeAsync(1_001);
    expect(limiter.idle()).toBe(false); // the second take is still inside the window
    await vi.advanceTimersByTimeAsync(1_000);
    expect(limiter.idle()).toBe(true);
  });

  it("refuses a limit that is not a positive integer", () => {
    expect(() => new Limiter([{ limit: 0, ms: 1_000 }])).toThrow(RangeError);
    expect(() => new KeyedLimiter([{ limit: 1.5, ms: 1_000 }])).toThrow(RangeError);
  });
});

describe("KeyedLimiter (per conversation)", () => {
  it("keeps one conversation within Teams' 7 per second and 8 per 2 seconds", async () => {
    const pacer = new KeyedLimiter(TEAMS_SEND_WINDOWS, { margin: 0.1 });
    const times = await grantTimes(() => pacer.take("a:1"), 20, 20_000);
    expect(times).toHaveLength(20);
    expect(most(times, 1_000)).toBe(7);
    expect(most(times, 2_000)).toBeLessThanOrEqual(8);
    // The first seven go at once: pacing costs nothing until a window is full.
    expect(times.slice(0, 7)).toEqual([0, 0, 0, 0, 0, 0, 0]);
  });

  it("stretches Teams' windows by 10 %", async () => {
    const pacer = new KeyedLimiter(TEAMS_SEND_WINDOWS, { margin: 0.1 });
    await grantTimes(() => pacer.take("a:1"), 7, 0);
    expect(pacer.delay("a:1")).toBe(1_101);
  });

  it("serves callers in order and paces conversations independently", async () => {
    const pacer = new KeyedLimiter([{ limit: 2, ms: 1_000 }]);
    const order: string[] = [];
    for (const id of ["x1", "x2", "x3"]) void pacer.take("x").then(() => order.push(id));
    for (const id of ["y1", "y2"]) void pacer.take("y").then(() => order.push(id));
    await vi.advanceTimersByTimeAsync(0);
    // y is not held back by x's full window.
    expect([...order].sort()).toEqual(["x1", "x2", "y1", "y2"]);
    await vi.advanceTimersByTimeAsync(1_001);
    expect(order.filter((id) => id.startsWith("x"))).toEqual(["x1", "x2", "x3"]);
    expect(order.at(-1)).toBe("x3");
  });

  it("honours the longer windows too (60 per 30 s)", async () => {
    const pacer = new KeyedLimiter(TEAMS_SEND_WINDOWS);
    const times = await grantTimes(() => pacer.take("a:2"), 70, 120_000);
    expect(times).toHaveLength(70);
    expect(most(times, 30_000)).toBeLessThanOrEqual(60);
    expect(most(times, 1_000)).toBeLessThanOrEqual(7);
  });

  it("tells how long the next send would wait, so a long wait can go back to the queue", async () => {
    const pacer = new KeyedLimiter([{ limit: 2, ms: 1_000 }]);
    expect(pacer.delay("z")).toBe(0);
    await grantTimes(() => pacer.take("z"), 2, 0);
    expect(pacer.delay("z")).toBe(1_001);
    await vi.advanceTimersByTimeAsync(600);
    expect(pacer.delay("z")).toBe(401);
  });

  it("forgets idle conversations", async () => {
    const pacer = new KeyedLimiter([{ limit: 5, ms: 1_000 }]);
    await grantTimes(() => pacer.take("old"), 1, 10);
    await vi.advanceTimersByTimeAsync(120_000);
    await grantTimes(() => pacer.take("new"), 1, 10);
    expect(pacer.size).toBe(1);
  });

  it("keeps a conversation whose callers still wait, however old its history", async () => {
    let clock = 0;
    const pacer = new KeyedLimiter([{ limit: 1, ms: 1_000 }], { now: () => clock });
    await grantTimes(() => pacer.take("busy"), 2, 0); // the second waits for its timer
    clock = 120_000; // the clock jumps, the timer has not fired yet
    await grantTimes(() => pacer.take("new"), 1, 0);
    expect(pacer.size).toBe(2);
  });
});
