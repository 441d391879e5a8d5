import { describe, expect, inject, it } from "vitest";
import { createStorage } from "../../src/core/storage/connection";
import { RateSlotRepository } from "../../src/core/repos/rate-slots";
import { TABLES } from "../../src/core/repos/tables";
import { SharedPacer } from "../../src/jobs/pacing/shared-pacer";
import { TEAMS_SEND_WINDOWS } from "../../src/jobs/proactive/send-limits";
import { testTablePrefix } from "./harness";

/**
 * Limits that must hold for the deployment, not per instance (Graph's 150 invitations per 5 s per tenant,
 * a mailbox's 30 mails a minute, a conversation's 7 messages a second): two pacers over one table stand
 * for two instances, each with its own memory.
 */
async function twoInstances() {
  const storage = createStorage(inject("azuriteConnectionString"), testTablePrefix());
  await storage.ensureTables([TABLES.rateSlots]);
  // Two repositories, two table clients: nothing shared but the storage account.
  return [
    new RateSlotRepository(storage.table(TABLES.rateSlots)),
    new RateSlotRepository(storage.table(TABLES.rateSlots)),
  ] as const;
}

/** Runs `count` takes at once, alternating pacers, and returns when each was granted (ms from the start). */
async function grants(pacers: readonly SharedPacer[], subject: string, count: number): Promise<number[]> {
  const start = Date.now();
  return Promise.all(
    Array.from({ length: count }, async (_, i) => {
      await (pacers[i % pacers.length] as SharedPacer).take(subject);
      return Date.now() - start;
    }),
  );
}

/** The most grants inside any window of `ms` that starts at a grant. */
const most = (times: number[], ms: number) =>
  Math.max(...times.map((t) => times.filter((u) => u >= t && u < t + ms).length));

describe("limits shared by all instances", () => {
  it("keeps two instances together under one limit, and lets a first window's worth go at once", async () => {
    const [a, b] = await twoInstances();
    // As in production, the pacers' windows are a little longer than the service's (here 400 ms): a take
    // that gets its slot late (the reservation's round trip) never lands inside the service's full window.
    const windows = [{ limit: 5, ms: 400 }];
    const options = { margin: 0.25 };
    const pacers = [
      new SharedPacer(a, "graph-invitations", windows, options),
      new SharedPacer(b, "graph-invitations", windows, options),
    ];
    const times = (await grants(pacers, "tenant-1", 15)).sort((x, y) => x - y);
    expect(times).toHaveLength(15);
    // Each instance alone would let 5 through per window, 10 together: the shared history allows 5.
    expect(most(times, 400)).toBeLessThanOrEqual(5);
    // 15 takes under 5 per 500 ms: the last one waits two full windows, not more than a little beyond.
    expect(times.at(-1)).toBeGreaterThanOrEqual(1_000);
    expect(times.at(-1)).toBeLessThan(2_500);
    expect(times.slice(0, 5).every((t) => t < 300)).toBe(true);
  });

  it("paces subjects independently: one tenant's full window does not hold another back", async () => {
    const [a, b] = await twoInstances();
    const windows = [{ limit: 2, ms: 2_000 }];
    const pa = new SharedPacer(a, "mailbox", windows);
    const pb = new SharedPacer(b, "mailbox", windows);
    await Promise.all([pa.take("one@cabinet.fr"), pb.take("one@cabinet.fr")]);
    expect(await pb.delay("one@cabinet.fr")).toBeGreaterThan(1_000);
    const started = Date.now();
    await pa.take("other@cabinet.fr");
    expect(Date.now() - started).toBeLessThan(500);
  });

  it("holds Teams' documented per-conversation windows across instances", async () => {
    const [a, b] = await twoInstances();
    const options = { margin: 0.1 };
    const pacers = [
      new SharedPacer(a, "teams-conversation", TEAMS_SEND_WINDOWS, options),
      new SharedPacer(b, "teams-conversation", TEAMS_SEND_WINDOWS, options),
    ];
    const times = (await grants(pacers, "a:conversation", 9)).sort((x, y) => x - y);
    // Paced at 7 per 1.1 s and 8 per 2.2 s: Teams, counting 7 per 1 s and 8 per 2 s, never sees more.
    expect(most(times, 1_000)).toBeLessThanOrEqual(7);
    expect(most(times, 2_000)).toBeLessThanOrEqual(8);
    expect(times[7]).toBeGreaterThanOrEqual(1_100);
    expect(times[8]).toBeGreaterThanOrEqual(2_200);
  });

  it("keeps pacing this instance from memory while storage is unreachable", async () => {
    const dead = createStorage(
      "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;TableEndpoint=http://127.0.0.1:9/devstoreaccount1;",
      testTablePrefix(),
    );
    const pacer = new SharedPacer(new RateSlotRepository(dead.table(TABLES.rateSlots)), "mailbox", [
      { limit: 2, ms: 300 },
    ]);
    const times = (await grants([pacer], "one@cabinet.fr", 4)).sort((x, y) => x - y);
    expect(times).toHaveLength(4);
    expect(most(times, 300)).toBeLessThanOrEqual(2);
  });
});
