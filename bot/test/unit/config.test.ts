import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, loadEnv, parseEnv } from "../../src/config/env";
import { parseDotenv } from "../../src/config/dotenv";

describe("configuration", () => {
  it("defaults to local mode with no Entra settings", () => {
    const env = parseEnv({ COMPTOIR_MODE: "local" });
    expect(env).toMatchObject({ COMPTOIR_MODE: "local", PORT: 3978, HOST: "127.0.0.1" });
  });

  it("names every bad variable in one message", () => {
    let error: unknown;
    try {
      parseEnv({ COMPTOIR_MODE: "teams", PORT: "not-a-port", AAD_APP_CLIENT_ID: "nope" });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as ConfigError).message;
    for (const name of [
      "PORT",
      "AAD_APP_CLIENT_ID",
      "AAD_APP_TENANT_ID",
      "BOT_ID",
      "SECRET_BOT_PASSWORD",
      "TAB_ENDPOINT",
      "STORAGE_CONNECTION_STRING",
    ]) {
      expect(message).toContain(name);
    }
  });

  it("teams mode: Microsoft's public endpoints by default, an empty value in a file meaning unset", () => {
    const dir = mkdtempSync(join(tmpdir(), "comptoir-env-"));
    const required = [
      "COMPTOIR_MODE=teams",
      "TAB_ENDPOINT=https://comptoir.example",
      "TAB_DOMAIN=comptoir.example",
      "TEAMS_APP_ID=2d4f6a8c-0e1b-4c3d-8e5f-7a9b1c3d5e7f",
      "AAD_APP_CLIENT_ID=3f6a2c1e-7b4d-4e8a-9f0c-1d2e3f4a5b6c",
      "AAD_APP_TENANT_ID=5a0f3c2e-8d1b-4e6a-9c7f-2b4d6e8f0a1c",
      "SECRET_AAD_APP_CLIENT_SECRET=s",
      "BOT_ID=8c7b6a5d-4e3f-4a2b-9c1d-0e9f8a7b6c5d",
      "SECRET_BOT_PASSWORD=p",
      "STORAGE_CONNECTION_STRING=UseDevelopmentStorage=true",
      "GRAPH_MAIL_SENDER=cabinet@comptoir.example",
    ];
    writeFileSync(join(dir, ".env.cloud"), [...required, "GRAPH_BASE_URL=", "BOT_SERVICE_URL_HOSTS=", ""].join("\n"));
    expect(loadEnv({ COMPTOIR_ENV: "cloud" }, dir)).toMatchObject({
      AAD_APP_OAUTH_AUTHORITY_HOST: "https://login.microsoftonline.com",
      GRAPH_BASE_URL: "https://graph.microsoft.com/v1.0",
      BOT_OPENID_METADATA_URL: "https://login.botframework.com/v1/.well-known/openidconfiguration",
      BOT_SERVICE_URL_HOSTS: expect.arrayContaining(["smba.trafficmanager.net"]) as unknown,
    });
    expect(
      loadEnv({ COMPTOIR_ENV: "cloud", BOT_SERVICE_URL_HOSTS: " Connector.Example , 127.0.0.1 " }, dir),
    ).toMatchObject({ BOT_SERVICE_URL_HOSTS: ["connector.example", "127.0.0.1"] });
  });

  it("rejects an unknown mode", () => {
    expect(() => parseEnv({ COMPTOIR_MODE: "prod" })).toThrow(ConfigError);
  });

  it("reads env/.env.<name>, then .user, with the process environment winning", () => {
    const dir = mkdtempSync(join(tmpdir(), "comptoir-env-"));
    writeFileSync(join(dir, ".env.demo"), 'COMPTOIR_MODE=local\nPORT=4000 # comment\nDATA_DIR="/tmp/x"\n');
    writeFileSync(join(dir, ".env.demo.user"), "PORT=4001\n");
    expect(loadEnv({ COMPTOIR_ENV: "demo" }, dir)).toMatchObject({ PORT: 4001, DATA_DIR: "/tmp/x" });
    expect(loadEnv({ COMPTOIR_ENV: "demo", PORT: "4002" }, dir)).toMatchObject({ PORT: 4002 });
  });

  it("parses dotenv lines", () => {
    expect(parseDotenv("# c\nA=1\n B = 'two words' \nC=x # note\nbad line\n")).toEqual({
      A: "1",
      B: "two words",
      C: "x",
    });
  });

  it("reads a `#` as a comment unless the value is quoted", () => {
    expect(parseDotenv('A=pa#ss\nB="pa#ss"\nC="x # y"\n')).toEqual({ A: "pa", B: "pa#ss", C: "x # y" });
  });
});
