import express, { type Router } from "express";
import { acceptNotifications, changeNotificationsSchema } from "../../accounting/intake/notifications";
import type { IntakeDeps } from "../../accounting/intake/service";

/**
 * `POST /api/graph/notifications`: Microsoft Graph's change notifications for the watched drives. Graph
 * calls it without a bearer token, so it trusts nothing it says: a notification only queues a delta round
 * of a drive whose subscription and clientState Comptoir stored, and the round reads Graph itself.
 * - subscription validation: `?validationToken=…` is echoed as text/plain within Graph's 10 s;
 * - notifications: answered 202 at once (Graph expects an answer within 3 s), whatever they hold.
 */
export function graphNotificationsRouter(intake: () => IntakeDeps | undefined): Router {
  const router = express.Router();
  router.post("/", express.json({ limit: "256kb" }), (req, res) => {
    const token = req.query.validationToken;
    if (typeof token === "string") {
      res.status(200).type("text/plain").send(token.slice(0, 2_000));
      return;
    }
    res.status(202).end();
    const parsed = changeNotificationsSchema.safeParse(req.body);
    const deps = intake();
    if (!parsed.success || !deps) return;
    void acceptNotifications(deps, parsed.data).catch((e: unknown) => deps.acc.log("graph notification", e));
  });
  return router;
}
