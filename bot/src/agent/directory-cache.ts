/**
 * What the bot needs to know of a person from the firm's directory (Microsoft Graph in both modes; the wiring
 * hands over `graphPersonDirectory`, which has this shape). `null`: the directory does not know them.
 */
export interface DirectoryPerson {
  userType: string | null;
  appRoles: readonly string[];
}
export interface PersonDirectory {
  person(oid: string): Promise<DirectoryPerson | null>;
}

/** A removed role stops working in chat within this time at most. */
export const MAX_DIRECTORY_TTL_MS = 5 * 60_000;

export interface DirectoryCacheOptions {
  /** How long an answer is kept (capped at `MAX_DIRECTORY_TTL_MS`). */
  ttlMs?: number;
  /** How long a failed lookup stands (the person is nobody meanwhile), so an outage is not asked about per message. */
  failureTtlMs?: number;
  /** Bound on remembered persons; the oldest answer goes first. */
  maxEntries?: number;
  now?: () => number;
  onFailure?: (oid: string, error: unknown) => void;
}

/**
 * Remembers the directory's answers for a few minutes (one lookup per person, not per message; concurrent
 * messages share one lookup). A failed lookup answers `null` — nobody is staff — and is kept only briefly.
 */
export class CachedDirectory implements PersonDirectory {
  private readonly entries = new Map<string, { answer: Promise<DirectoryPerson | null>; until: number }>();
  private readonly ttlMs: number;
  private readonly failureTtlMs: number;
  private readonly maxEntries: number;
  private readonly now: () => number;
  private readonly onFailure: (oid: string, error: unknown) => void;

  constructor(
    private readonly source: PersonDirectory,
    opts: DirectoryCacheOptions = {},
  ) {
    this.ttlMs = Math.min(opts.ttlMs ?? MAX_DIRECTORY_TTL_MS, MAX_DIRECTORY_TTL_MS);
    this.failureTtlMs = Math.min(opts.failureTtlMs ?? 15_000, this.ttlMs);
    this.maxEntries = Math.max(1, opts.maxEntries ?? 5_000);
    this.now = opts.now ?? Date.now;
    this.onFailure = opts.onFailure ?? logFailure;
  }

  person(oid: string): Promise<DirectoryPerson | null> {
    const started = this.now();
    const cached = this.entries.get(oid);
    if (cached && cached.until > started) return cached.answer;
    const entry = { answer: Promise.resolve<DirectoryPerson | null>(null), until: started + this.ttlMs };
    entry.answer = this.source.person(oid).catch((error: unknown) => {
      entry.until = Math.min(entry.until, this.now() + this.failureTtlMs);
      this.onFailure(oid, error);
      return null;
    });
    // Re-inserted at the end: the Map's first key is the oldest answer.
    this.entries.delete(oid);
    this.entries.set(oid, entry);
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.maxEntries) break;
      this.entries.delete(oldest);
    }
    return entry.answer;
  }
}

function logFailure(oid: string, error: unknown): void {
  // A coded failure (e.g. GRAPH_FORBIDDEN: Directory.Read.All not consented) says enough without its stack.
  const code = typeof error === "object" && error !== null && "code" in error ? String(error.code) : "";
  const detail = code ? `${code} ${JSON.stringify((error as { params?: unknown }).params ?? {})}` : error;
  console.error(`[bot] directory lookup failed for ${oid}, nobody is staff meanwhile:`, detail);
}
