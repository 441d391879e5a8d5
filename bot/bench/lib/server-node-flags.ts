import { readFileSync } from "node:fs";

/**
 * The backend's V8 flags and environment, as `npm start` and App Service give them to the server
 * (bot/server-node-flags.json, where each is explained): the benches and the teams harness start it so.
 */
export function serverNodeFlags(): { flags: string[]; env: Record<string, string> } {
  return JSON.parse(readFileSync(new URL("../../server-node-flags.json", import.meta.url), "utf8")) as {
    flags: string[];
    env: Record<string, string>;
  };
}
