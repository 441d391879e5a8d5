import { describe, expect, it } from "vitest";
import {
  applyEdits,
  changedElsewhere,
  dirtyFields,
  editField,
  EMPTY_DRAFT,
  type DraftState,
} from "../src/components/draft";

type Form = { nom: string; email: string; active: boolean };
const stored: Form = { nom: "Collaboratif", email: "client@exemple.fr", active: true };

describe("a form draft over a stored record", () => {
  it("shows the record with the edits on top, and only real changes as dirty", () => {
    let draft: DraftState<Form> = EMPTY_DRAFT;
    draft = editField(draft, stored, "nom", "Collaboratif2");
    draft = editField(draft, stored, "active", true);
    expect(applyEdits(stored, draft.edits)).toEqual({ ...stored, nom: "Collaboratif2" });
    expect(dirtyFields(stored, draft.edits)).toEqual(["nom"]);
  });

  it("after a reload (412), keeps the person's edits and tells which fields someone else changed", () => {
    const draft = editField(EMPTY_DRAFT, stored, "nom", "Mine");
    const reloaded: Form = { nom: "Theirs", email: "nouveau@exemple.fr", active: true };
    expect(applyEdits(reloaded, draft.edits)).toEqual({ ...reloaded, nom: "Mine" });
    expect(changedElsewhere(draft, reloaded)).toEqual(["nom", "email"]);
    expect(dirtyFields(reloaded, draft.edits)).toEqual(["nom"]);
  });

  it("remembers the record as it was at the first edit, not at later ones", () => {
    const first = editField(EMPTY_DRAFT, stored, "nom", "A");
    const later = editField(first, { ...stored, email: "x@exemple.fr" }, "nom", "B");
    expect(later.origin).toEqual(stored);
    expect(changedElsewhere(EMPTY_DRAFT, stored)).toEqual([]);
  });
});
