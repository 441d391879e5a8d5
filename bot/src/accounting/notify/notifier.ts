import { contactDisplayName, isConsultable, isLive } from "@comptoir/shared";
import type { ImportNotice, ImportNoticeSkipReason } from "@comptoir/shared/api/import-notices";
import type { ServiceDeps } from "../../core/services/context";
import type { AccountingDeps, ImportedEvent } from "../deps";
import { BackgroundWork } from "../../lib/background-work";
import { hasLinesFor, recipientOf } from "./recipient";

/** The queue message of one notice: built into a card when it goes out, from the data stored then. */
export type ImportNoticeMessage = {
  tenantId: string;
  userOid: string;
  card: { kind: "importNotice"; dossierId: string; importId: string; exercice: string; contactId: string };
};

export interface ImportNotifier {
  /** Called by the import once an exercice switched; returns at once, the work goes on in the background. */
  imported(event: ImportedEvent): void;
  /** Does the work of `imported` and resolves when every notice is claimed and queued (tests, a second run). */
  notify(event: ImportedEvent): Promise<void>;
  /** Resolves once the background work started so far is done (tests, shutdown). */
  idle(): Promise<void>;
}

/**
 * Tells every contact with an active Consultation on the dossier that new figures are in: one card each,
 * through the proactive queue. Each contact's row `(import, contact)` is created before the message is queued,
 * insert-only: a second notifier, on this or another instance, finds it and queues nothing, so a contact is
 * told at most once per import. Skipped contacts get a row too, so that staff see why.
 */
export function createImportNotifier(
  deps: ServiceDeps,
  acc: AccountingDeps,
  enqueue: (message: ImportNoticeMessage) => Promise<void>,
): ImportNotifier {
  const running = new BackgroundWork((message, error) => acc.log(message, error));

  async function notify(event: ImportedEvent): Promise<void> {
    const { tenantId, dossierId, importId, exercice } = event;
    const [dossier, pointer, subscriptions] = await Promise.all([
      deps.repos.dossiers.get(tenantId, dossierId),
      acc.store.getPointer(tenantId, dossierId, exercice),
      deps.repos.subscriptions.listByDossier(tenantId, dossierId),
    ]);
    if (!dossier || pointer?.importId !== importId) return; // replaced or deleted since: a newer import tells
    const contactIds = new Set(subscriptions.filter((s) => isLive(s) && isConsultable(s)).map((s) => s.contactId));
    for (const contactId of contactIds) {
      const recipient = await recipientOf(deps, tenantId, dossier.value, contactId);
      if (recipient.kind === "none") continue;
      const notice = (status: ImportNotice["status"], reason: ImportNoticeSkipReason | null): ImportNotice => ({
        importId,
        dossierId,
        contactId,
        contactName: contactDisplayName(recipient.contact),
        status,
        reason,
        at: deps.now().toISOString(),
        error: null,
      });
      const skip = (reason: ImportNoticeSkipReason) =>
        deps.repos.importNotices.claim(tenantId, notice("skipped", reason));
      if (await deps.repos.importNotices.isOptedOut(tenantId, contactId)) await skip("optedOut");
      else if (recipient.kind === "unreachable") await skip("unreachable");
      else if (!hasLinesFor(recipient.access, pointer)) await skip("noLines");
      else if (await deps.repos.importNotices.claim(tenantId, notice("queued", null))) {
        const card = { kind: "importNotice" as const, dossierId, importId, exercice, contactId };
        await enqueue({ tenantId, userOid: recipient.principal.oid, card }).catch(async (e: unknown) => {
          acc.log(`import ${importId}: queueing the notice of ${contactId} failed`, e);
          await deps.repos.importNotices.record(tenantId, { ...notice("failed", null), error: "QUEUE_UNAVAILABLE" });
        });
      }
    }
  }

  return {
    imported(event) {
      running.start(`import ${event.importId}: notifying the clients`, () => notify(event));
    },
    notify,
    idle: () => running.idle(),
  };
}
