import { randomUUID } from "node:crypto";
import express, { type Router } from "express";
import { z } from "zod";
import type { LocalDrive } from "./drive";
import { sendGraphError } from "./graph-errors";

/** A driveItem subscription lives at most 42,300 minutes (Graph's "Maximum length of subscription per resource type"). */
export const DRIVE_SUBSCRIPTION_MAX_MINUTES = 42_300;
/** Graph waits 10 s for the validation answer. */
const VALIDATION_TIMEOUT_MS = 10_000;

const createSchema = z.object({
  changeType: z.string(),
  notificationUrl: z.url(),
  resource: z.string(),
  expirationDateTime: z.iso.datetime({ offset: true }),
  clientState: z.string().max(255).optional(),
});
const renewSchema = z.object({ expirationDateTime: z.iso.datetime({ offset: true }) });

interface LocalSubscription {
  id: string;
  driveId: string;
  resource: string;
  changeType: string;
  notificationUrl: string;
  clientState: string | undefined;
  expires: Date;
}

export interface DriveSubscriptionsDeps {
  drives: ReadonlyMap<string, LocalDrive>;
  tenantId: string;
  now: () => Date;
}

/** `/drives/{id}/root` (with or without the leading slash): the only driveItem a business drive subscribes to. */
function driveOfResource(resource: string): string | null {
  return /^\/?drives\/([^/]+)\/root$/.exec(resource)?.[1] ?? null;
}

const view = (s: LocalSubscription) => ({
  "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#subscriptions/$entity",
  id: s.id,
  resource: s.resource,
  changeType: s.changeType,
  clientState: s.clientState ?? null,
  notificationUrl: s.notificationUrl,
  expirationDateTime: s.expires.toISOString(),
  latestSupportedTlsVersion: "v1_2",
});

/** Posts the validation token as Graph does; the subscription is made only if the endpoint echoes it. */
async function validates(notificationUrl: string): Promise<boolean> {
  const token = `Validation: Testing client application reachability for subscription Request-Id: ${randomUUID()}`;
  const url = new URL(notificationUrl);
  url.searchParams.set("validationToken", token);
  try {
    const res = await fetch(url, {
      method: "POST",
      headers: { "Content-Type": "text/plain; charset=utf-8" },
      signal: AbortSignal.timeout(VALIDATION_TIMEOUT_MS),
    });
    return res.status === 200 && (await res.text()) === token;
  } catch {
    return false;
  }
}

/**
 * Change notifications on drives (Graph `subscriptions`): creation with the validation handshake, renewal,
 * deletion, and a `changeNotificationCollection` posted to each live subscription of a drive that changed.
 * Subscriptions are kept in this process: after a restart of the stand-in, renewals answer 404 and the
 * subscriber must subscribe again, as it must when Graph drops one.
 */
export function createDriveSubscriptions(deps: DriveSubscriptionsDeps): {
  routes: Router;
  notify: (driveId: string) => Promise<void>;
} {
  const subscriptions = new Map<string, LocalSubscription>();
  const live = (id: string) => {
    const s = subscriptions.get(id);
    if (s && s.expires <= deps.now()) subscriptions.delete(id);
    return subscriptions.get(id);
  };
  const maxExpiry = () => new Date(deps.now().getTime() + DRIVE_SUBSCRIPTION_MAX_MINUTES * 60_000);

  const routes = express.Router();
  routes.post("/subscriptions", async (req, res) => {
    const body = createSchema.safeParse(req.body);
    if (!body.success) return sendGraphError(res, 400, { code: "InvalidRequest", message: body.error.message });
    const driveId = driveOfResource(body.data.resource);
    if (!driveId || !deps.drives.has(driveId)) {
      return sendGraphError(res, 400, { code: "InvalidRequest", message: "Resource not supported or not found." });
    }
    if (body.data.changeType !== "updated") {
      return sendGraphError(res, 400, {
        code: "InvalidRequest",
        message: "driveItem supports changeType 'updated' only.",
      });
    }
    const expires = new Date(body.data.expirationDateTime);
    if (expires <= deps.now() || expires > maxExpiry()) {
      return sendGraphError(res, 400, { code: "InvalidRequest", message: "Subscription expiration is out of range." });
    }
    if (!(await validates(body.data.notificationUrl))) {
      return sendGraphError(res, 400, {
        code: "ValidationError",
        message:
          "Subscription validation request failed. Notification endpoint must respond with 200 OK to validation request.",
      });
    }
    const subscription: LocalSubscription = {
      id: randomUUID(),
      driveId,
      resource: body.data.resource,
      changeType: body.data.changeType,
      notificationUrl: body.data.notificationUrl,
      clientState: body.data.clientState,
      expires,
    };
    subscriptions.set(subscription.id, subscription);
    res.status(201).json(view(subscription));
  });

  routes.get("/subscriptions/:id", (req, res) => {
    const s = live(req.params.id);
    if (!s) return sendGraphError(res, 404, { code: "ResourceNotFound", message: "The object was not found." });
    res.json(view(s));
  });

  routes.patch("/subscriptions/:id", (req, res) => {
    const s = live(req.params.id);
    if (!s) return sendGraphError(res, 404, { code: "ResourceNotFound", message: "The object was not found." });
    const body = renewSchema.safeParse(req.body);
    if (!body.success) return sendGraphError(res, 400, { code: "InvalidRequest", message: body.error.message });
    const expires = new Date(body.data.expirationDateTime);
    if (expires <= deps.now() || expires > maxExpiry()) {
      return sendGraphError(res, 400, { code: "InvalidRequest", message: "Subscription expiration is out of range." });
    }
    s.expires = expires;
    res.json(view(s));
  });

  routes.delete("/subscriptions/:id", (req, res) => {
    if (!live(req.params.id)) {
      return sendGraphError(res, 404, { code: "ResourceNotFound", message: "The object was not found." });
    }
    subscriptions.delete(req.params.id);
    res.status(204).end();
  });

  /** One notification per live subscription of the drive; a failed delivery is dropped (the subscriber's delta catches up). */
  async function notify(driveId: string): Promise<void> {
    const targets = [...subscriptions.keys()].map(live).filter((s) => s?.driveId === driveId);
    await Promise.all(
      targets.map(async (s) => {
        if (!s) return;
        const body = {
          value: [
            {
              subscriptionId: s.id,
              subscriptionExpirationDateTime: s.expires.toISOString(),
              changeType: "updated",
              resource: s.resource,
              clientState: s.clientState ?? null,
              tenantId: deps.tenantId,
            },
          ],
        };
        await fetch(s.notificationUrl, {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify(body),
          signal: AbortSignal.timeout(VALIDATION_TIMEOUT_MS),
        }).catch(() => undefined);
      }),
    );
  }

  return { routes, notify };
}
