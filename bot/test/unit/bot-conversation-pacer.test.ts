import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ConversationPacer, TEAMS_SEND_WINDOWS } from "../../src/jobs/proactive/conversation-pacer";

beforeEach(() => {
  vi.useFakeTimers({ now: 0 });
});
afterEach(() => {
  vi.useRealTimers();
});

/** Takes `count` slots for one conversation at once and returns when each was granted (fake clock). */
async function grantTimes(pacer: ConversationPacer, conversationId: string, count: number, runMs: number) {
  const times: number[] = [];
  for (let i = 0; i < count; i++) void pacer.take(conversationId).then(() => times.push(Date.now()));
  await vi.advanceTimersByTimeAsync(runMs);
  return times;
}

const most = (times: number[], windowMs: number) =>
  Math.max(...times.map((t) => times.filter((u) => u >= t && u < t + windowMs).length));

describe("ConversationPacer", () => {
  it("keeps one conversation within Teams' 7 per second and 8 per 2 seconds", async () => {
    const pacer = new ConversationPacer(TEAMS_SEND_WINDOWS, 0.1, () => Date.now());
    const times = await grantTimes(pacer, "a:1", 20, 20_000);
    expect(times).toHaveLength(20);
    expect(most(times, 1_000)).toBe(7);
    expect(most(times, 2_000)).toBeLessThanOrEqual(8);
    // The first seven go at once: pacing costs nothing until a window is full.
    expect(times.slice(0, 7)).toEqual([0, 0, 0, 0, 0, 0, 0]);
  });

  it("serves callers in order and paces conversations independently", async () => {
    const pacer = new ConversationPacer([{ limit: 2, ms: 1_000 }], 0, () => Date.now());
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
    const pacer = new ConversationPacer(TEAMS_SEND_WINDOWS, 0, () => Date.now());
    const times = await grantTimes(pacer, "a:2", 70, 120_000);
    expect(times).toHaveLength(70);
    expect(most(times, 30_000)).toBeLessThanOrEqual(60);
    expect(most(times, 1_000)).toBeLessThanOrEqual(7);
  });

  it("tells how long the next send would wait, so a long wait can go back to the queue", async () => {
    const pacer = new ConversationPacer([{ limit: 2, ms: 1_000 }], 0, () => Date.now());
    expect(pacer.delay("z")).toBe(0);
    await grantTimes(pacer, "z", 2, 0);
    expect(pacer.delay("z")).toBe(1_001);
    await vi.advanceTimersByTimeAsync(600);
    expect(pacer.delay("z")).toBe(401);
  });

  it("forgets idle conversations", async () => {
    const pacer = new ConversationPacer([{ limit: 5, ms: 1_000 }], 0, () => Date.now());
    await grantTimes(pacer, "old", 1, 10);
    await vi.advanceTimersByTimeAsync(120_000);
    await grantTimes(pacer, "new", 1, 10);
    expect(pacer.size).toBe(1);
  });
});
