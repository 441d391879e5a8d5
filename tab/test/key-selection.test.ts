import { describe, expect, it } from "vitest";
import { selectionState, toggleAllKeys, toggleKey } from "../src/components/key-selection";

describe("a grid's multi-selection", () => {
  it("toggles one key without touching the others", () => {
    const one = toggleKey(new Set(["a"]), "b");
    expect([...one]).toEqual(["a", "b"]);
    expect([...toggleKey(one, "a")]).toEqual(["b"]);
  });

  it("tells the header checkbox none, some or all of the loaded rows", () => {
    expect(selectionState(new Set(), ["a", "b"])).toBe("none");
    expect(selectionState(new Set(["a", "z"]), ["a", "b"])).toBe("some");
    expect(selectionState(new Set(["a", "b"]), ["a", "b"])).toBe("all");
  });

  it("selects every loaded row unless all are chosen, then clears them and keeps rows chosen under another search", () => {
    const some = new Set(["a", "z"]);
    const all = toggleAllKeys(some, ["a", "b"]);
    expect([...all].sort()).toEqual(["a", "b", "z"]);
    expect([...toggleAllKeys(all, ["a", "b"])]).toEqual(["z"]);
  });
});
