import { describe, expect, it } from "vitest";
import { checkTokenFragment, parseTokenFragment } from "../src/auth/token-fragment";

const fragment = (params: Record<string, string>) => `#${new URLSearchParams(params).toString()}`;

describe("parseTokenFragment", () => {
  it("reads the token, state and lifetime the local sign-in page sends back", () => {
    const hash = fragment({ access_token: "a.b.c", token_type: "Bearer", expires_in: "3600", state: "s1" });
    expect(parseTokenFragment(hash)).toEqual({ accessToken: "a.b.c", state: "s1", expiresInSeconds: 3600 });
  });

  it("ignores route hashes, which are not sign-in responses", () => {
    expect(parseTokenFragment("#/portefeuille")).toBeNull();
    expect(parseTokenFragment("")).toBeNull();
  });

  it("rejects a token type other than Bearer", () => {
    expect(parseTokenFragment(fragment({ access_token: "x", token_type: "mac", state: "s" }))).toBeNull();
  });

  it("falls back to one hour when expires_in is missing or not a positive number", () => {
    expect(parseTokenFragment(fragment({ access_token: "x", state: "s" }))?.expiresInSeconds).toBe(3600);
    expect(parseTokenFragment(fragment({ access_token: "x", state: "s", expires_in: "-5" }))?.expiresInSeconds).toBe(
      3600,
    );
  });
});

describe("checkTokenFragment", () => {
  const ok = fragment({ access_token: "tok", token_type: "Bearer", expires_in: "60", state: "expected" });

  it("accepts the response to our own request", () => {
    expect(checkTokenFragment(ok, "expected")).toEqual({
      kind: "ok",
      token: { accessToken: "tok", state: "expected", expiresInSeconds: 60 },
    });
  });

  it("refuses a response whose state we did not issue (injected token)", () => {
    expect(checkTokenFragment(ok, "other")).toEqual({ kind: "state-mismatch" });
    expect(checkTokenFragment(ok, null)).toEqual({ kind: "state-mismatch" });
  });

  it("says none for ordinary hashes and invalid for a broken response", () => {
    expect(checkTokenFragment("#/roles", "expected")).toEqual({ kind: "none" });
    expect(checkTokenFragment("#access_token=&state=expected", "expected")).toEqual({ kind: "invalid" });
  });
});
