import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { translate } from "@comptoir/shared/i18n/translate";
import { apiFetch, ApiError, setApiAuth, setApiLocale, type ApiAuth } from "../src/api/client";

interface Call {
  url: string;
  headers: Record<string, string>;
  method: string;
  body: string | undefined;
}

let calls: Call[] = [];

function respond(...responses: Response[]) {
  const queue = [...responses];
  vi.stubGlobal("fetch", (url: string, init: RequestInit) => {
    calls.push({
      url,
      headers: init.headers as Record<string, string>,
      method: init.method ?? "GET",
      body: init.body as string | undefined,
    });
    const next = queue.shift();
    return next ? Promise.resolve(next) : Promise.reject(new TypeError("Failed to fetch"));
  });
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json", ...headers } });

function fakeAuth(tokens: string[]) {
  let i = 0;
  const auth = {
    token: (refresh: boolean) => {
      if (refresh) i = Math.min(i + 1, tokens.length - 1);
      return Promise.resolve(tokens[i] ?? "");
    },
    rejected: vi.fn<ApiAuth["rejected"]>(),
    succeeded: vi.fn<ApiAuth["succeeded"]>(),
  };
  return auth satisfies ApiAuth;
}

const itemSchema = z.object({ id: z.string() });

beforeEach(() => {
  calls = [];
  setApiLocale("fr");
});
afterEach(() => {
  vi.unstubAllGlobals();
  setApiAuth(null);
});

describe("apiFetch", () => {
  it("sends the bearer token, the locale, If-Match and a JSON body; returns parsed data and ETag", async () => {
    const auth = fakeAuth(["t1"]);
    setApiAuth(auth);
    setApiLocale("en");
    respond(json(200, { id: "d1" }, { ETag: 'W/"3"' }));

    const result = await apiFetch("/api/v1/things/d1", {
      method: "PATCH",
      body: { name: "x" },
      etag: 'W/"2"',
      schema: itemSchema,
    });

    expect(result).toEqual({ data: { id: "d1" }, etag: 'W/"3"' });
    expect(calls[0]?.method).toBe("PATCH");
    expect(calls[0]?.body).toBe('{"name":"x"}');
    expect(calls[0]?.headers).toMatchObject({
      Authorization: "Bearer t1",
      "Accept-Language": "en",
      "If-Match": 'W/"2"',
      "Content-Type": "application/json",
    });
    expect(auth.succeeded).toHaveBeenCalledOnce();
  });

  it("sends no Authorization header on public endpoints", async () => {
    setApiAuth(fakeAuth(["t1"]));
    respond(json(200, { id: "x" }));
    await apiFetch("/auth-config.json", { schema: itemSchema, auth: false });
    expect(calls[0]?.headers.Authorization).toBeUndefined();
  });

  it("turns the server's error body into an ApiError with its localized message and fields", async () => {
    setApiAuth(fakeAuth(["t1"]));
    const body = {
      code: "VALIDATION_FAILED",
      message: "Certaines données sont invalides.",
      fields: [{ path: "name", message: "Requis" }],
    };
    respond(json(422, body));
    const error = await apiFetch("/api/v1/x", { schema: itemSchema }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 422, code: "VALIDATION_FAILED", message: body.message, fields: body.fields });
  });

  it("retries a 401 once with a fresh token", async () => {
    const auth = fakeAuth(["old", "new"]);
    setApiAuth(auth);
    respond(json(401, { code: "AUTH_TOKEN_EXPIRED", message: "expiré" }), json(200, { id: "ok" }));
    await expect(apiFetch("/api/v1/me", { schema: itemSchema })).resolves.toMatchObject({ data: { id: "ok" } });
    expect(calls.map((c) => c.headers.Authorization)).toEqual(["Bearer old", "Bearer new"]);
    expect(auth.rejected).not.toHaveBeenCalled();
  });

  it("hands a 401 it cannot fix to the sign-in layer, without retrying the same token", async () => {
    const auth = fakeAuth(["only"]);
    setApiAuth(auth);
    respond(json(401, { code: "AUTH_INVALID_TOKEN", message: "Le jeton d'accès est invalide." }));
    await expect(apiFetch("/api/v1/me", { schema: itemSchema })).rejects.toMatchObject({ status: 401 });
    expect(calls).toHaveLength(1);
    expect(auth.rejected).toHaveBeenCalledOnce();
    expect(auth.rejected.mock.calls[0]?.[0]).toMatchObject({ code: "AUTH_INVALID_TOKEN" });
  });

  it("explains a network failure in the current language", async () => {
    setApiLocale("en");
    respond();
    await expect(apiFetch("/api/v1/me", { schema: itemSchema })).rejects.toMatchObject({
      status: 0,
      code: "SERVICE_UNAVAILABLE",
      message: translate("en", "error.SERVICE_UNAVAILABLE"),
    });
  });

  it("refuses a success body that does not match the schema", async () => {
    respond(json(200, { unexpected: true }));
    await expect(apiFetch("/api/v1/me", { schema: itemSchema })).rejects.toMatchObject({ code: "INTERNAL" });
  });

  it("parses an empty 204 as undefined", async () => {
    respond(new Response(null, { status: 204 }));
    await expect(apiFetch("/api/v1/x", { method: "DELETE", schema: z.undefined() })).resolves.toEqual({
      data: undefined,
      etag: null,
    });
  });
});
