import { describe, expect, it } from "vitest";
import { applyStartRoute, startRouteFor } from "../src/auth/start-route";

/** A window whose hash replaceState changes, as the browser's does. */
function windowWithHash(hash: string) {
  const win = {
    location: { hash },
    history: {
      state: null,
      replaceState(_state: unknown, _title: string, url: string) {
        win.location.hash = url;
      },
    },
  };
  return win;
}

describe("the page a Teams deep link opens", () => {
  it("maps the links' subEntityId to the dossier and société pages", () => {
    expect(startRouteFor("dossiers/01HZX3")).toBe("/dossiers/01HZX3");
    expect(startRouteFor("ma-societe/d-42")).toBe("/ma-societe/d-42");
  });

  it("ignores anything else, so a crafted link cannot lead elsewhere", () => {
    for (const sub of [undefined, "", "parametres", "dossiers/", "dossiers/a/b", "dossiers/../x", "https://x/#/a"])
      expect(startRouteFor(sub), String(sub)).toBeNull();
  });

  it("opens the page on a bare URL, and keeps the page a reload names", () => {
    const bare = windowWithHash("");
    applyStartRoute("/dossiers/d1", bare);
    expect(bare.location.hash).toBe("#/dossiers/d1");

    const reloaded = windowWithHash("#/portefeuille");
    applyStartRoute("/dossiers/d1", reloaded);
    expect(reloaded.location.hash).toBe("#/portefeuille");
  });
});
