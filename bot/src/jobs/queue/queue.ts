import type { QueueClient } from "@azure/storage-queue";
import { QueueServiceClient } from "@azure/storage-queue";
import type { z } from "zod";
import { STORAGE_PIPELINE_RETRY_OPTIONS } from "../../lib/storage-faults";

export interface Received<T> {
  body: T;
  messageId: string;
  popReceipt: string;
  dequeueCount: number;
}

/**
 * A typed Azure Storage queue (Azurite locally). Messages are JSON parsed with their schema on the way
 * out; a message that does not parse is dropped with a log line instead of poisoning the queue.
 */
export class JsonQueue<S extends z.ZodType> {
  private constructor(
    private readonly client: QueueClient,
    private readonly schema: S,
  ) {}

  static async open<S extends z.ZodType>(connectionString: string, name: string, schema: S): Promise<JsonQueue<S>> {
    const client = QueueServiceClient.fromConnectionString(connectionString, {
      retryOptions: STORAGE_PIPELINE_RETRY_OPTIONS,
    }).getQueueClient(name);
    await client.createIfNotExists();
    return new JsonQueue(client, schema);
  }

  async send(body: z.input<S>, opts: { delaySeconds?: number } = {}): Promise<void> {
    await this.client.sendMessage(JSON.stringify(body), {
      visibilityTimeout: opts.delaySeconds ?? 0,
      messageTimeToLive: -1,
    });
  }

  /** Up to 32 messages, hidden from other receivers for `visibilitySeconds` until deleted. */
  async receive(max: number, visibilitySeconds: number): Promise<Received<z.output<S>>[]> {
    const res = await this.client.receiveMessages({
      numberOfMessages: Math.min(32, max),
      visibilityTimeout: visibilitySeconds,
    });
    const out: Received<z.output<S>>[] = [];
    for (const m of res.receivedMessageItems) {
      const parsed = this.schema.safeParse(safeJson(m.messageText));
      if (!parsed.success) {
        console.error(`Dropping a malformed message from ${this.client.name}`, m.messageText.slice(0, 200));
        await this.client.deleteMessage(m.messageId, m.popReceipt);
        continue;
      }
      out.push({ body: parsed.data, messageId: m.messageId, popReceipt: m.popReceipt, dequeueCount: m.dequeueCount });
    }
    return out;
  }

  async delete(message: Pick<Received<unknown>, "messageId" | "popReceipt">): Promise<void> {
    await this.client.deleteMessage(message.messageId, message.popReceipt);
  }

  /** Puts a message back after `delaySeconds` (a retry with backoff); returns the new pop receipt. */
  async retryLater(message: Received<z.output<S>>, delaySeconds: number): Promise<void> {
    await this.client.updateMessage(
      message.messageId,
      message.popReceipt,
      undefined,
      Math.max(0, Math.round(delaySeconds)),
    );
  }

  async approximateCount(): Promise<number> {
    return (await this.client.getProperties()).approximateMessagesCount ?? 0;
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
