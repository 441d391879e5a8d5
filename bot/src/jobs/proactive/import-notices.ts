import type { AdaptiveCard, Locale } from "@comptoir/shared";
import type { ImportNoticeSkipReason } from "@comptoir/shared/api/import-notices";
import type { AppLinks } from "../../core/services/app-links";
import type { ServiceDeps } from "../../core/services/context";
import type { ImportNoticeCard } from "./messages";

/** Builds an import notice's card from stored data when it goes out, or says why it will not (accounting slice). */
export type ImportNoticeBuilder = (
  message: { tenantId: string; card: ImportNoticeCard },
  locale: Locale,
  links: AppLinks,
) => Promise<{ card: AdaptiveCard } | { skipped: ImportNoticeSkipReason } | { gone: true }>;

type Outcome =
  { status: "sent" } | { status: "failed"; error: string } | { status: "skipped"; reason: ImportNoticeSkipReason };

/** Records what became of a queued notice on its row (the row the notifier created before queueing it). */
export async function recordNotice(
  deps: ServiceDeps,
  tenantId: string,
  card: ImportNoticeCard,
  outcome: Outcome,
): Promise<void> {
  const notices = deps.repos.importNotices;
  const current = await notices.get(tenantId, card.dossierId, card.importId, card.contactId);
  if (!current) return;
  await notices.record(tenantId, {
    ...current,
    status: outcome.status,
    reason: outcome.status === "skipped" ? outcome.reason : null,
    error: outcome.status === "failed" ? outcome.error : null,
    at: deps.now().toISOString(),
  });
}
