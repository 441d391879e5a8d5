import { existsSync, readFileSync } from "node:fs";
import { parseEnv } from "node:util";

/**
 * Parses the `KEY=value` lines of an env file with Node's own parser: `#` starts a comment (inside a
 * value too, unless the value is quoted), quotes are optional.
 */
export function parseDotenv(text: string): Record<string, string> {
  return parseEnv(text) as Record<string, string>; // every key it returns has a string value
}

/** Reads `env/.env.<name>` then `env/.env.<name>.user` (local secrets, never committed); missing files are empty. */
export function readEnvFiles(envDir: string, name: string): Record<string, string> {
  const merged: Record<string, string> = {};
  for (const file of [`${envDir}/.env.${name}`, `${envDir}/.env.${name}.user`]) {
    if (existsSync(file)) Object.assign(merged, parseDotenv(readFileSync(file, "utf8")));
  }
  return merged;
}
