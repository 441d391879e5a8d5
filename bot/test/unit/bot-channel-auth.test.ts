import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { exportJWK, generateKeyPair, type JWK } from "jose";
import {
  BOT_FRAMEWORK_ISSUER,
  CLOCK_SKEW_SECONDS,
  refuseActivity,
  refuseTokenClaims,
} from "../../src/agent/channel-claims";
import { botFrameworkKeys } from "../../src/agent/channel-keys";
import { isAllowedServiceUrl } from "../../src/jobs/proactive/service-urls";

const TEAMS_HOSTS = [
  "smba.trafficmanager.net",
  "smba.infra.gcc.teams.microsoft.com",
  "smba.infra.gov.teams.microsoft.us",
  "smba.infra.dod.teams.microsoft.us",
];

describe("BOT_SERVICE_URL_HOSTS matching", () => {
  it("accepts https URLs on a listed host or one of its subdomains, whatever the case, port or trailing dot", () => {
    for (const url of [
      "https://smba.trafficmanager.net/emea/",
      "https://smba.trafficmanager.net/teams/",
      "https://SMBA.TrafficManager.net/amer/",
      "https://smba.trafficmanager.net./emea/",
      "https://eu.smba.trafficmanager.net/",
      "https://smba.trafficmanager.net:443/apac/",
      "https://smba.infra.gcc.teams.microsoft.com/teams",
      "https://smba.infra.gov.teams.microsoft.us/teams",
      "https://smba.infra.dod.teams.microsoft.us/teams",
    ])
      expect(isAllowedServiceUrl(url, TEAMS_HOSTS), url).toBe(true);
  });

  it("refuses look-alike hosts, plain http, credentials and what is not a URL", () => {
    for (const url of [
      "https://evil-smba.trafficmanager.net.example/",
      "https://smba.trafficmanager.net.evil.example/emea/",
      "https://evilsmba.trafficmanager.net/",
      "https://trafficmanager.net/",
      "https://smba.trafficmanager.net@evil.example/",
      "https://evil.example/smba.trafficmanager.net/",
      "https://evil.example/?smba.trafficmanager.net",
      "http://smba.trafficmanager.net/emea/",
      "https://user:pass@smba.trafficmanager.net/emea/",
      "smba.trafficmanager.net",
      "",
    ])
      expect(isAllowedServiceUrl(url, TEAMS_HOSTS), url).toBe(false);
    expect(isAllowedServiceUrl(undefined, TEAMS_HOSTS)).toBe(false);
  });

  it("allows nothing with an empty list", () => {
    expect(isAllowedServiceUrl("https://smba.trafficmanager.net/emea/", [])).toBe(false);
    expect(isAllowedServiceUrl("https://smba.trafficmanager.net/emea/", [""])).toBe(false);
  });
});

const BOT_ID = "8c7b6a5d-4e3f-4a2b-9c1d-0e9f8a7b6c5d";
const NOW = 1_800_000_000;
const valid = { iss: BOT_FRAMEWORK_ISSUER, aud: BOT_ID, nbf: NOW - 10, exp: NOW + 3600 };
const expected = { botId: BOT_ID, nowSeconds: NOW };

describe("the Bot Connector token's claims", () => {
  it("accepts the Bot Framework's issuer, the bot's app id and a current token", () => {
    expect(refuseTokenClaims(valid, expected)).toBeNull();
    expect(refuseTokenClaims({ ...valid, aud: ["other", BOT_ID] }, expected)).toBeNull();
  });

  it("refuses another issuer, another audience and a token without expiry", () => {
    expect(refuseTokenClaims({ ...valid, iss: "https://sts.windows.net/x/" }, expected)?.code).toBe(
      "AUTH_INVALID_ISSUER",
    );
    expect(refuseTokenClaims({ ...valid, iss: undefined }, expected)?.code).toBe("AUTH_INVALID_ISSUER");
    expect(refuseTokenClaims({ ...valid, aud: "https://api.botframework.com" }, expected)?.code).toBe(
      "AUTH_INVALID_AUDIENCE",
    );
    expect(refuseTokenClaims({ ...valid, aud: undefined }, expected)?.code).toBe("AUTH_INVALID_AUDIENCE");
    expect(refuseTokenClaims({ ...valid, exp: undefined }, expected)?.code).toBe("AUTH_INVALID_TOKEN");
  });

  it("allows the documented five minutes of clock skew on both ends, not more", () => {
    expect(CLOCK_SKEW_SECONDS).toBe(300);
    const expiredAt = (secondsAgo: number) => ({ ...valid, exp: NOW - secondsAgo });
    expect(refuseTokenClaims(expiredAt(299), expected)).toBeNull();
    expect(refuseTokenClaims(expiredAt(300), expected)?.code).toBe("AUTH_TOKEN_EXPIRED");
    const validFrom = (secondsAhead: number) => ({ ...valid, nbf: NOW + secondsAhead });
    expect(refuseTokenClaims(validFrom(300), expected)).toBeNull();
    expect(refuseTokenClaims(validFrom(301), expected)?.code).toBe("AUTH_INVALID_TOKEN");
    expect(refuseTokenClaims({ ...valid, nbf: "soon" }, expected)?.code).toBe("AUTH_INVALID_TOKEN");
  });
});

describe("the token vouches for its activity", () => {
  const serviceUrl = "https://smba.trafficmanager.net/emea/";
  const args = (over: {
    serviceurl?: unknown;
    channelId?: unknown;
    serviceUrl?: unknown;
    endorsements?: string[];
  }) => ({
    claims: { ...valid, serviceurl: "serviceurl" in over ? over.serviceurl : serviceUrl },
    endorsements: over.endorsements ?? ["msteams"],
    activity: {
      channelId: "channelId" in over ? over.channelId : "msteams",
      serviceUrl: "serviceUrl" in over ? over.serviceUrl : serviceUrl,
    },
    allowedHosts: TEAMS_HOSTS,
  });

  it("accepts a key endorsed for the channel, the same serviceUrl, on an allowed host", () => {
    expect(refuseActivity(args({}))).toBeNull();
  });

  it("refuses a key without the channel's endorsement", () => {
    expect(refuseActivity(args({ endorsements: ["webchat"] }))?.reason).toMatch(/endorsed/);
    expect(refuseActivity(args({ endorsements: [] }))?.reason).toMatch(/endorsed/);
    expect(refuseActivity(args({ channelId: "" }))?.reason).toMatch(/endorsed/);
    expect(refuseActivity(args({ channelId: undefined }))?.reason).toMatch(/endorsed/);
  });

  it("refuses a serviceurl claim that is not exactly the activity's serviceUrl", () => {
    for (const serviceurl of [
      undefined,
      "https://smba.trafficmanager.net/amer/",
      "https://smba.trafficmanager.net/emea",
    ])
      expect(refuseActivity(args({ serviceurl }))?.reason, String(serviceurl)).toMatch(/serviceurl claim/);
  });

  it("refuses a serviceUrl off the allow-list even when the claim names it", () => {
    const evil = "https://evil-smba.trafficmanager.net.example/";
    expect(refuseActivity(args({ serviceurl: evil, serviceUrl: evil }))).toEqual({
      code: "AUTH_INVALID_TOKEN",
      reason: "serviceUrl host not in BOT_SERVICE_URL_HOSTS",
    });
  });
});

describe("the Bot Framework's keys", () => {
  let server: Server | null = null;
  afterEach(() => new Promise<void>((ok) => (server ? server.close(() => ok()) : ok())));

  /** A metadata document and a JWKS that the test can rotate; counts the JWKS reads. */
  async function keyServer(initial: JWK[]) {
    const state = { keys: initial, reads: 0 };
    server = createServer((req, res) => {
      const base = `http://127.0.0.1:${(server?.address() as AddressInfo).port}`;
      res.setHeader("Content-Type", "application/json");
      if (req.url === "/v1/.well-known/openidconfiguration")
        return res.end(JSON.stringify({ issuer: BOT_FRAMEWORK_ISSUER, jwks_uri: `${base}/keys` }));
      state.reads++;
      res.end(JSON.stringify({ keys: state.keys }));
    });
    await new Promise<void>((ok) => server?.listen(0, "127.0.0.1", ok));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/.well-known/openidconfiguration`;
    return { state, url };
  }

  async function rsaJwk(kid: string, endorsements?: string[]): Promise<JWK> {
    const { publicKey } = await generateKeyPair("RS256", { extractable: true });
    return { ...(await exportJWK(publicKey)), kid, use: "sig", ...(endorsements ? { endorsements } : {}) };
  }

  it("finds keys with their endorsements, and skips what is not an RSA key with a kid", async () => {
    const { url } = await keyServer([
      await rsaJwk("a", ["msteams", "webchat"]),
      await rsaJwk("b"),
      { kty: "oct", k: "c2VjcmV0", kid: "hmac" },
      { ...(await rsaJwk("x")), kid: undefined },
    ]);
    const keys = botFrameworkKeys(url);
    expect((await keys.find("a"))?.endorsements).toEqual(["msteams", "webchat"]);
    expect((await keys.find("b"))?.endorsements).toEqual([]);
    expect(await keys.find("hmac")).toBeNull();
  });

  it("re-reads the keys for an unknown kid at most once per cooldown, and picks up a rotation", async () => {
    const { state, url } = await keyServer([await rsaJwk("old", ["msteams"])]);
    let now = 0;
    const keys = botFrameworkKeys(url, { refreshCooldownMs: 60_000, maxAgeMs: 3_600_000, now: () => now });
    expect(await keys.find("old")).not.toBeNull();
    expect(state.reads).toBe(1);
    state.keys = [await rsaJwk("new", ["msteams"])];
    for (let i = 0; i < 5; i++) expect(await keys.find(`forged-${i}`)).toBeNull();
    expect(state.reads).toBe(1);
    now = 60_000;
    expect(await keys.find("new")).not.toBeNull();
    expect(state.reads).toBe(2);
    now = 60_000 + 3_600_000;
    await keys.find("new");
    expect(state.reads).toBe(3);
  });
});
