import type {
  ConversationRefRepository,
  ConversationRole,
  StoredReference,
  TenantBot,
  UserConversation,
} from "../../core/repos/conversation-refs";

/** A conversation the bot can reach again, as the agent hands it to the tracker. */
export type { StoredReference } from "../../core/repos/conversation-refs";

/**
 * Keeps the stored conversation references current from the activities the bot receives, writing only
 * when something changed. Each activity compares with what is stored (two point reads), never with this
 * instance's memory: another instance may have forgotten or replaced the reference since.
 */
export class ConversationTracker {
  constructor(
    private readonly refs: ConversationRefRepository,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async remember(tenantId: string, userOid: string, role: ConversationRole, reference: StoredReference): Promise<void> {
    await Promise.all([this.rememberPerson(tenantId, userOid, role, reference), this.rememberBot(tenantId, reference)]);
  }

  /** Stores a conversation the bot itself created (no activity from the user yet). */
  async created(tenantId: string, conversation: UserConversation, previous: UserConversation | null): Promise<void> {
    await this.refs.save(tenantId, conversation, previous);
  }

  /** The app was removed for this user: their conversation cannot be used any more. */
  async forget(tenantId: string, userOid: string): Promise<void> {
    const current = await this.refs.get(tenantId, userOid);
    if (current) await this.refs.remove(tenantId, current);
  }

  private async rememberPerson(
    tenantId: string,
    userOid: string,
    role: ConversationRole,
    reference: StoredReference,
  ): Promise<void> {
    const next = fingerprint(role, reference);
    const previous = await this.refs.get(tenantId, userOid);
    if (!previous || fingerprint(previous.role, previous.reference) !== next)
      await this.refs.save(tenantId, { userOid, role, reference, updatedAt: this.now().toISOString() }, previous);
  }

  private async rememberBot(tenantId: string, reference: StoredReference): Promise<void> {
    const bot: Omit<TenantBot, "updatedAt"> = {
      channelId: reference.channelId,
      serviceUrl: reference.serviceUrl,
      agent: reference.agent,
    };
    const next = JSON.stringify(bot);
    const stored = await this.refs.getBot(tenantId);
    const { updatedAt: _at, ...current } = stored ?? { updatedAt: "" };
    if (!stored || JSON.stringify(current) !== next)
      await this.refs.saveBot(tenantId, { ...bot, updatedAt: this.now().toISOString() });
  }
}

function fingerprint(role: ConversationRole, reference: StoredReference): string {
  return JSON.stringify({ role, reference });
}
