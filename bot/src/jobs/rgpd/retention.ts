import { RETENTION_DEFAULT_DAYS } from "@comptoir/shared";
import type { InvitationState } from "../../core/repos/invitation-state";
import type { ServiceDeps } from "../../core/services/context";

const DAY_MS = 86_400_000;

/** The last thing the mail log row records; `null` when it records nothing yet. */
function lastLogged(state: InvitationState): number | null {
  const dates = [state.invitedAt, state.mailQueuedAt, state.mailSentAt, state.appInstalledAt, state.error?.at ?? null]
    .filter((d): d is string => d !== null)
    .map((d) => Date.parse(d));
  return dates.length === 0 ? null : Math.max(...dates);
}

/**
 * One retention pass for a firm: audit events and mail log rows (`invitations`) older than the firm's
 * `logRetentionDays` go. Safe when several instances run it at once: a row another deleted first is
 * skipped, and a mail log row is deleted only as it was read (a worker that took it up again keeps it).
 */
export async function applyRetention(
  deps: ServiceDeps,
  tenantId: string,
): Promise<{ auditEvents: number; mailLogs: number }> {
  const now = deps.now();
  const days = (await deps.repos.firms.get(tenantId))?.value.logRetentionDays ?? RETENTION_DEFAULT_DAYS;
  const cutoff = new Date(now.getTime() - days * DAY_MS);
  const auditEvents = await deps.repos.audit.deleteOlderThan(tenantId, cutoff);
  let mailLogs = 0;
  for await (const { value, etag } of deps.repos.invitations.all(tenantId)) {
    const last = lastLogged(value);
    const leased = value.leaseUntil !== null && Date.parse(value.leaseUntil) > now.getTime();
    if (last === null || last >= cutoff.getTime() || leased) continue;
    if (await deps.repos.invitations.deleteIfUnchanged(tenantId, value.subscriptionId, etag)) mailLogs++;
  }
  return { auditEvents, mailLogs };
}

export interface RetentionJob {
  stop(): void;
}

/**
 * Runs `applyRetention` on every instance, a minute or so after start and then every `everyMs` (jittered
 * so that instances started together spread out); a failed pass is logged and tried again next time.
 */
export function startRetention(deps: ServiceDeps, tenantId: string, everyMs: number): RetentionJob {
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const schedule = (ms: number) => {
    if (stopped) return;
    timer = setTimeout(() => void pass(), ms * (0.75 + Math.random() / 2));
    timer.unref();
  };
  const pass = async () => {
    try {
      const done = await applyRetention(deps, tenantId);
      if (done.auditEvents + done.mailLogs > 0)
        console.log(`Retention: ${done.auditEvents} audit events, ${done.mailLogs} mail log rows deleted`);
    } catch (e) {
      console.error("Retention pass failed", e);
    }
    schedule(everyMs);
  };
  schedule(Math.min(60_000, everyMs));
  return {
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
