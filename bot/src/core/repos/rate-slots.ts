import type { TableClient } from "@azure/data-tables";
import { z } from "zod";
import { nextSlot, type RateWindow } from "../../lib/limiter";
import { statusOf } from "../storage/errors";
import { key } from "../storage/keys";

const HISTORY_ROW = "h";
const RESERVE_ATTEMPTS = 60;

/** The stored history: `base` (ms since epoch) and the takes as base-36 offsets from it, in time order. */
const historyRowSchema = z.object({ base: z.number(), offsets: z.string(), etag: z.string() });

function decode(row: z.infer<typeof historyRowSchema>): number[] {
  return row.offsets === "" ? [] : row.offsets.split(",").map((o) => row.base + parseInt(o, 36));
}

function encode(times: readonly number[]): { base: number; offsets: string } {
  const base = times[0] ?? 0;
  return { base, offsets: times.map((t) => (t - base).toString(36)).join(",") };
}

/**
 * Table `rateSlots`: the pacing histories that several instances share (Graph's invitations per tenant,
 * a mailbox's mails, a Teams conversation's messages). PartitionKey = `<limit name>|<subject>`, RowKey `h`:
 * one row per paced subject, holding the times of the takes still inside the longest window (Teams' hour:
 * at most 1,800 offsets of 5 characters or fewer, well under a property's 32K characters). A take reserves the earliest slot where every
 * window has room, after the slots already reserved, and writes it under the ETag it read: two instances
 * never get the same slot, and the caller then waits until its slot comes.
 */
export class RateSlotRepository {
  constructor(private readonly table: TableClient) {}

  /**
   * Reserves the next `count` slots (ms since epoch, at least `now`, in order) for `name|subject` under
   * `windows`, in one read and one write.
   */
  async reserve(
    name: string,
    subject: string,
    windows: readonly RateWindow[],
    now: () => number,
    count = 1,
  ): Promise<number[]> {
    const partitionKey = key(name, subject);
    const longest = Math.max(0, ...windows.map((w) => w.ms));
    for (let attempt = 1; ; attempt++) {
      const row = await this.read(partitionKey);
      const t = now();
      const taken = row ? decode(row).filter((time) => time > t - longest) : [];
      const slots: number[] = [];
      for (let i = 0; i < count; i++) {
        const slot = nextSlot(taken, windows, Math.max(t, taken.at(-1) ?? t));
        taken.push(slot);
        slots.push(slot);
      }
      const entity = { partitionKey, rowKey: HISTORY_ROW, ...encode(taken) };
      try {
        if (row) await this.table.updateEntity(entity, "Replace", { etag: row.etag });
        else await this.table.createEntity(entity);
        return slots;
      } catch (e) {
        // Another instance reserved first (412 on the row, 409 on its creation): read again.
        const status = statusOf(e);
        if ((status !== 412 && status !== 409) || attempt >= RESERVE_ATTEMPTS) throw e;
        await new Promise((r) => setTimeout(r, Math.random() * 3 * Math.min(attempt, 10)));
      }
    }
  }

  /** The slot a take would get now, without reserving it (a caller that would rather wait elsewhere). */
  async peek(name: string, subject: string, windows: readonly RateWindow[], t: number): Promise<number> {
    const row = await this.read(key(name, subject));
    const longest = Math.max(0, ...windows.map((w) => w.ms));
    const taken = row ? decode(row).filter((time) => time > t - longest) : [];
    return nextSlot(taken, windows, Math.max(t, taken.at(-1) ?? t));
  }

  private async read(partitionKey: string) {
    try {
      const entity = await this.table.getEntity(partitionKey, HISTORY_ROW);
      return historyRowSchema.parse(entity);
    } catch (e) {
      if (statusOf(e) === 404) return null;
      throw e;
    }
  }
}
