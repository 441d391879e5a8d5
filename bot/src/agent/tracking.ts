import type { ConversationTracker, StoredReference } from "../jobs/proactive/conversation-tracker";
import type { Caller } from "./identity";

/**
 * Keeps the proactive conversation references in step with who the caller is now: staff and clients are
 * remembered (staff get notifications); someone who is neither any more — a role removed in Entra ID, a contact
 * unbound — is forgotten, so no staff notification reaches them again.
 */
export async function trackCaller(
  tracker: ConversationTracker,
  caller: Caller,
  reference: StoredReference | null,
): Promise<void> {
  try {
    if (caller.kind === "staff" || caller.kind === "client") {
      if (reference) await tracker.remember(caller.tenantId, caller.oid, caller.kind, reference);
    } else if (caller.kind === "member" || caller.kind === "guest") {
      await tracker.forget(caller.tenantId, caller.oid);
    }
  } catch (e) {
    console.error("[bot] could not store the conversation reference", e);
  }
}
