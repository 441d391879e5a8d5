/** Where a projection learns what other instances wrote: the firm's change log, numbered without gaps. */
export interface ChangeFeed<C> {
  /** The number of the firm's last change: one cheap point read. */
  version(tenantId: string): Promise<number>;
  /** The changes numbered `after + 1` to `upTo`, in order; fewer when the oldest were trimmed. */
  since(tenantId: string, after: number, upTo: number): Promise<C[]>;
}

export interface SyncOptions<V, C> {
  /** Builds the firm's projection from the tables. */
  load: (tenantId: string) => Promise<V>;
  /** Re-reads what the changes name (point reads) and applies it. */
  apply: (tenantId: string, value: V, changes: readonly C[]) => Promise<void>;
  feed: ChangeFeed<C>;
  /** Reads within this long of the last check answer without asking storage. */
  checkEveryMs: number;
  /** Further behind than this many changes, a full reload is cheaper than catching up. */
  maxCatchUp: number;
  /** A full reload in the background this often, a backstop for a change that a crash never logged. */
  reloadEveryMs: number;
}

interface State<V, C> {
  value: V;
  /** The last change number this projection reflects. */
  applied: number;
  checkedAt: number;
  loadedAt: number;
  check: Promise<void> | null;
  reload: Promise<void> | null;
  /** This process's writes while a reload runs, re-read once it lands (the reload may have read too early). */
  duringReload: C[];
}

/**
 * One projection per firm in memory, as fresh as storage within `checkEveryMs`: loaded on first use,
 * updated in place by this process's writes, and before a read, at most once per `checkEveryMs`, brought
 * up to the firm's change log (one point read; when it moved, the changed documents are read again).
 * A reader too far behind, or whose changes were trimmed, reloads the whole projection.
 */
export class PerTenant<V, C> {
  private readonly states = new Map<string, Promise<State<V, C>>>();

  constructor(private readonly opts: SyncOptions<V, C>) {}

  async get(tenantId: string): Promise<V> {
    let pending = this.states.get(tenantId);
    if (!pending) {
      pending = this.loadState(tenantId);
      this.states.set(tenantId, pending);
      pending.catch(() => this.states.delete(tenantId));
      return (await pending).value;
    }
    const state = await pending;
    const now = Date.now();
    if (now - state.loadedAt > this.opts.reloadEveryMs && !state.reload) void this.reloadQuietly(tenantId, state);
    if (!state.check && now - state.checkedAt >= this.opts.checkEveryMs) {
      state.checkedAt = now;
      state.check = this.catchUp(tenantId, state).finally(() => (state.check = null));
    }
    if (state.check) await state.check;
    return state.value;
  }

  /** Applies this process's stored write to the loaded projection, if any (an unloaded one reads it from storage). */
  async update(tenantId: string, change: C, apply: (value: V) => void): Promise<void> {
    const pending = this.states.get(tenantId);
    if (!pending) return;
    const state = await pending.catch(() => null);
    if (!state) return;
    if (state.reload) state.duringReload.push(change);
    apply(state.value);
  }

  forget(tenantId: string): void {
    this.states.delete(tenantId);
  }

  private async loadState(tenantId: string): Promise<State<V, C>> {
    // The version is read first: whatever was logged by then is in the load, anything later is read after.
    const applied = await this.opts.feed.version(tenantId);
    const value = await this.opts.load(tenantId);
    const now = Date.now();
    return { value, applied, checkedAt: now, loadedAt: now, check: null, reload: null, duringReload: [] };
  }

  private async catchUp(tenantId: string, state: State<V, C>): Promise<void> {
    const version = await this.opts.feed.version(tenantId);
    if (version === state.applied) return;
    const gap = version - state.applied;
    if (gap < 0 || gap > this.opts.maxCatchUp) return this.reload(tenantId, state);
    const changes = await this.opts.feed.since(tenantId, state.applied, version);
    if (changes.length !== gap) return this.reload(tenantId, state);
    const value = state.value;
    await this.opts.apply(tenantId, value, changes);
    // A reload that landed meanwhile replaced the value, and its own version stands.
    if (state.value === value) state.applied = Math.max(state.applied, version);
  }

  private reload(tenantId: string, state: State<V, C>): Promise<void> {
    state.reload ??= (async () => {
      try {
        const fresh = await this.loadState(tenantId);
        const written = state.duringReload.splice(0);
        if (written.length > 0) await this.opts.apply(tenantId, fresh.value, written);
        state.value = fresh.value;
        state.applied = fresh.applied;
        state.loadedAt = fresh.loadedAt;
      } finally {
        state.reload = null;
        state.duringReload = [];
      }
    })();
    return state.reload;
  }

  private async reloadQuietly(tenantId: string, state: State<V, C>): Promise<void> {
    await this.reload(tenantId, state).catch((e: unknown) => console.error("Projection reload failed", tenantId, e));
  }
}
