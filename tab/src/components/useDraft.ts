import { useState } from "react";
import {
  applyEdits,
  changedElsewhere,
  dirtyFields,
  editField,
  EMPTY_DRAFT,
  type DraftState,
  type Values,
} from "./draft";

type Keyed<V extends Values> = DraftState<V> & { key: string };

/**
 * The person's edits over `base` (the stored record), for the record named `key`: another key starts
 * afresh. `conflicts` lists the fields both the person and someone else changed (after a reload).
 */
export function useDraft<V extends Values>(key: string, base: V | null) {
  const [state, setState] = useState<Keyed<V>>({ key, ...EMPTY_DRAFT });
  const current: DraftState<V> = state.key === key ? state : EMPTY_DRAFT;
  const values = base ? applyEdits(base, current.edits) : null;
  const dirty = base ? dirtyFields(base, current.edits) : [];
  const conflicts = base ? changedElsewhere(current, base).filter((f) => dirty.includes(f)) : [];

  function set<K extends keyof V & string>(field: K, value: V[K]) {
    if (!base) return;
    setState((s) => ({ key, ...editField(s.key === key ? s : EMPTY_DRAFT, base, field, value) }));
  }

  function reset() {
    setState({ key, ...EMPTY_DRAFT });
  }

  return { values, dirty: dirty.length > 0, dirtyFields: dirty, conflicts, set, reset };
}
