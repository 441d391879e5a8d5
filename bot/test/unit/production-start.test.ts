import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { serverNodeFlags } from "../../bench/lib/server-node-flags";

const root = fileURLToPath(new URL("../../../", import.meta.url));
const readText = (file: string) => readFileSync(join(root, file), "utf8");

describe("production start (App Service)", () => {
  it("starts the built bundle with the backend's V8 flags and environment, without npm or a TypeScript loader", () => {
    const { flags, env } = serverNodeFlags();
    const bicep = readText("infra/azure.bicep");
    const commandLine = bicep.match(/^\s*appCommandLine: '([^']*)'/m)?.[1];
    expect(commandLine).toBe(["node", ...flags, "bot/dist/main.js"].join(" "));
    // The environment goes through the app settings (App Service sets them on the process it starts).
    const settings = bicep.split("resource webAppSettings")[1]?.split(/^}/m)[0] ?? "";
    expect(Object.keys(env).length).toBeGreaterThan(0);
    for (const [name, value] of Object.entries(env))
      expect(settings).toMatch(new RegExp(`^\\s*${name}: '${value}'$`, "m"));
  });

  it("deploys what it starts: the toolkit's deploy builds the bundle, the zip keeps it", () => {
    const scripts = (JSON.parse(readText("package.json")) as { scripts: Record<string, string> }).scripts;
    expect(scripts["build"]).toContain("npm run build:bot");
    expect(scripts["build:bot"]).toBe("node scripts/build-bot.mjs");
    expect(readText("scripts/build-bot.mjs")).toContain('join(root, "bot", "dist", "main.js")');
    // teamsapp.yml: `npm run build` comes before the zip deployment.
    const deploy =
      readText("teamsapp.yml")
        .split(/^deploy:$/m)[1]
        ?.split(/^publish:$/m)[0] ?? "";
    expect(deploy).toMatch(/args: run build[\s\S]*uses: azureAppService\/zipDeploy/);
    const ignored = readText("infra/.webappignore")
      .split("\n")
      .filter((line) => line && !line.startsWith("#"));
    expect(ignored.filter((pattern) => /(^|\/)(bot\/)?dist\/?$|^\*\*\/dist/.test(pattern))).toEqual([]);
  });
});
