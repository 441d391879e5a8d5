import express, { type Router } from "express";
import { z } from "zod";
import type { FaultRegistry, FaultSpec, Fault } from "./faults";
import { memberSchema, userTypePatchSchema, type LocalUser, type MemberInput } from "./model";
import { normalizeEmail, type GraphStore } from "./store";
import type { RequestStats } from "./stats";
import { throttlePatchSchema, type SlidingWindowThrottle, type ThrottleConfig } from "./throttle";

export interface GraphStats {
  /** Per route label ("POST /v1.0/invitations") and status ("201", "429", "reset"). */
  requests: Record<string, Record<string, number>>;
  /** Invitations recorded per (lower-cased) address. */
  invitationsByEmail: Record<string, number>;
  /** E-mails sent through sendMail per (lower-cased) recipient. */
  mailsByRecipient: Record<string, number>;
  /** E-mails Microsoft would have sent for invitations, per recipient. */
  invitationMailsByRecipient: Record<string, number>;
  users: number;
  throttle: ThrottleConfig;
  faults: Fault[];
}

/** In-process handle on what /_control exposes over HTTP. */
export interface GraphControl {
  addFault(spec: FaultSpec): Fault;
  clearFaults(): void;
  setThrottle(patch: Partial<ThrottleConfig>): ThrottleConfig;
  stats(): Promise<GraphStats>;
  resetStats(): void;
  /** Registers a member of the tenant: an invitation of its address answers with it, as Graph does. */
  addMember(member: MemberInput): Promise<LocalUser>;
  /** Converts a user between guest and member (an admin's change in Entra); null when there is no such user. */
  setUserType(userId: string, userType: LocalUser["userType"]): Promise<LocalUser | null>;
}

export function createControl(deps: {
  store: GraphStore;
  faults: FaultRegistry;
  throttle: SlidingWindowThrottle;
  requests: RequestStats;
  now?: () => Date;
}): GraphControl {
  const count = (values: string[]) => {
    const out: Record<string, number> = {};
    for (const v of values) out[v] = (out[v] ?? 0) + 1;
    return out;
  };
  return {
    addFault: (spec) => deps.faults.add(spec),
    clearFaults: () => deps.faults.clear(),
    setThrottle: (patch) => deps.throttle.configure(patch),
    resetStats: () => deps.requests.reset(),
    addMember: (member) => deps.store.addMember(member, (deps.now ?? (() => new Date()))()),
    setUserType: (userId, userType) => deps.store.setUserType(userId, userType),
    async stats() {
      const [invitations, mails, users] = await Promise.all([
        deps.store.listInvitations(),
        deps.store.listMails(),
        deps.store.countUsers(),
      ]);
      const recipients = (kind: "sendMail" | "invitation") =>
        mails.filter((m) => m.kind === kind).flatMap((m) => m.to.map((r) => normalizeEmail(r.address)));
      return {
        requests: deps.requests.snapshot(),
        invitationsByEmail: count(invitations.map((i) => normalizeEmail(i.invitedUserEmailAddress))),
        mailsByRecipient: count(recipients("sendMail")),
        invitationMailsByRecipient: count(recipients("invitation")),
        users,
        throttle: deps.throttle.config,
        faults: deps.faults.list(),
      };
    },
  };
}

/** Test and benchmark controls (local only): fault injection, throttle settings, counters. */
export function createControlRoutes(control: GraphControl): Router {
  const router = express.Router();
  router.use(express.json({ limit: "16kb" }));
  router.post("/faults", (req, res) => {
    try {
      res.status(201).json(control.addFault(req.body as FaultSpec));
    } catch (e) {
      res.status(400).json({ error: e instanceof z.ZodError ? e.issues : String(e) });
    }
  });
  router.delete("/faults", (_req, res) => {
    control.clearFaults();
    res.status(204).end();
  });
  router.put("/throttle", (req, res) => {
    const patch = throttlePatchSchema.safeParse(req.body);
    if (!patch.success) return void res.status(400).json({ error: patch.error.issues });
    res.json(control.setThrottle(patch.data));
  });
  router.get("/stats", (_req, res, next) => {
    control
      .stats()
      .then((s) => res.json(s))
      .catch(next);
  });
  router.delete("/stats", (_req, res) => {
    control.resetStats();
    res.status(204).end();
  });
  router.post("/members", (req, res, next) => {
    const member = memberSchema.safeParse(req.body);
    if (!member.success) return void res.status(400).json({ error: member.error.issues });
    control
      .addMember(member.data)
      .then((user) => res.status(201).json(user))
      .catch(next);
  });
  router.patch("/users/:id", (req, res, next) => {
    const patch = userTypePatchSchema.safeParse(req.body);
    if (!patch.success) return void res.status(400).json({ error: patch.error.issues });
    control
      .setUserType(req.params.id, patch.data.userType)
      .then((user) => (user ? res.json(user) : res.status(404).end()))
      .catch(next);
  });
  return router;
}
