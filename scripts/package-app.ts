/**
 * Builds the Teams app package for one environment: `npm run package -- --env local` (default) or `--env dev`.
 * Reads env/.env.<env> (+ env/.env.<env>.user), fills every ${{VAR}} of the manifest and its localization files
 * and writes appPackage/build/manifest.<env>.json and appPackage/build/appPackage.<env>.zip.
 */
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { APP_PACKAGE_DIR, assembleAppPackage } from "../appPackage/assemble";
import { MissingPlaceholderError } from "../appPackage/render";
import { readEnvFiles } from "../bot/src/config/dotenv";

const rootDir = fileURLToPath(new URL("..", import.meta.url));
const envDir = join(rootDir, "env");

function fail(message: string): never {
  console.error(`package: ${message}`);
  process.exit(1);
}

const { values } = parseArgs({ options: { env: { type: "string", default: "local" } } });
const envName = values.env;
if (!/^[a-z0-9][a-z0-9-]*$/i.test(envName)) fail(`invalid environment name "${envName}"`);
if (!existsSync(join(envDir, `.env.${envName}`))) fail(`env/.env.${envName} does not exist`);

// Like the server's loadEnv: the process environment wins over the files (CI can inject values).
const vars: Record<string, string> = { TEAMSFX_ENV: envName, ...readEnvFiles(envDir, envName) };
for (const [key, value] of Object.entries(process.env)) if (value) vars[key] = value;

let built: ReturnType<typeof assembleAppPackage>;
try {
  built = assembleAppPackage(vars);
} catch (error) {
  if (error instanceof MissingPlaceholderError) {
    fail(
      `cannot package "${envName}": no value for ${error.names.join(", ")}. ` +
        `Set ${error.names.length > 1 ? "them" : "it"} in env/.env.${envName} (secrets in env/.env.${envName}.user)` +
        (envName === "local" ? "." : `, or provision the environment first.`),
    );
  }
  throw error;
}

const outDir = join(APP_PACKAGE_DIR, "build");
mkdirSync(outDir, { recursive: true });
const manifestPath = join(outDir, `manifest.${envName}.json`);
const zipPath = join(outDir, `appPackage.${envName}.zip`);
writeFileSync(manifestPath, built.manifest);
writeFileSync(zipPath, built.zip);
console.log(`Wrote ${relative(rootDir, manifestPath)}`);
console.log(`Wrote ${relative(rootDir, zipPath)} (${built.entries.map((e) => e.name).join(", ")})`);
