import { randomUUID } from "node:crypto";
import { AppError, type Actor, type ErrorCode, type Principal, type ServiceSubscription } from "@comptoir/shared";
import type { Repos } from "../repos";
import { Projections } from "./projections";

/** What every domain service needs: storage, read models, a clock and an id source (both replaceable in tests). */
export interface ServiceDeps {
  repos: Repos;
  projections: Projections;
  now: () => Date;
  newId: () => string;
  /** Told after a new proposal is stored (starts the invitation pipeline). */
  onProposed?: (tenantId: string, subscription: ServiceSubscription) => Promise<void>;
  /** Told after a subscription is revoked (e.g. to remove a guest left with no service). */
  onRevoked?: (tenantId: string, subscription: ServiceSubscription) => Promise<void>;
}

/** Who acts, for whom, and when: one per request. */
export interface Ctx {
  tenantId: string;
  actor: Actor;
  now: Date;
}

export function ctxFor(principal: Principal, deps: Pick<ServiceDeps, "now">): Ctx {
  return { tenantId: principal.tenantId, actor: { oid: principal.oid, name: principal.name }, now: deps.now() };
}

export function createServiceDeps(repos: Repos): ServiceDeps {
  return { repos, projections: new Projections(repos), now: () => new Date(), newId: () => randomUUID() };
}

export function found<T>(value: T | null | undefined, code: ErrorCode): T {
  if (value === null || value === undefined) throw new AppError(code);
  return value;
}
