import { randomUUID } from "node:crypto";
import type { ChannelAccount } from "./types";

export interface StoredActivity {
  id: string;
  /** The activity as last sent or updated by the bot. */
  activity: Record<string, unknown>;
  replyToId: string | null;
  updates: number;
  deleted: boolean;
}

interface Conversation {
  id: string;
  activities: Map<string, StoredActivity>;
  members: Map<string, ChannelAccount>;
}

/** What the bot sent to each conversation, kept the way a channel would show it (updates applied). */
export class ConversationStore {
  private readonly conversations = new Map<string, Conversation>();
  /** 1:1 conversations are stable per user, as in Teams: creating one again returns the same id. */
  private readonly personal = new Map<string, string>();
  private lastActivityId = Date.now();

  /** Conversations started by a user are not created through the API: they exist from their first use. */
  ensure(conversationId: string): Conversation {
    let conversation = this.conversations.get(conversationId);
    if (!conversation) {
      conversation = { id: conversationId, activities: new Map(), members: new Map() };
      this.conversations.set(conversationId, conversation);
    }
    return conversation;
  }

  create(args: { isGroup: boolean; tenantId: string | null; members: ChannelAccount[] }): string {
    const only = args.members.length === 1 ? args.members[0] : undefined;
    const key = !args.isGroup && only ? `${args.tenantId ?? ""}|${only.id}` : null;
    const existing = key ? this.personal.get(key) : undefined;
    const id = existing ?? `a:local-${randomUUID()}`;
    if (key) this.personal.set(key, id);
    const conversation = this.ensure(id);
    for (const member of args.members) conversation.members.set(member.id, member);
    return id;
  }

  /** Teams activity ids are increasing numbers (milliseconds); ours are too, and unique. */
  add(conversationId: string, activity: Record<string, unknown>, replyToId: string | null): string {
    this.lastActivityId = Math.max(this.lastActivityId + 1, Date.now());
    const id = String(this.lastActivityId);
    this.ensure(conversationId).activities.set(id, {
      id,
      activity: { ...activity, id },
      replyToId,
      updates: 0,
      deleted: false,
    });
    return id;
  }

  /** `false` when the conversation has no such live activity. */
  update(conversationId: string, activityId: string, activity: Record<string, unknown>): boolean {
    const stored = this.conversations.get(conversationId)?.activities.get(activityId);
    if (!stored || stored.deleted) return false;
    stored.activity = { ...activity, id: activityId };
    stored.updates += 1;
    return true;
  }

  delete(conversationId: string, activityId: string): boolean {
    const stored = this.conversations.get(conversationId)?.activities.get(activityId);
    if (!stored || stored.deleted) return false;
    stored.deleted = true;
    return true;
  }

  activities(conversationId: string): StoredActivity[] {
    return [...(this.conversations.get(conversationId)?.activities.values() ?? [])]
      .filter((a) => !a.deleted)
      .map((a) => structuredClone(a));
  }

  addMember(conversationId: string, member: ChannelAccount): void {
    this.ensure(conversationId).members.set(member.id, member);
  }

  members(conversationId: string): ChannelAccount[] | null {
    const conversation = this.conversations.get(conversationId);
    return conversation ? [...conversation.members.values()] : null;
  }

  member(conversationId: string, memberId: string): ChannelAccount | null {
    return this.conversations.get(conversationId)?.members.get(memberId) ?? null;
  }

  clear(): void {
    this.conversations.clear();
    this.personal.clear();
  }
}
