/**
 * Keeps one projection per firm in memory: loaded on first use, updated in place by this process's
 * writes, and reloaded in the background once older than `maxAgeMs` (to pick up other instances' writes).
 * A write during a reload triggers another reload, so no write is lost to a reload that read too early.
 */
export class PerTenant<V> {
  private readonly states = new Map<
    string,
    { value: Promise<V>; loadedAt: number; writes: number; reloading: boolean }
  >();

  constructor(
    private readonly load: (tenantId: string) => Promise<V>,
    private readonly maxAgeMs: number,
  ) {}

  get(tenantId: string): Promise<V> {
    const state = this.states.get(tenantId);
    if (!state) {
      const value = this.load(tenantId);
      this.states.set(tenantId, { value, loadedAt: Date.now(), writes: 0, reloading: false });
      value.catch(() => this.states.delete(tenantId));
      return value;
    }
    if (Date.now() - state.loadedAt > this.maxAgeMs && !state.reloading) this.reload(tenantId);
    return state.value;
  }

  /** Applies a write to the loaded projection, if any (an unloaded one will read it from storage). */
  async update(tenantId: string, apply: (value: V) => void): Promise<void> {
    const state = this.states.get(tenantId);
    if (!state) return;
    state.writes++;
    apply(await state.value);
  }

  forget(tenantId: string): void {
    this.states.delete(tenantId);
  }

  private reload(tenantId: string): void {
    const state = this.states.get(tenantId);
    if (!state) return;
    state.reloading = true;
    const writesBefore = state.writes;
    this.load(tenantId)
      .then((fresh) => {
        const current = this.states.get(tenantId);
        if (current !== state) return;
        state.reloading = false;
        if (state.writes !== writesBefore) return this.reload(tenantId);
        state.value = Promise.resolve(fresh);
        state.loadedAt = Date.now();
      })
      .catch((e: unknown) => {
        state.reloading = false;
        console.error("Projection reload failed", tenantId, e);
      });
  }
}
