import { useCallback, useMemo, useState } from "react";

/** A grid's multi-selection: the keys of the chosen rows, kept across searches and pages. */
export type KeySet = ReadonlySet<string>;

export function toggleKey(keys: KeySet, key: string): KeySet {
  const next = new Set(keys);
  if (!next.delete(key)) next.add(key);
  return next;
}

/** How many of the loaded rows are chosen, for the header checkbox. */
export function selectionState(keys: KeySet, loaded: readonly string[]): "none" | "some" | "all" {
  const chosen = loaded.filter((k) => keys.has(k)).length;
  if (chosen === 0) return "none";
  return chosen === loaded.length ? "all" : "some";
}

/** The header checkbox: every loaded row when any is missing, else none of them (rows chosen elsewhere stay). */
export function toggleAllKeys(keys: KeySet, loaded: readonly string[]): KeySet {
  const next = new Set(keys);
  if (selectionState(keys, loaded) === "all") for (const k of loaded) next.delete(k);
  else for (const k of loaded) next.add(k);
  return next;
}

/** State and actions of a multi-selection. */
export function useKeySelection() {
  const [keys, setKeys] = useState<KeySet>(() => new Set());
  const toggle = useCallback((key: string) => setKeys((k) => toggleKey(k, key)), []);
  const toggleAll = useCallback((loaded: readonly string[]) => setKeys((k) => toggleAllKeys(k, loaded)), []);
  const clear = useCallback(() => setKeys(new Set()), []);
  return useMemo(() => ({ keys, toggle, toggleAll, clear }), [keys, toggle, toggleAll, clear]);
}

export type KeySelection = ReturnType<typeof useKeySelection>;
