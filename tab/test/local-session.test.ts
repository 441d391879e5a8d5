import { describe, expect, it } from "vitest";
import {
  beginLocalSignIn,
  buildAuthorizeUrl,
  clearReauthAttempt,
  consumeLocalRedirect,
  readStoredToken,
  storeToken,
  tryReauthAttempt,
  type KeyValueStore,
} from "../src/auth/local-session";

function memoryStore(): KeyValueStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  };
}

/** Just enough of `window` for the sign-in round trip. */
function fakeWindow(href: string) {
  let url = new URL(href);
  const assigned: string[] = [];
  const win = {
    location: {
      get hash() {
        return url.hash;
      },
      get pathname() {
        return url.pathname;
      },
      get search() {
        return url.search;
      },
      get origin() {
        return url.origin;
      },
      assign: (to: string) => void assigned.push(to),
    },
    history: {
      replaceState: (_state: unknown, _title: string, to: string) => {
        url = new URL(to, url);
      },
    },
  };
  return { win: win as unknown as Window, assigned, href: () => url.href };
}

const NOW = 1_700_000_000_000;

describe("buildAuthorizeUrl", () => {
  it("sends redirect_uri and state, encoded", () => {
    expect(buildAuthorizeUrl("/local-idp/authorize", "https://t.example/app/", "abc")).toBe(
      "/local-idp/authorize?redirect_uri=https%3A%2F%2Ft.example%2Fapp%2F&state=abc",
    );
  });

  it("appends to an authorize URL that already has a query", () => {
    expect(buildAuthorizeUrl("/idp?x=1", "https://t.example/", "s")).toBe(
      "/idp?x=1&redirect_uri=https%3A%2F%2Ft.example%2F&state=s",
    );
  });
});

describe("stored token", () => {
  it("is returned until it expires, then dropped", () => {
    const store = memoryStore();
    storeToken(store, "jwt", 60, NOW);
    expect(readStoredToken(store, NOW + 59_000)).toBe("jwt");
    expect(readStoredToken(store, NOW + 60_000)).toBeNull();
    expect(store.data.size).toBe(0);
  });

  it("treats garbage in storage as signed out", () => {
    const store = memoryStore();
    store.setItem("comptoir.auth.token", "{not json");
    expect(readStoredToken(store, NOW)).toBeNull();
  });
});

describe("local sign-in round trip", () => {
  it("keeps the wanted route, then restores it and stores the token on return", () => {
    const store = memoryStore();
    const before = fakeWindow("https://t.example/?host=teams#/roles");
    beginLocalSignIn(before.win, store, "/local-idp/authorize", "?host=teams#/roles");

    const sent = new URL(before.assigned[0] ?? "", "https://t.example");
    expect(sent.pathname).toBe("/local-idp/authorize");
    expect(sent.searchParams.get("redirect_uri")).toBe("https://t.example/");
    const state = sent.searchParams.get("state") ?? "";
    expect(state).toMatch(/^[0-9a-f]{32}$/);

    const back = fakeWindow(`https://t.example/#access_token=jwt&token_type=Bearer&expires_in=3600&state=${state}`);
    expect(consumeLocalRedirect(back.win, store, NOW)).toBe("signed-in");
    expect(back.href()).toBe("https://t.example/?host=teams#/roles");
    expect(readStoredToken(store, NOW + 1000)).toBe("jwt");
  });

  it("refuses a token with a foreign state and still clears it from the address bar", () => {
    const store = memoryStore();
    beginLocalSignIn(fakeWindow("https://t.example/").win, store, "/idp", "");
    const back = fakeWindow("https://t.example/#access_token=evil&token_type=Bearer&state=forged");
    expect(consumeLocalRedirect(back.win, store, NOW)).toBe("rejected");
    expect(back.href()).toBe("https://t.example/");
    expect(readStoredToken(store, NOW)).toBeNull();
  });

  it("leaves ordinary route hashes alone", () => {
    const store = memoryStore();
    const page = fakeWindow("https://t.example/#/portefeuille");
    expect(consumeLocalRedirect(page.win, store, NOW)).toBe("none");
    expect(page.href()).toBe("https://t.example/#/portefeuille");
  });

  it("allows one automatic re-sign-in after a 401, not a loop", () => {
    const store = memoryStore();
    expect(tryReauthAttempt(store)).toBe(true);
    expect(tryReauthAttempt(store)).toBe(false);
    clearReauthAttempt(store);
    expect(tryReauthAttempt(store)).toBe(true);
  });
});
