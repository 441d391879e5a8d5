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
