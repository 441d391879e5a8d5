import { timingSafeEqual } from "node:crypto";
import { z } from "zod";
import type { IntakeDeps } from "./service";

/** A `changeNotificationCollection` without resource data (Graph's driveItem notifications carry none). */
export const changeNotificationsSchema = z.object({
  value: z
    .array(
      z.object({
        subscriptionId: z.string().max(200),
        clientState: z.string().max(255).nullish(),
        tenantId: z.string().max(100).optional(),
      }),
    )
    .max(1000),
});

const sameSecret = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/**
 * Graph's notifications only say "this drive changed": each one whose subscription Comptoir made and whose
 * clientState matches queues a delta round of that drive. Others (forged, stale, another app's) are ignored.
 * Returns how many were accepted.
 */
export async function acceptNotifications(
  d: IntakeDeps,
  body: z.infer<typeof changeNotificationsSchema>,
): Promise<number> {
  let accepted = 0;
  for (const note of body.value) {
    if (!note.tenantId || !note.clientState) continue;
    const known = await d.store.subscription(note.tenantId, note.subscriptionId);
    if (!known || !sameSecret(known.clientState, note.clientState)) continue;
    await d.enqueue({ kind: "drive", tenantId: note.tenantId, driveId: known.driveId });
    accepted++;
  }
  return accepted;
}
