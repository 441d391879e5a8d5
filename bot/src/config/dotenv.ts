import { existsSync, readFileSync } from "node:fs";

/** Parses the `KEY=value` lines of an env file; `#` starts a comment, quotes are optional. */
export function parseDotenv(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith("#")) continue;
    const eq = line.indexOf("=");
    if (eq <= 0) continue;
    const key = line.slice(0, eq).trim();
    let value = line.slice(eq + 1).trim();
    const quoted = /^(["'])(.*)\1$/.exec(value);
    if (quoted) value = quoted[2] ?? "";
    else value = value.replace(/\s+#.*$/, "");
    out[key] = value;
  }
  return out;
}

/** Reads `env/.env.<name>` then `env/.env.<name>.user` (local secrets, never committed); missing files are empty. */
export function readEnvFiles(envDir: string, name: string): Record<string, string> {
  const merged: Record<string, string> = {};
  for (const file of [`${envDir}/.env.${name}`, `${envDir}/.env.${name}.user`]) {
    if (existsSync(file)) Object.assign(merged, parseDotenv(readFileSync(file, "utf8")));
  }
  return merged;
}
