import type { RecordedRequest } from "./types";

export interface RecordedFilter {
  conversationId?: string;
  method?: string;
  /** Tested on the decoded path; a string is a regular expression. */
  path?: RegExp | string;
}

/** Every Bot Connector call, in arrival order, kept in memory until cleared. */
export class Recorder {
  private entries: RecordedRequest[] = [];
  private seq = 0;

  start(entry: Omit<RecordedRequest, "seq" | "at" | "status">): RecordedRequest {
    const recorded: RecordedRequest = { ...entry, seq: ++this.seq, at: new Date().toISOString(), status: 0 };
    this.entries.push(recorded);
    return recorded;
  }

  list(filter: RecordedFilter = {}): RecordedRequest[] {
    const path = typeof filter.path === "string" ? new RegExp(filter.path) : filter.path;
    const method = filter.method?.toUpperCase();
    return this.entries
      .filter(
        (r) =>
          (filter.conversationId === undefined || r.conversationId === filter.conversationId) &&
          (method === undefined || r.method === method) &&
          (path === undefined || path.test(r.path)),
      )
      .map((r) => structuredClone(r));
  }

  clear(): void {
    this.entries = [];
  }
}
