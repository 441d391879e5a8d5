/**
 * A form's edits kept apart from the record they were made on, so a reload (after a 412) refreshes the
 * record and its ETag while the person's typing is re-applied on top, and we can tell which fields
 * someone else changed meanwhile.
 */
export type Values = Record<string, string | boolean>;

export interface DraftState<V extends Values> {
  edits: Partial<V>;
  /** The record as it was when the first edit was made; `null` while there is no edit. */
  origin: V | null;
}

export const EMPTY_DRAFT = { edits: {}, origin: null } as const;

export function applyEdits<V extends Values>(base: V, edits: Partial<V>): V {
  return { ...base, ...edits };
}

/** Fields whose edited value differs from the record. */
export function dirtyFields<V extends Values>(base: V, edits: Partial<V>): (keyof V & string)[] {
  return (Object.keys(edits) as (keyof V & string)[]).filter((k) => edits[k] !== undefined && edits[k] !== base[k]);
}

export function editField<V extends Values, K extends keyof V>(
  state: DraftState<V>,
  base: V,
  field: K,
  value: V[K],
): DraftState<V> {
  return { edits: { ...state.edits, [field]: value }, origin: state.origin ?? base };
}

/** Fields the stored record changed since the person started editing (someone else saved them). */
export function changedElsewhere<V extends Values>(state: DraftState<V>, base: V): (keyof V & string)[] {
  const origin = state.origin;
  if (!origin) return [];
  return (Object.keys(base) as (keyof V & string)[]).filter((k) => origin[k] !== base[k]);
}
